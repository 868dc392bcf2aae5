// Consistency checks (issue 3 §4) on fixtures/controles: each finding names its file and lines,
// none stops the computation.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/figures/index.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { fixture, makeFolder } from './figure-helpers.js';

async function findingsOf(folder: string, multiAnswerDimensions?: string[]): Promise<Finding[]> {
  const { figures } = await computeFigures({ folder, ...(multiAnswerDimensions && { multiAnswerDimensions }) });
  return figures.findings;
}

const pick = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).map(({ file, lines, severity }) => ({ file, lines, severity }));

describe('fixtures/controles', () => {
  it('flags a month missing from a file covering the rest of the year', async () => {
    const findings = await findingsOf(fixture('controles'));
    const missing = findings.filter((f) => f.code === 'mois_manquant');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ file: 'maraudes.csv', severity: 'warning', lines: [] });
    expect(missing[0]?.message).toContain('juin 2023');
  });

  it('flags identical rows with both lines', async () => {
    expect(pick(await findingsOf(fixture('controles')), 'ligne_en_double')).toEqual([{ file: 'maraudes.csv', lines: [4, 13], severity: 'warning' }]);
  });

  it('flags a positive TROD without orientation', async () => {
    const findings = await findingsOf(fixture('controles'));
    expect(pick(findings, 'positif_sans_orientation')).toEqual([{ file: 'trod.csv', lines: [2], severity: 'warning' }]);
  });

  it('notes (info only) a renewal with no earlier decision for the person', async () => {
    const findings = await findingsOf(fixture('controles'));
    // X9 renews with nothing before; X8 renews after a first request: fine.
    expect(pick(findings, 'renouvellement_sans_decision_anterieure')).toEqual([{ file: 'domiciliations.csv', lines: [2], severity: 'info' }]);
    expect(findings.find((f) => f.code === 'renouvellement_sans_decision_anterieure')?.message).not.toContain('X9');
  });

  it('notes an aid nature filed under two categories', async () => {
    expect(pick(await findingsOf(fixture('controles')), 'nature_plusieurs_categories')).toEqual([{ file: 'aides_financieres.csv', lines: [3], severity: 'info' }]);
  });

  it('checks indicateurs.csv: breakdown sums, parts larger than the whole, percentages above 100', async () => {
    const findings = await findingsOf(fixture('controles'));
    const sums = findings.filter((f) => f.code === 'somme_ventilation_differente');
    // genre 60 + 30 ≠ 100, motif 80 + 50 ≠ 100, tranche_age 120 ≠ 100; heures 7,3 + 5,2 = 12,5 is fine.
    expect(sums.map((f) => f.lines)).toEqual([[2, 3, 4], [2, 5, 6], [2, 7]]);
    expect(sums[0]?.message).toContain('totalise 90');
    expect(pick(findings, 'partie_superieure_au_tout')).toEqual([{ file: 'indicateurs.csv', lines: [2, 7], severity: 'warning' }]);
    expect(pick(findings, 'pourcentage_superieur_100')).toEqual([{ file: 'indicateurs.csv', lines: [8], severity: 'warning' }]);
  });

  it('skips the sum check of a dimension declared multi-answer (alone or for one figure)', async () => {
    for (const declared of [['motif'], ['accueil.personnes:motif'], ['Motif']]) {
      const sums = (await findingsOf(fixture('controles'), declared)).filter((f) => f.code === 'somme_ventilation_differente');
      expect(sums.map((f) => f.lines), declared.join()).toEqual([[2, 3, 4], [2, 7]]);
    }
    const other = (await findingsOf(fixture('controles'), ['autre.chiffre:motif'])).filter((f) => f.code === 'somme_ventilation_differente');
    expect(other).toHaveLength(3);
  });

  it('never stops the computation', async () => {
    const { figures } = await computeFigures({ folder: fixture('controles') });
    expect(figures.errors).toEqual([]);
    expect(figures.figures.find((f) => f.indicateur === 'maraudes.sessions' && f.dimension === '')?.valeur).toBe(12);
  });
});

describe('limits', () => {
  it('does not flag months outside the period of a file, nor sparse files', async () => {
    const rows = ['Date;Site', '05/03/2024;Gare', '05/05/2024;Gare', '05/09/2024;Gare'];
    const months = ['05/04/2023', '05/05/2023', '05/06/2023', '05/07/2023', '05/08/2023', '05/09/2023'];
    const folder = makeFolder({ 'maraudes.csv': `${[...rows, ...months.map((d) => `${d};Gare`)].join('\n')}\n` });
    // 2023 runs from April (start of the file) to December: 6 of 9 months, too sparse to say.
    // 2024 has 3 of 9 months (January–September): sparse too.
    expect((await findingsOf(folder)).filter((f) => f.code === 'mois_manquant')).toEqual([]);
  });

  it('keeps 20 findings of a kind per file and sums up the others', async () => {
    const rows = Array.from({ length: 31 }, () => '05/03/2024;VIH;Positif');
    const folder = makeFolder({ 'trod.csv': `Date;Dépistage;Résultat\n${rows.join('\n')}\n` });
    const findings = await findingsOf(folder);
    const duplicates = findings.filter((f) => f.code === 'ligne_en_double');
    expect(duplicates).toHaveLength(21);
    expect(duplicates[0]?.lines).toEqual([2, 3]);
    expect(duplicates[20]?.message).toContain('10 autres constats du même type (30 en tout)');
  });
});
