// `--quiet` (`-q`) on every command (issue 9 §3): no progress, no warnings, no summary; the
// errors and the data (stdout) stay. Also: a command registered by another module inherits
// --quiet, --debug and the French help without doing anything.
import { Command } from 'commander';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCliConventions } from '../../src/cli/cli-conventions.js';
import { createProgram } from '../../src/cli/run-cli.js';
import { ensureBuilt, runRapport } from './cli-helpers.js';
import { breakCell, copyDemo, DEMO, makeTempDir } from './demo-copy.js';

const scratch: string[] = [];

beforeAll(ensureBuilt);

afterAll(() => {
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

describe('rapport check --quiet', () => {
  it('valid data: the verdict alone on stdout, nothing on stderr', async () => {
    const result = await runRapport(['check', DEMO, '-q']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // The demo has warnings (total rows): counted in the verdict, not listed.
    expect(result.stdout).toMatch(/^✔ Aucune erreur : les données sont utilisables \(\d+ avertissements\)\.\n$/);
  });

  it('invalid data: the errors and the verdict, without file summaries or warnings, exit 1', async () => {
    const folder = copyDemo();
    scratch.push(folder);
    breakCell(folder, 'trod.csv', 12, 'Résultat', 'pas fait');
    const result = await runRapport(['check', folder, '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Erreurs \(1\)\n {2}trod\.csv\n/);
    expect(result.stdout).toContain('ligne 12, colonne « Résultat » : valeur « pas fait » non valide');
    expect(result.stdout).toMatch(/\n\n✘ 1 erreur : corrigez les fichiers indiqués/);
    expect(result.stdout).not.toMatch(/Vérification de|Fichiers\n|Avertissements|lignes lues/);
  });

  it('--json is the same document with or without --quiet', async () => {
    const loud = await runRapport(['check', DEMO, '--json']);
    const quiet = await runRapport(['check', DEMO, '--json', '-q']);
    expect(quiet.stdout).toBe(loud.stdout);
    expect(quiet.stderr).toBe('');
  });
});

describe('rapport chiffres --quiet', () => {
  it('to a file: its path on stdout, nothing on stderr (no summary, no findings)', async () => {
    const out = join(makeTempDir(), 'chiffres.csv');
    scratch.push(out);
    const loud = await runRapport(['chiffres', DEMO, '--sortie', out]);
    const quiet = await runRapport(['chiffres', DEMO, '--sortie', out, '-q']);
    expect(loud.stderr).toContain('constats de cohérence à vérifier');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });

  it('to stdout: the export alone, nothing on stderr', async () => {
    const result = await runRapport(['chiffres', DEMO, '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'rapport-chiffres' });
  });

  it('errors are still shown', async () => {
    const result = await runRapport(['chiffres', 'dossier-qui-n-existe-pas', '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Erreur : le dossier/);
  });
});

describe('rapport build --quiet', () => {
  it('no progress and no summary on stderr; the files produced on stdout', async () => {
    const out = makeTempDir();
    scratch.push(out);
    const result = await runRapport(['build', DEMO, '--section', 'maraudes', '--sortie', out, '-q']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^PDF : \S+rapport-activite-2025-maraudes\.pdf \(\d+ pages?\)$/m);
  });
});

describe('conventions inherited by every registered command', () => {
  it('each command of rapport has -q/--quiet, --debug and a French help', () => {
    const program = createProgram();
    expect(program.commands.length).toBeGreaterThanOrEqual(3);
    for (const command of program.commands) {
      const flags = command.options.map((option) => option.flags);
      expect(flags, command.name()).toContain('-q, --quiet');
      expect(flags, command.name()).toContain('--debug');
      expect(command.helpInformation()).toMatch(/^Utilisation : rapport /);
      expect(command.helpInformation()).not.toMatch(/Usage:|Options:|display help/);
    }
  });

  it('a command added by another module gets them too, keeping its own -q if it has one', () => {
    const program = new Command('rapport');
    const added = program.command('apercu').argument('<dossier>').option('--port <n>', 'port', '4000');
    const own = program.command('init').option('-q, --quiet', 'sa propre description');
    applyCliConventions(program);
    expect(added.options.map((option) => option.long)).toEqual(['--port', '--quiet', '--debug']);
    expect(own.options.filter((option) => option.long === '--quiet')).toHaveLength(1);
    expect(added.helpInformation()).toContain('(par défaut\u00a0: 4000)');
    expect(added.helpInformation()).toMatch(/-h, --help +affiche l'aide/);
  });
});
