// Statistical secrecy (issue 3 §5): small cells hidden, a second cell hidden where a published
// total would give the first away, totals never hidden.
import { describe, expect, it } from 'vitest';
import { buildFigureSet } from '../../src/figures/build-set.js';
import { applyConfidentiality, formatFiguresCsv, type Figure, type FigureSet, type PublishedFigures } from '../../src/figures/index.js';
import { figuresOf } from './figure-helpers.js';
import { auditExport } from './secrecy-audit-helpers.js';

function fig(indicateur: string, annee: number, cell: string, valeur: number, unite = 'personnes'): Figure {
  const [dimension = '', modalite = ''] = cell === '' ? [] : cell.split('=');
  return { indicateur, annee, dimension, modalite, valeur, unite, libelle: indicateur, ...(dimension && { libelleModalite: modalite }), source: { kind: 'donnees', file: 'x.csv' } };
}

function setOf(...figures: Figure[]): FigureSet {
  return buildFigureSet(2024, figures, [], []);
}

/** `modalite → shown value` of one breakdown. */
function shown(view: PublishedFigures, indicateur: string, dimension: string): Record<string, number | string> {
  return Object.fromEntries(view.figures.filter((f) => f.indicateur === indicateur && f.dimension === dimension).map((f) => [f.modalite, f.valeur]));
}

describe('applyConfidentiality', () => {
  const genre = [fig('accueil.personnes', 2024, 'genre=Femme', 10), fig('accueil.personnes', 2024, 'genre=Homme', 2), fig('accueil.personnes', 2024, 'genre=Autre', 5), fig('accueil.personnes', 2024, 'genre=Inconnu', 0)];

  it('with a published total: hides the small cell and the smallest other non-zero cell', () => {
    const view = applyConfidentiality(setOf(fig('accueil.personnes', 2024, '', 17), ...genre), 3);
    expect(shown(view, 'accueil.personnes', 'genre')).toEqual({ Autre: 's', Femme: 10, Homme: '< 3', Inconnu: 0 });
    expect(shown(view, 'accueil.personnes', '')).toEqual({ '': 17 });
    expect(view.suppressed.map(({ modalite, raison }) => [modalite, raison])).toEqual([['Autre', 'secondaire'], ['Homme', 'seuil']]);
    expect(view.suppressed.every((cell) => !('valeur' in cell))).toBe(true);
  });

  it('without a published total: hides the small cell only', () => {
    const view = applyConfidentiality(setOf(...genre), 3);
    expect(shown(view, 'accueil.personnes', 'genre')).toEqual({ Autre: 5, Femme: 10, Homme: '< 3', Inconnu: 0 });
  });

  it('adds a second cell when two small cells could be worked out (1 + 1), not when they cannot (1 + 2)', () => {
    const ones = applyConfidentiality(setOf(fig('a.b', 2024, '', 12), fig('a.b', 2024, 'g=x', 1), fig('a.b', 2024, 'g=y', 1), fig('a.b', 2024, 'g=z', 10)), 3);
    expect(shown(ones, 'a.b', 'g')).toEqual({ x: '< 3', y: '< 3', z: 's' });
    const mixed = applyConfidentiality(setOf(fig('a.b', 2024, '', 13), fig('a.b', 2024, 'g=x', 1), fig('a.b', 2024, 'g=y', 2), fig('a.b', 2024, 'g=z', 10)), 3);
    expect(shown(mixed, 'a.b', 'g')).toEqual({ x: '< 3', y: '< 3', z: 10 });
  });

  it('never hides a total, even a small one, and hides nothing when the threshold is 0', () => {
    const set = setOf(fig('a.b', 2024, '', 1), fig('a.b', 2024, 'g=x', 1), fig('a.b', 2024, 'g=y', 0));
    expect(shown(applyConfidentiality(set, 3), 'a.b', '')).toEqual({ '': 1 });
    const off = applyConfidentiality(set, 0);
    expect(off.suppressed).toEqual([]);
    expect(off.threshold).toBe(0);
    expect(shown(off, 'a.b', 'g')).toEqual({ x: 1, y: 0 });
  });

  it('follows the configured threshold', () => {
    const view = applyConfidentiality(setOf(...genre), 6);
    expect(shown(view, 'accueil.personnes', 'genre')).toEqual({ Autre: '< 6', Femme: 10, Homme: '< 6', Inconnu: 0 });
  });

  it('leaves months, money, rates and activity volumes alone, but hides rates and amounts of a hidden count', () => {
    const view = applyConfidentiality(
      setOf(
        fig('a.b', 2024, 'mois=2024-01', 1),
        fig('a.c', 2024, 'g=x', 2, '€'),
        fig('a.d', 2024, 'g=x', 1, '%'),
        fig('maraudes.sessions', 2024, 'site=Gare', 1, 'maraudes'),
        fig('trod.tests', 2024, 'depistage=VHC', 1, 'tests'),
        fig('trod.taux_positivite', 2024, 'depistage=VHC', 100, '%'),
        fig('aides.nombre', 2024, 'nature=Transport', 2, 'aides'),
        fig('aides.montant', 2024, 'nature=Transport', 30, '€'),
      ),
      3,
    );
    expect(view.figures.map((f) => `${f.indicateur}:${f.valeur}`)).toEqual([
      'a.b:1',
      'a.c:2',
      'a.d:1',
      'aides.montant:s',
      'aides.nombre:< 3',
      'maraudes.sessions:1',
      'trod.taux_positivite:s',
      'trod.tests:< 3',
    ]);
    expect(view.suppressed.find((c) => c.indicateur === 'aides.montant')?.raison).toBe('associee');
  });

  it('protects a crossed table (age × gender) along its rows and columns too', () => {
    const id = 'domiciliations.personnes';
    const set = setOf(
      fig(id, 2024, '', 28),
      fig(id, 2024, 'tranche_age=A', 11),
      fig(id, 2024, 'tranche_age=B', 17),
      fig(id, 2024, 'genre=F', 9),
      fig(id, 2024, 'genre=H', 19),
      fig(id, 2024, 'tranche_age›genre=A›F', 1),
      fig(id, 2024, 'tranche_age›genre=A›H', 10),
      fig(id, 2024, 'tranche_age›genre=B›F', 8),
      fig(id, 2024, 'tranche_age›genre=B›H', 9),
    );
    const view = applyConfidentiality(set, 3);
    const cells = shown(view, id, 'tranche_age›genre');
    expect(cells['A›F']).toBe('< 3');
    // Every row and column with a published margin has no lone hidden cell.
    for (const line of [['A›F', 'A›H'], ['B›F', 'B›H'], ['A›F', 'B›F'], ['A›H', 'B›H']]) {
      expect(line.filter((m) => typeof cells[m] === 'string').length, line.join()).not.toBe(1);
    }
    expect(shown(view, id, 'tranche_age')).toEqual({ A: 11, B: 17 });
  });
});

describe('on fixtures/catalogue', () => {
  it('hides small cells of people breakdowns and leaves no cell recomputable from its total', async () => {
    const set = await figuresOf('catalogue', { year: 2024 });
    const view = applyConfidentiality(set, 3);
    const tests = shown(view, 'trod.tests', 'depistage');
    // VIH 4, VHC 1, VHB 1, syphilis 2: three small cells, sum 4, not all 1 nor all 2.
    expect(tests).toEqual({ VIH: 4, VHC: '< 3', VHB: '< 3', syphilis: '< 3' });
    expect(shown(view, 'trod.tests', '')).toEqual({ '': 8 });
    // VIH: 1 positive out of 4 tests; the positive is masked, so is its rate (25 % × 4 gives it back).
    expect(shown(view, 'trod.positifs', 'depistage').VIH).toBe('< 3');
    expect(shown(view, 'trod.taux_positivite', 'depistage')).toEqual({ VIH: 's', VHC: 's', syphilis: 's' });
    // Sessions by month are published as they are.
    expect(shown(view, 'maraudes.sessions', 'mois')).toEqual({ '2024-01': 3, '2024-02': 1, '2024-03': 1, '2023-01': 0, '2023-02': 0, '2023-03': 1, '2023-04': 1 });
    for (const figure of view.figures) if (figure.dimension === '') expect(typeof figure.valeur, figure.indicateur).toBe('number');
    // With a published total, a breakdown never has exactly one hidden cell, unless every other
    // cell is 0 (the total then tells the value whatever is hidden: totals are never hidden).
    const groups = new Map<string, { hidden: number; published: number }>();
    for (const figure of view.figures) {
      if (figure.dimension === '' || figure.dimension.includes('›')) continue;
      const key = `${figure.indicateur} ${figure.annee} ${figure.dimension}`;
      const group = groups.get(key) ?? { hidden: 0, published: 0 };
      if (typeof figure.valeur === 'string') group.hidden += 1;
      else if (figure.valeur !== 0) group.published += 1;
      groups.set(key, group);
    }
    for (const [key, { hidden, published }] of groups) if (published > 0) expect(hidden, key).not.toBe(1);
    expect(shown(view, 'aides.nombre', 'categorie')).toMatchObject({ Hébergement: '< 3', 'Vie quotidienne': 's' });
  });
});

/** Recomputable masked cells of the published view, by the independent audit of secrecy-audit-helpers.ts. */
function recomputable(set: FigureSet, view: PublishedFigures): string[] {
  const published = formatFiguresCsv(view.figures, { complete: false });
  const complete = formatFiguresCsv(set.figures, { complete: true });
  return auditExport(published, complete, { hierarchies: set.hierarchies }).map((cell) => cell.cell);
}

describe('suppression over every published sum (issue 7 §1, hand-worked)', () => {
  it('protects a crossed-table margin « Autre = 4 » over four « < 3 » cells', () => {
    const id = 'domiciliations.personnes';
    const ages = ['A', 'B', 'C', 'D'];
    const set = setOf(
      fig(id, 2024, '', 84),
      ...ages.map((age) => fig(id, 2024, `tranche_age=${age}`, 21)),
      fig(id, 2024, 'genre=Femme', 40),
      fig(id, 2024, 'genre=Homme', 40),
      fig(id, 2024, 'genre=Autre', 4),
      ...ages.flatMap((age) => [fig(id, 2024, `tranche_age›genre=${age}›Femme`, 10), fig(id, 2024, `tranche_age›genre=${age}›Homme`, 10), fig(id, 2024, `tranche_age›genre=${age}›Autre`, 1)]),
    );
    const view = applyConfidentiality(set, 3);
    const cells = shown(view, id, 'tranche_age›genre');
    // Four cells of 1 or 2 adding up to 4 are all 1: at least one must claim no value.
    expect(ages.map((age) => cells[`${age}›Autre`])).toContain('s');
    expect(ages.filter((age) => cells[`${age}›Autre`] === '< 3').length).toBeGreaterThan(0);
    expect(shown(view, id, 'genre')).toEqual({ Femme: 40, Homme: 40, Autre: 4 });
    expect(recomputable(set, view)).toEqual([]);
    // Before: the small cells alone, the margin gives each of them away.
    const naive = { ...view, figures: view.figures.map((f) => (f.masque === 'secondaire' ? { ...set.figures.find((g) => g.indicateur === f.indicateur && g.dimension === f.dimension && g.modalite === f.modalite)! } : f)) };
    expect(recomputable(set, naive).length).toBeGreaterThan(0);
  });

  it('protects a total of 2 split into two « < 3 » cells (both would be 1)', () => {
    const set = setOf(fig('a.b', 2024, '', 2), fig('a.b', 2024, 'g=x', 1), fig('a.b', 2024, 'g=y', 1));
    const view = applyConfidentiality(set, 3);
    // Nothing else can protect them: one of them claims no value (0, 1 or 2), the other stays 1 or 2.
    expect(Object.values(shown(view, 'a.b', 'g')).sort()).toEqual(['< 3', 's']);
    expect(shown(view, 'a.b', '')).toEqual({ '': 2 });
    expect(recomputable(set, view)).toEqual([]);
  });

  it('never uses « positif » as a complementary cell when trod.positifs publishes the same number', () => {
    const set = setOf(
      fig('trod.tests', 2024, '', 108, 'tests'),
      fig('trod.tests', 2024, 'resultat=negatif', 100, 'tests'),
      fig('trod.tests', 2024, 'resultat=positif', 6, 'tests'),
      fig('trod.tests', 2024, 'resultat=invalide', 2, 'tests'),
      fig('trod.positifs', 2024, '', 6, 'tests'),
    );
    const view = applyConfidentiality(set, 3);
    // Before, « positif » (6, the smallest other cell) was hidden while trod.positifs printed 6.
    expect(shown(view, 'trod.tests', 'resultat')).toEqual({ negatif: 's', positif: 6, invalide: '< 3' });
    expect(recomputable(set, view)).toEqual([]);
  });

  it('publishes a small cell equal to a published total: hiding it protects nothing', () => {
    const set = setOf(
      fig('trod.tests', 2024, '', 108, 'tests'),
      fig('trod.tests', 2024, 'resultat=negatif', 100, 'tests'),
      fig('trod.tests', 2024, 'resultat=positif', 6, 'tests'),
      fig('trod.tests', 2024, 'resultat=invalide', 2, 'tests'),
      fig('trod.invalides', 2024, '', 2, 'tests'),
    );
    expect(shown(applyConfidentiality(set, 3), 'trod.tests', 'resultat')).toEqual({ negatif: 100, positif: 6, invalide: 2 });
  });

  it('protects a typology group: a masked nature gets a complementary cell in its own category', () => {
    const nature = (name: string, value: number) => fig('aides.nombre', 2024, `nature=${name}`, value, 'aides');
    const set = buildFigureSet(
      2024,
      [
        fig('aides.nombre', 2024, '', 87, 'aides'),
        fig('aides.nombre', 2024, 'categorie=Hébergement', 7, 'aides'),
        fig('aides.nombre', 2024, 'categorie=Vie quotidienne', 80, 'aides'),
        nature('Nuitée', 1),
        nature('Maintien', 6),
        nature('Transport', 30),
        nature('Chèques', 50),
      ],
      [],
      [{ indicateurs: ['aides.nombre', 'aides.montant'], dimension: 'nature', parentDimension: 'categorie', parentOf: { Nuitée: 'Hébergement', Maintien: 'Hébergement', Transport: 'Vie quotidienne', Chèques: 'Vie quotidienne' } }],
    );
    const view = applyConfidentiality(set, 3);
    // Not Transport (30, the smallest other cell of the breakdown): it would leave Nuitée = 7 − 6.
    expect(shown(view, 'aides.nombre', 'nature')).toEqual({ Nuitée: '< 3', Maintien: 's', Transport: 30, Chèques: 50 });
    expect(shown(view, 'aides.nombre', 'categorie')).toEqual({ Hébergement: 7, 'Vie quotidienne': 80 });
    expect(recomputable(set, view)).toEqual([]);
  });

  it('treats a multi-answer breakdown as « at least the total », not an exact sum', () => {
    const set = setOf(fig('accueil.personnes', 2024, '', 10), fig('accueil.personnes', 2024, 'motif=x', 1), fig('accueil.personnes', 2024, 'motif=y', 9));
    // An exact sum gives x = 10 − 9: y is hidden too. Several answers per person: x + y ≥ 10 only says x ≥ 1.
    expect(shown(applyConfidentiality(set, 3), 'accueil.personnes', 'motif')).toEqual({ x: '< 3', y: 's' });
    expect(shown(applyConfidentiality(set, 3, { multiAnswerDimensions: ['motif'] }), 'accueil.personnes', 'motif')).toEqual({ x: '< 3', y: 9 });
  });
});
