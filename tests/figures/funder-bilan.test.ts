// Per-funder bilans (issue 10): values read from the published figures store, rate rounding,
// « — » for a missing target, secrecy marks and no rate on a hidden cell, and the CSV's format.
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { listMultiAnswerDimensions, loadConfig, type LoadedConfig } from '../../src/config/index.js';
import {
  applyConfidentiality,
  buildFunderBilans,
  computeRate,
  formatFunderCsv,
  type FunderBilan,
  type FunderInput,
  type PublishedFigure,
  type PublishedFigures,
} from '../../src/figures/index.js';
import { describeAnnex } from '../../src/pipeline/annex-info.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';

const FOLDER = resolve(import.meta.dirname, '../fixtures/financeurs-bilan');

let config: LoadedConfig;
let published: PublishedFigures;
let bilans: FunderBilan[];

/** The published cell, looked up independently of funder-bilan.ts. */
function storeValue(id: string, year: number, dimension = '', modalite = ''): PublishedFigure | undefined {
  return published.figures.find((f) => f.indicateur === id && f.annee === year && f.dimension === dimension && f.modalite === modalite);
}

beforeAll(async () => {
  config = await loadConfig(FOLDER);
  const multi = listMultiAnswerDimensions(config);
  const { report, figures } = await computeFigures({ folder: FOLDER, multiAnswerDimensions: multi, labels: config.libelles, funders: config });
  published = applyConfidentiality(figures, config.confidentialite.seuil, { multiAnswerDimensions: multi });
  const annex = describeAnnex(report, figures, published, 'test', undefined);
  bilans = buildFunderBilans(config.financeurs, published, { year: figures.year, sources: annex.sources });
});

describe('buildFunderBilans on a fixture computed by hand', () => {
  it('makes one bilan per funder with indicators, with the cover facts of rapport.yaml', () => {
    expect(bilans.map((b) => b.id)).toEqual(['ars']);
    const [bilan] = bilans;
    expect(bilan).toMatchObject({ nom: 'ARS Île-de-France', action: 'Prévention et dépistage hors les murs', convention: '2023-ARS-042', year: 2024, threshold: 3 });
    expect(bilan?.sections).toEqual([resolve(FOLDER, 'financeurs/ars.md')]);
    expect(bilan?.sources).toEqual([{ file: 'trod.csv', period: 'du 12 mars 2023 au 13 janvier 2024' }]);
  });

  it('takes every obtained and N−1 value from the published figures store', () => {
    const rows = bilans[0]?.rows ?? [];
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const cell = (year: number) => storeValue(row.figureId, year, row.dimension, row.modalite);
      for (const [value, year] of [[row.obtained, 2024], [row.previous, 2023]] as const) {
        const stored = cell(year);
        expect(stored).toBeDefined();
        expect(value?.valeur).toBe(stored?.masque === undefined ? stored?.valeur : null);
        expect(value?.masque).toBe(stored?.masque);
      }
    }
    // The same facts, written by hand: 146 VIH tests, 168 tests, 22 VHC tests (written « vhc »).
    expect(rows.map((r) => r.obtained.valeur)).toEqual([146, null, 168, 22]);
    expect(rows.map((r) => r.previous?.valeur)).toEqual([100, 0, 130, 30]);
    expect(rows[3]).toMatchObject({ dimension: 'depistage', modalite: 'VHC', type: 'moyens' });
  });

  it('rounds the rate to the unit and compares against the target: 146 / 201 = 72,6 % → 73 %, non atteint', () => {
    expect(bilans[0]?.rows[0]).toMatchObject({ label: 'Nombre de TROD VIH réalisés', expected: 201, rate: 73, status: 'non-atteint' });
    expect(bilans[0]?.rows[3]).toMatchObject({ expected: 22, rate: 100, status: 'atteint' });
  });

  it('hides a small cell (1 positive VIH test) with its mark and gives it no rate', () => {
    const row = bilans[0]?.rows[1];
    expect(storeValue('trod.positifs', 2024, 'depistage', 'VIH')?.masque).toBe('seuil');
    expect(row).toMatchObject({ obtained: { valeur: null, masque: 'seuil' }, expected: 2, rate: null, status: 'non-disponible' });
  });

  it('has no rate and « sans cible » without a target, and the figure label without a libelle', () => {
    expect(bilans[0]?.rows[2]).toMatchObject({ label: 'Tests rapides (TROD) réalisés', expected: null, rate: null, status: 'sans-cible' });
  });
});

describe('computeRate', () => {
  it('rounds to the nearest unit, half up, without float noise', () => {
    expect(computeRate(72.6, 100)).toBe(73);
    expect(computeRate(146, 201)).toBe(73);
    expect(computeRate(29, 40)).toBe(73); // 72,5 %
    expect(computeRate(249, 250)).toBe(100); // 99,6 %: status still compares the values, not the rate
    expect(computeRate(1.15, 2)).toBe(58); // 57,49999… in floating point, 57,5 in fact
  });
});

describe('buildFunderBilans on published figures built by hand', () => {
  const figure = (annee: number, valeur: number | string, extra: Partial<PublishedFigure> = {}): PublishedFigure => ({
    indicateur: 'aides.montant',
    annee,
    dimension: '',
    modalite: '',
    valeur,
    unite: '€',
    libelle: 'Montant des aides financières',
    source: { kind: 'donnees', file: 'aides.csv' },
    ...extra,
  });
  const funder = (indicateurs: FunderInput['indicateurs']): FunderInput[] => [{ id: 'ville', nom: 'Ville', indicateurs, sections: [] }];

  it('never derives a rate from a hidden amount, and prints « s » for it (never « < 3 »)', () => {
    const view: PublishedFigures = { threshold: 3, suppressed: [], figures: [figure(2025, 's', { masque: 'associee' }), figure(2024, 1200.5)] };
    const [bilan] = buildFunderBilans(funder([{ chiffre: 'aides.montant', cible: 1000, type: 'resultat' }]), view, { year: 2025 });
    expect(bilan?.rows[0]).toMatchObject({ unit: '€', obtained: { valeur: null, masque: 'associee' }, rate: null, status: 'non-disponible', previous: { valeur: 1200.5 } });
    const csv = formatFunderCsv(bilan as FunderBilan);
    expect(csv).toContain('Résultats;Montant des aides financières (€);1000;s;—;1200,5;non disponible');
    expect(bilan?.sources).toEqual([{ file: 'aides.csv', period: '—' }]);
  });

  it('says « non disponible » for a year without the figure, and gives no N−1 column values when the data has no N−1', () => {
    const view: PublishedFigures = { threshold: 3, suppressed: [], figures: [figure(2024, 500)] };
    const [bilan] = buildFunderBilans(funder([{ chiffre: 'aides.montant', cible: 400, type: 'moyens' }]), view, { year: 2025 });
    expect(bilan?.rows[0]).toMatchObject({ obtained: { valeur: null }, previous: { valeur: 500 }, rate: null, status: 'non-disponible' });
    const [alone] = buildFunderBilans(funder([{ chiffre: 'aides.montant', cible: 0, type: 'resultat' }]), { ...view, figures: [figure(2025, 20)] }, { year: 2025 });
    // A target of 0 is met by any value, but a rate over 0 means nothing.
    expect(alone?.rows[0]).toMatchObject({ obtained: { valeur: 20 }, previous: null, rate: null, status: 'atteint' });
  });

  it('skips funders without id or without indicators', () => {
    const view: PublishedFigures = { threshold: 3, suppressed: [], figures: [figure(2025, 20)] };
    const funders: FunderInput[] = [
      { nom: 'Sans id', indicateurs: [{ chiffre: 'aides.montant', cible: null, type: 'resultat' }], sections: [] },
      { id: 'vide', nom: 'Sans indicateurs', indicateurs: [], sections: [] },
    ];
    expect(buildFunderBilans(funders, view, { year: 2025 })).toEqual([]);
  });
});

describe('formatFunderCsv', () => {
  it('writes the bilan table: BOM, « ; », CRLF, 7 columns, résultats then moyens, bare numbers', () => {
    const csv = formatFunderCsv(bilans[0] as FunderBilan);
    expect(csv.startsWith('\ufeffType;Indicateur;Attendu;Obtenu 2024;Taux de réalisation (%);Obtenu 2023;Statut\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv.slice(1), { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(rows.slice(1)).toEqual([
      ['Résultats', 'Nombre de TROD VIH réalisés', '201', '146', '73', '100', 'non atteint'],
      // A formula-like label is neutralized; the hidden cell prints « < 3 » (plain space), no rate.
      ['Résultats', "'=Positifs VIH", '2', '< 3', '—', '0', 'non disponible'],
      ['Résultats', 'Tests rapides (TROD) réalisés', '—', '168', '—', '130', 'sans cible'],
      ['Moyens', 'TROD VHC', '22', '22', '100', '30', 'atteint'],
    ]);
  });

  it('prints amounts with a decimal comma and no thousands separator', () => {
    const bilan: FunderBilan = {
      id: 'ville',
      nom: 'Ville',
      year: 2025,
      threshold: 3,
      sections: [],
      sources: [],
      rows: [
        { label: 'Montant des aides versées', figureId: 'aides.montant', type: 'resultat', unit: '€', expected: 15000, obtained: { valeur: 14320.5 }, previous: { valeur: 12000.25 }, rate: 95, status: 'non-atteint' },
      ],
    };
    expect(formatFunderCsv(bilan).split('\r\n')[1]).toBe('Résultats;Montant des aides versées (€);15000;14320,5;95;12000,25;non atteint');
  });
});
