// Exports (issue 3 §6): CSV for French Excel, re-readable as history; JSON with evolutions.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyConfidentiality,
  COMPLETE_NOTICE,
  formatFiguresCsv,
  formatFiguresJson,
  getFigure,
  type FigureSet,
} from '../../src/figures/index.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { figuresOf, fixture, makeFolder } from './figure-helpers.js';

let set: FigureSet;
beforeAll(async () => {
  set = await figuresOf('catalogue', { year: 2024 });
});

/** Lines of a CSV export, BOM and final newline removed. */
function linesOf(csv: string): string[] {
  return csv.replace(/^\ufeff/, '').replace(/\r\n$/, '').split('\r\n');
}

const PERSON_CODES = /\b(?:A1|B2|C3|D4|D[1-6]|P[1-4])\b/;

describe('formatFiguresCsv', () => {
  it('writes UTF-8 with BOM, `;`, CRLF, decimal comma, one record per line', () => {
    const csv = formatFiguresCsv(set.figures, { complete: true });
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = linesOf(csv);
    expect(lines[0]).toBe(COMPLETE_NOTICE);
    expect(lines[1]).toBe('indicateur;annee;dimension;modalite;valeur;unite;libelle');
    expect(lines).toHaveLength(set.figures.length + 2);
    expect(lines).toContain('aides.montant;2024;nature;Chèques de service;150,5;€;Montant des aides financières');
    expect(lines).toContain('trod.taux_positivite;2024;;;28,6;%;Taux de positivité');
    expect(lines).toContain('maraudes.sessions;2024;creneau;non_renseigne;1;maraudes;Maraudes réalisées');
    expect(csv).not.toMatch(PERSON_CODES);
  });

  it('neutralizes text cells that a spreadsheet would run as a formula', () => {
    const lines = linesOf(formatFiguresCsv(set.figures, { complete: true }));
    expect(lines).toContain("aides.nombre;2024;nature;'=1+2;1;aides;Aides financières attribuées");
    expect(lines.some((line) => line.split(';').slice(2).some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });

  it('quotes cells holding the separator or quotes', () => {
    const figure = { ...set.figures[0]!, modalite: 'Gare; "Nord"', dimension: 'site' };
    expect(linesOf(formatFiguresCsv([figure], { complete: false }))[1]).toContain(';"Gare; ""Nord""";');
  });

  it('shows hidden cells of the published export, with no notice line', () => {
    const lines = linesOf(formatFiguresCsv(applyConfidentiality(set, 3).figures, { complete: false }));
    expect(lines[0]).toBe('indicateur;annee;dimension;modalite;valeur;unite;libelle');
    expect(lines).toContain('trod.tests;2024;depistage;VHC;< 3;tests;Tests rapides (TROD) réalisés');
    expect(lines).toContain('trod.taux_positivite;2024;depistage;VHC;s;%;Taux de positivité');
  });

  it('is byte-identical for the same input, whatever the order of the records', async () => {
    const again = (await computeFigures({ folder: fixture('catalogue'), year: 2024 })).figures;
    const first = formatFiguresCsv(applyConfidentiality(set, 3).figures, { complete: false });
    expect(formatFiguresCsv(applyConfidentiality(again, 3).figures, { complete: false })).toBe(first);
    expect(formatFiguresCsv([...applyConfidentiality(set, 3).figures].reverse(), { complete: false })).toBe(first);
    const json = formatFiguresJson(set, applyConfidentiality(set, 3), { complete: false });
    expect(formatFiguresJson(again, applyConfidentiality(again, 3), { complete: false })).toBe(json);
  });
});

describe('re-reading an export as history', () => {
  it('the complete export, dropped into a data folder, gives back every figure', async () => {
    const folder = makeFolder({ 'chiffres-2024-complet.csv': formatFiguresCsv(set.figures, { complete: true }) });
    const { report, figures } = await computeFigures({ folder });
    expect(report.ok).toBe(true);
    expect(figures.figures).toHaveLength(set.figures.length);
    for (const figure of set.figures) {
      const read = getFigure(figures, figure.indicateur, figure.annee, figure.dimension, figure.modalite);
      expect(read?.valeur, `${figure.indicateur} ${figure.annee} ${figure.dimension} ${figure.modalite}`).toBe(figure.valeur);
      expect(read?.modalite).toBe(figure.modalite);
      expect(read?.libelle).toBe(figure.libelle);
    }
    expect(figures.findings).toEqual([]);
  });

  it('the published export skips its hidden cells with a warning, without a sum finding', async () => {
    const view = applyConfidentiality(set, 3);
    const folder = makeFolder({ 'chiffres-2024.csv': formatFiguresCsv(view.figures, { complete: false }) });
    const { report, figures } = await computeFigures({ folder });
    expect(report.ok).toBe(true);
    const masked = report.files[0]!.warningCount;
    expect(masked).toBe(view.suppressed.length);
    expect(report.warnings[0]).toMatchObject({ code: 'cellule_masquee', file: 'chiffres-2024.csv', column: 'valeur' });
    expect(figures.figures).toHaveLength(set.figures.length - view.suppressed.length);
    expect(figures.findings.filter((f) => f.code === 'somme_ventilation_differente')).toEqual([]);
    expect(getFigure(figures, 'trod.tests', 2024, 'depistage', 'VIH')?.valeur).toBe(4);
  });
});

describe('formatFiguresJson', () => {
  it('gives the published records with their evolution and three-year series', () => {
    const document = JSON.parse(formatFiguresJson(set, applyConfidentiality(set, 3), { complete: false }));
    expect(document).toMatchObject({ format: 'rapport-chiffres', version: 1, annee: 2024, annees: [2022, 2023, 2024], complet: false });
    expect(document.avertissement).toBeUndefined();
    expect(document.secret_statistique.seuil).toBe(3);
    const find = (id: string, year: number, dimension = '', modalite = '') =>
      document.chiffres.find((c: Record<string, unknown>) => c.indicateur === id && c.annee === year && c.dimension === dimension && c.modalite === modalite);
    expect(find('maraudes.sessions', 2024)).toMatchObject({ valeur: 5, source: 'maraudes.csv', evolution: { precedent: 2, absolue: 3, relative: 150 } });
    expect(find('accueil.visites', 2024)).toMatchObject({ source: 'indicateurs.csv:4', serie: [{ annee: 2022, valeur: 2500 }, { annee: 2023, valeur: 3000 }, { annee: 2024, valeur: 3281 }] });
    // Positives 2024: VIH 1 + VHC 1 = 2, two « < 3 » cells would both be 1: the breakdown is « s ».
    expect(find('trod.positifs', 2024, 'depistage', 'VHC')).toMatchObject({ valeur: 's', masque: 'secondaire', libelle_modalite: 'VHC' });
    // A change would give a hidden value away: none on a hidden cell, nor against one.
    expect(find('trod.positifs', 2024, 'depistage', 'VHC').evolution).toBeUndefined();
    expect(find('trod.tests', 2024, 'depistage', 'VIH').evolution).toBeUndefined(); // 2023 VIH = 2 is hidden
    expect(document.secret_statistique.cellules_masquees).toContainEqual(expect.objectContaining({ indicateur: 'trod.positifs', annee: 2024, modalite: 'VHC', raison: 'secondaire' }));
    expect(document.constats.map((c: { code: string }) => c.code)).toEqual(['positif_sans_orientation', 'renouvellement_sans_decision_anterieure']);
    expect(JSON.stringify(document)).not.toMatch(PERSON_CODES);
  });

  it('says so when values are complete', () => {
    const document = JSON.parse(formatFiguresJson(set, applyConfidentiality(set, 0), { complete: true }));
    expect(document.complet).toBe(true);
    expect(document.avertissement).toMatch(/non masqués/);
    expect(document.secret_statistique).toEqual({ seuil: 0, cellules_masquees: [] });
    expect(document.chiffres.find((c: { indicateur: string; modalite: string; annee: number }) => c.indicateur === 'trod.positifs' && c.modalite === 'VHC' && c.annee === 2024).evolution).toEqual({
      precedent: 0,
      absolue: 1,
      relative: 'nouveau',
    });
  });
});
