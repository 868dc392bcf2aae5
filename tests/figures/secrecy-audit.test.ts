// Audit of statistical secrecy on public exports (issue 7 §1): an attacker takes every published
// figure of the `chiffres` export, writes every published sum as a constraint (totals, margins of
// crossed tables, typology groups, the same count under another id) and computes the range of
// each masked cell. No masked cell may have a single possible value.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listMultiAnswerDimensions, loadConfig } from '../../src/config/index.js';
import { applyConfidentiality, formatFiguresCsv, type FigureSet } from '../../src/figures/index.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { auditExport } from './secrecy-audit-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every fixture folder that may hold data: the demo, the associations, the test scenarios. */
function listFolders(): string[] {
  const folders = [join(ROOT, 'fixtures/association-demo')];
  for (const parent of ['fixtures/associations', 'tests/fixtures', 'tests/figures/fixtures']) {
    const path = join(ROOT, parent);
    if (!existsSync(path)) continue;
    for (const entry of readdirSync(path, { withFileTypes: true })) if (entry.isDirectory() && entry.name !== 'bad') folders.push(join(path, entry.name));
  }
  return folders;
}

async function exportsOf(folder: string): Promise<{ set: FigureSet; publicCsv: string; completeCsv: string; threshold: number } | undefined> {
  let config;
  try {
    config = await loadConfig(folder);
  } catch {
    return undefined; // a fixture of a config error: nothing is published
  }
  const multiAnswer = listMultiAnswerDimensions(config);
  let set: FigureSet;
  try {
    ({ figures: set } = await computeFigures({
      folder,
      columns: config.colonnes,
      values: config.valeurs,
      multiAnswerDimensions: multiAnswer,
      categories: config.categories,
      labels: config.libelles,
    }));
  } catch {
    return undefined; // invalid data: nothing is published either
  }
  const threshold = config.confidentialite.seuil;
  const published = applyConfidentiality(set, threshold, { multiAnswerDimensions: multiAnswer });
  return { set, threshold, publicCsv: formatFiguresCsv(published.figures, { complete: false }), completeCsv: formatFiguresCsv(set.figures, { complete: true }) };
}

describe('no masked cell of a public export can be recomputed from the published figures', () => {
  const folders = listFolders();

  it.each(folders.map((folder) => [folder.slice(ROOT.length)]))('%s', async (relative) => {
    const exported = await exportsOf(join(ROOT, relative));
    if (exported === undefined) return;
    const recomputed = auditExport(exported.publicCsv, exported.completeCsv, { hierarchies: exported.set.hierarchies });
    expect(recomputed.map((cell) => `${cell.cell} = ${cell.min}`)).toEqual([]);
  }, 120_000);

  it('covers the demo and several fixtures with data', async () => {
    const withData = [];
    for (const folder of folders) if ((await exportsOf(folder)) !== undefined) withData.push(folder);
    expect(withData.length).toBeGreaterThanOrEqual(4);
    expect(withData).toContain(join(ROOT, 'fixtures/association-demo'));
    // Every association folder is a valid project: none may be skipped as « invalid ».
    for (const name of readdirSync(join(ROOT, 'fixtures/associations'))) expect(withData).toContain(join(ROOT, 'fixtures/associations', name));
  }, 120_000);

  it('finds the recomputable cells of an export that hides small cells only (the audit can fail)', async () => {
    const exported = await exportsOf(join(ROOT, 'fixtures/association-demo'));
    if (exported === undefined) throw new Error('demo without data');
    // Only the small cells of each breakdown, as the tool did before complementary cells.
    const naive = exported.completeCsv
      .split('\r\n')
      .filter((line) => !line.startsWith('#'))
      .map((line) => {
        const cells = line.split(';');
        const [indicateur = '', , dimension = '', , valeur = ''] = cells;
        const value = Number(valeur.replace(',', '.'));
        const confidential = dimension !== '' && dimension !== 'mois' && !indicateur.startsWith('maraudes.') && !['%', '€'].includes(cells[5] ?? '');
        if (confidential && value > 0 && value < exported.threshold) cells[4] = `< ${exported.threshold}`;
        return cells.join(';');
      })
      .join('\r\n');
    const recomputed = auditExport(naive, exported.completeCsv, { hierarchies: exported.set.hierarchies }).map((cell) => cell.cell);
    expect(recomputed.length).toBeGreaterThanOrEqual(15);
    // The examples: a crossed-table margin over small cells, the same count under two ids.
    expect(recomputed.some((cell) => cell.includes('tranche_age›genre'))).toBe(true);
    expect(recomputed).toContain('trod.tests|2025|resultat|invalide');
  }, 120_000);
});
