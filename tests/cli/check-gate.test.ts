// Issue 9 §2: `check` is the gate of `build`. Every build-error fixture (tests/fixtures/build-*
// that fail, the fixtures of issue 9 with an attendu.json, and the bad-input corpus
// fixtures/invalides/) runs through both commands: the same French message, the same non-zero
// exit code, no stack trace, and nothing written (no sortie/ created).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';
import { prepareCaseProject } from './demo-copy.js';

interface GateCase {
  /** Folder of the case's files. */
  source: string;
  description: string;
  arguments: string[];
  /** Exit code both commands must give (else only: the same, non-zero). */
  code?: number;
  message: string;
  /** Second fragment (the hint), when the case gives one. */
  indice?: string;
  base?: 'demo';
  /** Corpus cases: the command they were written for. */
  commande?: string;
  lien_hors_projet?: string;
  taille?: Record<string, number>;
}

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const CORPUS = join(ROOT, 'fixtures', 'invalides');

/** The older build-error fixtures, which have no attendu.json (see tests/e2e/build-errors.test.ts). */
const BUILD_FIXTURES: GateCase[] = [
  { source: join(FIXTURES, 'build-chiffre-inconnu'), description: 'chiffre mal orthographié', arguments: [], code: 2, message: 'sections/depistage.md, ligne 8 : chiffre inconnu « trod.test »' },
  { source: join(FIXTURES, 'build-modalite-inconnue'), description: 'modalité inconnue', arguments: [], code: 2, message: '« VIX »' },
  { source: join(FIXTURES, 'build-donnees-invalides'), description: 'date impossible', arguments: [], code: 1, message: 'colonne « Date de sortie » : valeur « 31/02/2025 »' },
];

function readCases(folder: string, filter: (name: string) => boolean): GateCase[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && filter(entry.name) && existsSync(join(folder, entry.name, 'attendu.json')))
    .map((entry) => ({ source: join(folder, entry.name), ...(JSON.parse(readFileSync(join(folder, entry.name, 'attendu.json'), 'utf8')) as Omit<GateCase, 'source'>) }));
}

/** Options of one command only (`--section` is build's, `--json` check's) cannot run through both. */
const bothCommands = (c: GateCase) => !c.arguments.some((argument) => argument === '--section' || argument === '--json' || argument === '--format' || argument === '--sortie');

/**
 * From the corpus: the cases written for `build` (sections, édito, logo, data) and the config and
 * year cases written for `check`. The ~60 data cases of `check` (exit 1) are left to
 * invalides.test.ts: build stops on them by the same ingest report (requireFigures), and running
 * each through both commands would double the suite's time on two cores.
 */
const fromCorpus = (c: GateCase & { commande?: string }) => c.commande === 'build' || c.code !== 1 || c.arguments.includes('--annee');

const cases: GateCase[] = [...BUILD_FIXTURES, ...readCases(FIXTURES, () => true), ...readCases(CORPUS, () => true).filter((c) => bothCommands(c) && fromCorpus(c))];

beforeAll(ensureBuilt);

/** The project three levels deep in a temporary folder, as in tests/cli/invalides.test.ts. */
function prepare(gate: GateCase): { root: string; project: string } {
  return prepareCaseProject(gate.source, gate);
}

/** Files only, without the chart cache (folder mtimes change when a cache is created). */
function filesOf(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !statSync(path, { throwIfNoEntry: false })?.isDirectory() && !/[/\\]sortie[/\\]\.cache[/\\]/.test(path)));
}

describe('check is the gate of build: the same error, the same exit code, nothing written', () => {
  it('runs the issue 9 fixtures and the build-error corpus', () => {
    expect(cases.map((c) => c.source.split(/[/\\]/).pop())).toEqual(
      expect.arrayContaining(['build-chiffre-inconnu', 'annee-absente', 'section-guillemets-word', 'sans-csv-du-contrat', 'section-syntaxe', 'logo-trop-lourd']),
    );
  });

  it.concurrent.each(cases.map((c) => [c.source.split(/[/\\]/).slice(-2).join('/'), c] as const))('%s', async (_name, gate) => {
    const { root, project } = prepare(gate);
    try {
      const before = filesOf(snapshotTree(root));
      const check = await runRapport(['check', project, ...gate.arguments]);
      const build = await runRapport(['build', project, ...gate.arguments]);
      for (const [command, result] of [['check', check], ['build', build]] as const) {
        const output = result.stdout + result.stderr;
        expect(output, `${command}: ${gate.description}\n${output}`).toContain(gate.message);
        if (gate.indice !== undefined) expect(output, command).toContain(gate.indice);
        expect(result.code, `${command}: ${gate.description}\n${output}`).not.toBe(0);
        if (gate.code !== undefined) expect(result.code, `${command}: ${gate.description}\n${output}`).toBe(gate.code);
        expect(output, command).not.toMatch(STACK_LINE);
        expect(output, command).not.toContain('Erreur interne inattendue');
      }
      expect(check.code).toBe(build.code);
      expect(existsSync(join(project, 'sortie', 'rapport-activite-2025.pdf'))).toBe(false);
      expect(filesOf(snapshotTree(root))).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    // Two processes in a row per case, on a shared machine: generous, but a hang still fails.
  }, 300_000);
});

describe('check with a failing section', () => {
  const folder = join(FIXTURES, 'section-bloc-non-ferme');

  it('--json: ok is false and blocking carries build\'s message and exit code; the error also goes to stderr', async () => {
    const result = await runRapport(['check', folder, '--json']);
    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout) as { ok: boolean; blocking: { message: string; hint: string; exitCode: number } | null };
    expect(document.ok).toBe(false);
    expect(document.blocking?.message).toBe('sections/depistage.md, ligne 9 : bloc « {{#si}} » jamais fermé');
    expect(document.blocking?.hint).toContain('{{/si}}');
    expect(document.blocking?.exitCode).toBe(2);
    expect(result.stderr).toContain('Erreur : sections/depistage.md, ligne 9');
  });

  it('text: the summary ends with ✘, not ✔, and check loads no browser, canvas, chart.js nor pdf-lib', async () => {
    const hook = join(ROOT, 'tests', 'cli', 'heavy-modules-hook.mjs');
    const result = await runNode(['--import', hook, join(ROOT, 'bin', 'rapport.js'), 'check', folder]);
    expect(result.stdout).toContain('✘ La construction échouerait : voir l\'erreur ci-dessous.');
    expect(result.stdout).not.toContain('✔');
    expect(result.stderr).not.toContain('MODULE LOURD');
    expect(result.code).toBe(2);
  });

  it('the hook does see a heavy module when one is loaded (the test above can fail)', async () => {
    const hook = join(ROOT, 'tests', 'cli', 'heavy-modules-hook.mjs');
    const result = await runNode(['--import', hook, '--input-type=module', '-e', "await import('pdf-lib')"]);
    expect(result.stderr).toContain('MODULE LOURD');
  });
});

function runNode(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
