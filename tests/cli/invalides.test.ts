// The permanent bad-input corpus: one folder per case under fixtures/invalides/<cas>/, described
// by its attendu.json (command, arguments, exit code, message fragment, values that must not
// appear). Every case runs the built CLI on a temporary copy and asserts the French message, the
// exit code, no stack trace nor internal error, no secret printed, and nothing written anywhere.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';
import { prepareCaseProject } from './demo-copy.js';

interface Attendu {
  description: string;
  commande: 'check' | 'chiffres' | 'build';
  /** After the project folder. */
  arguments: string[];
  code: number;
  /** Part of the French message (stdout + stderr). */
  message: string;
  /** `demo`: the case's files are laid over a copy of fixtures/association-demo. */
  base?: 'demo';
  /** Strings that must appear in no output (person codes, refused values). */
  absent?: string[];
  /** A path of the project made a symbolic link to a file outside the project. */
  lien_hors_projet?: string;
  /** Files grown to this many bytes (a too-large logo without storing megabytes in git). */
  taille?: Record<string, number>;
}

const CORPUS = join(ROOT, 'fixtures', 'invalides');
const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

beforeAll(ensureBuilt);

/** The project of a case, three levels deep in a temporary folder: `../../../evil` still lands inside it. */
function prepare(name: string, attendu: Attendu): { root: string; project: string } {
  return prepareCaseProject(join(CORPUS, name), attendu);
}

/** Files only (a folder's mtime changes when the chart cache is created in it), without the chart cache. */
function withoutCache(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !statSync(path, { throwIfNoEntry: false })?.isDirectory() && !/[/\\]sortie[/\\]\.cache[/\\]/.test(path)));
}

describe('fixtures/invalides: the permanent bad-input corpus', () => {
  it('holds at least 60 cases, each with its attendu.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const name of cases) expect(existsSync(join(CORPUS, name, 'attendu.json')), name).toBe(true);
  });

  it.concurrent.each(cases)('%s', async (name) => {
    const attendu = JSON.parse(readFileSync(join(CORPUS, name, 'attendu.json'), 'utf8')) as Attendu;
    const { root, project } = prepare(name, attendu);
    try {
      const before = snapshotTree(root);
      const result = await runRapport([attendu.commande, project, ...attendu.arguments]);
      const output = result.stdout + result.stderr;
      expect(output, attendu.description).toContain(attendu.message);
      expect(result.code, `${attendu.description}\n${output}`).toBe(attendu.code);
      expect(output).not.toMatch(STACK_LINE);
      expect(output).not.toContain('Erreur interne inattendue');
      for (const secret of attendu.absent ?? []) expect(output, `« ${secret} » printed`).not.toContain(secret);
      // Nothing written: no output, no temp file, nothing outside the output folder either. The
      // chart cache (sortie/.cache) may gain the charts of the sections laid out before the error.
      expect(withoutCache(snapshotTree(root))).toEqual(withoutCache(before));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
