// Test helpers of the figures stage: compute the figures of a fixture folder, read them back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { getFigure, type FigureSet } from '../../src/figures/index.js';
import { computeFigures, type ComputeFiguresOptions } from '../../src/pipeline/compute-figures.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export async function figuresOf(name: string, options: Omit<ComputeFiguresOptions, 'folder'> = {}): Promise<FigureSet> {
  return (await computeFigures({ folder: fixture(name), ...options })).figures;
}

/** Value of a figure, or undefined when absent. `cell` is `dimension=modalite`. */
export function valueOf(set: FigureSet, id: string, year: number, cell?: string): number | undefined {
  if (cell === undefined) return getFigure(set, id, year)?.valeur;
  const [dimension = '', modalite = ''] = cell.split('=');
  return getFigure(set, id, year, dimension, modalite)?.valeur;
}

/** Every cell of one breakdown as `{ modalite: value }`, in the set's order. */
export function breakdownOf(set: FigureSet, id: string, year: number, dimension: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const figure of set.figures) {
    if (figure.indicateur === id && figure.annee === year && figure.dimension === dimension) result[figure.modalite] = figure.valeur;
  }
  return result;
}

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary data folder (removed after the test file): relative path → content. */
export function makeFolder(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-figures-'));
  created.push(folder);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}
