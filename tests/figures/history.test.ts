// History and evolution: N−1 comparisons, three-year series, figures given by two sources.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFigureCollector, getEvolution, getFigure, getSeries, listBreakdown, type FigureSet } from '../../src/figures/index.js';
import { ingestFolder } from '../../src/ingest/index.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { DataError } from '../../src/shared/errors.js';
import { figuresOf, fixture, makeFolder } from './figure-helpers.js';

let set: FigureSet;
beforeAll(async () => {
  set = await figuresOf('catalogue', { year: 2024 });
});

function evolutionOf(id: string, year: number, dimension?: string, modalite?: string) {
  const figure = getFigure(set, id, year, dimension, modalite);
  if (figure === undefined) throw new Error(`no figure ${id}`);
  return getEvolution(set, figure);
}

describe('evolution against N−1', () => {
  it('gives the absolute and the relative change in percent', () => {
    expect(evolutionOf('maraudes.sessions', 2024)).toEqual({ precedent: 2, absolue: 3, relative: 150 });
    const average = evolutionOf('aides.montant_moyen', 2024);
    expect(average?.absolue).toBe(-17.43); // 32,57 − 50, without floating-point noise
    expect(average?.relative).toBeCloseTo(-34.86, 2);
  });

  it('says "nouveau" when N−1 is 0, and 0 when both years are 0', () => {
    expect(evolutionOf('trod.positifs', 2024, 'depistage', 'VHC')).toEqual({ precedent: 0, absolue: 1, relative: 'nouveau' });
    expect(evolutionOf('trod.positifs', 2024, 'depistage', 'VHB')).toEqual({ precedent: 0, absolue: 0, relative: 0 });
  });

  it('counts a modalite absent from last year\'s breakdown as 0, but not a missing rate', () => {
    expect(evolutionOf('maraudes.sessions', 2024, 'site', 'Bois de Vincennes')).toEqual({ precedent: 0, absolue: 1, relative: 'nouveau' });
    expect(evolutionOf('trod.taux_positivite', 2024, 'depistage', 'VHC')).toBeUndefined();
  });

  it('has no evolution without a previous year', () => {
    expect(evolutionOf('trod.tests', 2022)).toBeUndefined();
    expect(evolutionOf('aides.nombre', 2022)).toBeUndefined();
  });

  it('compares raw figures with history from indicateurs.csv', () => {
    expect(evolutionOf('accueil.visites', 2024)?.precedent).toBe(3000);
  });
});

describe('three-year series', () => {
  it('mixes raw years and indicateurs years, oldest first', () => {
    expect(getSeries(set, getFigure(set, 'accueil.visites', 2024)!)).toEqual([
      { annee: 2022, valeur: 2500 },
      { annee: 2023, valeur: 3000 },
      { annee: 2024, valeur: 3281 },
    ]);
    expect(getSeries(set, getFigure(set, 'trod.tests', 2024)!).map((p) => p.valeur)).toEqual([150, 2, 8]);
  });

  it('keeps only the years the data has', () => {
    expect(getSeries(set, getFigure(set, 'maraudes.sessions', 2024)!).map((p) => p.annee)).toEqual([2023, 2024]);
  });
});

describe('lookup', () => {
  it('finds modalites by canonical value or printed label, ignoring case and accents', () => {
    expect(getFigure(set, 'trod.tests', 2024, 'resultat', 'Négatif')?.valeur).toBe(5);
    expect(getFigure(set, 'trod.tests', 2024, 'resultat', 'negatif')?.valeur).toBe(5);
    expect(getFigure(set, 'maraudes.sessions', 2024, 'site', 'GARE DU NORD')?.valeur).toBe(3);
    expect(getFigure(set, 'trod.tests', 2024, "Tranche d'âge", 'non renseigné')?.valeur).toBe(2);
    expect(getFigure(set, 'trod.tests', 2024, 'depistage', 'VIH 2')).toBeUndefined();
  });

  it('lists a breakdown in display order, "Non renseigné" last', () => {
    expect(listBreakdown(set, 'trod.tests', 2024, 'resultat').map((f) => f.libelleModalite)).toEqual(['Négatif', 'Positif', 'Invalide']);
    expect(listBreakdown(set, 'maraudes.sessions', 2024, 'creneau').map((f) => f.libelleModalite)).toEqual(['Jour', 'Nuit', 'Non renseigné']);
    expect(listBreakdown(set, 'maraudes.sessions', 2024, 'mois').map((f) => f.libelleModalite)).toEqual(['janvier 2024', 'février 2024', 'mars 2024']);
  });
});

describe('a figure given by two sources', () => {
  it('is an error naming the raw file and the indicateurs line, and computeFigures throws a DataError', async () => {
    const collector = createFigureCollector();
    const report = await ingestFolder({ folder: fixture('conflit') }, collector.sink);
    expect(report.ok).toBe(true);
    const conflicted = collector.finish(report);
    expect(conflicted.errors).toHaveLength(1); // one per figure and year, not one per cell
    expect(conflicted.errors[0]).toMatchObject({ severity: 'error', code: 'chiffre_en_conflit', file: 'indicateurs.csv', line: 3 });
    expect(conflicted.errors[0]?.message).toContain('trod.csv');
    expect(conflicted.errors[0]?.message).toContain('indicateurs.csv (ligne 3)');
    // The figure given only by indicateurs.csv is not in conflict.
    expect(getFigure(conflicted, 'accueil.visites', 2023)?.valeur).toBe(40);

    const failure = await computeFigures({ folder: fixture('conflit') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as DataError).exitCode).toBe(1);
    expect((failure as DataError).details.join('\n')).toContain('« trod.tests » 2023');
  });

  it('accepts two history files giving the same value, refuses different values', async () => {
    const header = 'indicateur;annee;dimension;modalite;valeur;unite;libelle\n';
    const same = makeFolder({
      'chiffres-2023.csv': `${header}accueil.visites;2023;;;3000;visites;Passages\n`,
      'chiffres-2024.csv': `${header}accueil.visites;2023;;;3000;visites;Passages\naccueil.visites;2024;;;3281;visites;Passages\n`,
    });
    const agreed = (await computeFigures({ folder: same })).figures;
    expect(agreed.figures.filter((f) => f.indicateur === 'accueil.visites').map((f) => f.valeur)).toEqual([3000, 3281]);

    const different = makeFolder({
      'chiffres-2023.csv': `${header}accueil.visites;2023;;;3000;visites;Passages\n`,
      'indicateurs.csv': `${header}accueil.visites;2023;;;2999;visites;Passages\n`,
    });
    const failure = await computeFigures({ folder: different }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as DataError).details.join('\n')).toMatch(/vaut 2999 dans indicateurs\.csv \(ligne 2\) mais 3000 dans chiffres-2023\.csv \(ligne 2\)/);
  });
});
