// One folder per kind of bad input under fixtures/invalides/<kind>/, each with an expected.json
// describing the error `rapport check` must report (file, line, column, value, exit code).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';

interface Expected {
  description: string;
  exitCode: number;
  file: string;
  code: string;
  line: number | null;
  otherLines?: number[];
  column: string | null;
  value: string | null;
  /** Part of the French message. */
  message: string;
  /** How many errors of this code (default 1). */
  count?: number;
  /** Strings that must appear in no output (person codes, personal data). */
  absent?: string[];
}

interface JsonIssue {
  code: string;
  file: string;
  line: number | null;
  otherLines: number[];
  column: string | null;
  value: string | null;
  message: string;
  text: string;
}

// The cases of the permanent corpus that also carry the detailed expected.json of check --json.
const BAD = join(ROOT, 'fixtures', 'invalides');
const kinds = readdirSync(BAD).filter((kind) => existsSync(join(BAD, kind, 'expected.json'))).sort();

beforeAll(ensureBuilt);

describe('fixtures/invalides (expected.json)', () => {
  it('holds one folder per error kind', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(kinds)('%s', (kind) => {
    const folder = join(BAD, kind);
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;

    it(`${expected.description}: exit ${expected.exitCode}, JSON names file, line, column and value`, async () => {
      const before = snapshotTree(folder);
      const result = await runRapport(['check', folder, '--json']);
      expect(result.code).toBe(expected.exitCode);
      expect(result.stderr).toBe('');
      const document = JSON.parse(result.stdout) as { ok: boolean; errors: JsonIssue[] };
      expect(document.ok).toBe(false);
      const matching = document.errors.filter((e) => e.code === expected.code);
      expect(matching).toHaveLength(expected.count ?? 1);
      const issue = matching[0] as JsonIssue;
      expect({ file: issue.file, line: issue.line, column: issue.column, value: issue.value }).toEqual({
        file: expected.file,
        line: expected.line,
        column: expected.column,
        value: expected.value,
      });
      expect(issue.otherLines).toEqual(expected.otherLines ?? []);
      expect(`${issue.message} ${issue.text}`).toContain(expected.message);
      expect(snapshotTree(folder)).toEqual(before);
    });

    it('prints the same facts in French text, without stack trace nor personal data', async () => {
      const result = await runRapport(['check', folder]);
      expect(result.code).toBe(expected.exitCode);
      const output = result.stdout + result.stderr;
      expect(output).not.toMatch(STACK_LINE);
      const place = [expected.line !== null ? `ligne ${expected.line}` : undefined, expected.column !== null ? `colonne « ${expected.column} »` : undefined]
        .filter((part) => part !== undefined)
        .join(', ');
      // Errors are grouped under their file name; each line starts with its place.
      const errorsSection = result.stdout.slice(result.stdout.indexOf('Erreurs ('));
      expect(errorsSection).toContain(`\n  ${expected.file}\n`);
      const issueLine = errorsSection.split('\n').find((line) => line.includes(expected.message));
      expect(issueLine, `no line containing « ${expected.message} »`).toBeDefined();
      if (place !== '') expect(issueLine?.trimStart().startsWith(`${place} : `)).toBe(true);
      if (expected.value !== null && expected.value !== '(valeur masquée)') expect(issueLine).toContain(`« ${expected.value} »`);
      for (const secret of expected.absent ?? []) expect(output).not.toContain(secret);
      expect(result.stdout).toMatch(/✘ \d+ erreurs? : corrigez les fichiers indiqués/);
    });
  });
});
