// `rapport build` errors through the CLI: a section citing an unknown figure or modalite (exit 2,
// file and line, a suggestion), invalid data (exit 1, file/line/column/value). Either way no
// output is written and a previous report in the output folder is left as it was.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport, snapshotTree, STACK_LINE } from '../cli/cli-helpers.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures');
let scratch = '';

beforeAll(async () => {
  await ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'rapport-build-errors-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** 1-based line of the first line of `file` containing `needle`. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

/** An output folder holding the previous year's good outputs, dated in the past. */
function previousOutputs(name: string): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  const old = new Date('2025-03-01T12:00:00Z');
  const files: [string, string][] = [
    ['rapport-activite-2025.pdf', '%PDF-1.7 rapport précédent'],
    ['rapport-activite-2025.html', '<!DOCTYPE html><title>précédent</title>'],
    ['chiffres-2025.csv', 'indicateur;annee;valeur\n'],
  ];
  for (const [file, content] of files) {
    writeFileSync(join(folder, file), content);
    utimesSync(join(folder, file), old, old);
  }
  return folder;
}

describe.each([
  {
    fixture: 'build-chiffre-inconnu',
    needle: '"trod.test"',
    mentions: ['chiffre inconnu', '« trod.test »', '« trod.tests »'],
  },
  {
    fixture: 'build-modalite-inconnue',
    needle: 'depistage="VIX"',
    mentions: ['« VIX »', '« VIH »'],
  },
])('a section of $fixture citing $needle', ({ fixture, needle, mentions }) => {
  const folder = join(FIXTURES, fixture);
  const sectionFile = join(folder, 'sections', 'depistage.md');
  let result: Awaited<ReturnType<typeof runRapport>>;
  let output = '';
  let before: Record<string, string> = {};
  let projectBefore: Record<string, string> = {};

  beforeAll(async () => {
    output = previousOutputs(fixture);
    before = snapshotTree(output);
    projectBefore = snapshotTree(folder);
    result = await runRapport(['build', folder, '--sortie', output]);
  });

  it('exits 2 (configuration error) with a French message, no stack trace', () => {
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Erreur : /m);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  it('names the section file and the line of the helper, and suggests the closest value', () => {
    expect(result.stderr).toContain(`sections/depistage.md, ligne ${lineOf(sectionFile, needle)} :`);
    for (const mention of mentions) expect(result.stderr).toContain(mention);
  });

  it('writes nothing: the previous report and the project folder are untouched', () => {
    expect(snapshotTree(output)).toEqual(before);
    expect(snapshotTree(folder)).toEqual(projectBefore);
  });
});

describe('invalid data (an impossible date in maraudes.csv)', () => {
  const folder = join(FIXTURES, 'build-donnees-invalides');
  const csv = join(folder, 'maraudes.csv');
  let output = '';
  let before: Record<string, string> = {};
  let projectBefore: Record<string, string> = {};
  let withOutput: Awaited<ReturnType<typeof runRapport>>;
  let withDefaultOutput: Awaited<ReturnType<typeof runRapport>>;

  beforeAll(async () => {
    output = previousOutputs('donnees-invalides');
    before = snapshotTree(output);
    projectBefore = snapshotTree(folder);
    withOutput = await runRapport(['build', folder, '--sortie', output]);
    // Default output folder (<dossier>/sortie): must not even be created.
    withDefaultOutput = await runRapport(['build', folder]);
  });

  it('exits 1 with the file, line, column and value of the error, no stack trace', () => {
    const line = lineOf(csv, '31/02/2025');
    for (const result of [withOutput, withDefaultOutput]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`maraudes.csv, ligne ${line}, colonne « Date de sortie » : valeur « 31/02/2025 »`);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stdout).toBe('');
    }
  });

  it('leaves the previous PDF, HTML and CSV exactly as they were, and adds nothing', () => {
    expect(snapshotTree(output)).toEqual(before);
    expect(readFileSync(join(output, 'rapport-activite-2025.pdf'), 'utf8')).toBe('%PDF-1.7 rapport précédent');
  });

  it('creates no sortie folder in the project', () => {
    expect(snapshotTree(folder)).toEqual(projectBefore);
  });
});
