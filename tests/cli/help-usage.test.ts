// CLI conventions, help and usage mistakes (issue 9 §3): `rapport` alone prints the help on
// stderr and exits 2; mistyped commands, options and option values get a French « vouliez-vous
// dire » and exit 2; asked-for help goes to stdout with exit 0; no English from commander.
import { describe, expect, it, beforeAll } from 'vitest';
import { type CliResult, ensureBuilt, runRapport, STACK_LINE } from './cli-helpers.js';
import { DEMO } from './demo-copy.js';

beforeAll(ensureBuilt);

/** Commander's own English, which must never reach the user. */
const ENGLISH = /Usage:|Options:|Commands:|Arguments:|error:|unknown (option|command)|Did you mean|default:|display help|output the version|too many arguments|missing required|is invalid|Allowed choices/;

function expectUsageError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^Erreur : /);
  expect(result.stderr).not.toMatch(ENGLISH);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('rapport without a command', () => {
  it('prints the French help on stderr and exits 2 (bug: it printed nothing and exited 0)', async () => {
    const result = await runRapport([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Utilisation : rapport \[options\] \[commande\]\n/);
    expect(result.stderr).toContain('Commandes :');
    for (const command of ['build', 'check', 'chiffres', 'help']) expect(result.stderr).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(result.stderr).not.toMatch(ENGLISH);
  });
});

describe('help asked for', () => {
  it.each([[['--help']], [['-h']], [['help']]])('rapport %j: the general help on stdout, exit 0', async (args) => {
    const result = await runRapport(args);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Utilisation : rapport \[options\] \[commande\]\n/);
    expect(result.stdout).not.toMatch(ENGLISH);
  });

  it.each(['build', 'check', 'chiffres'])('rapport help %s = its -h, in French, on stdout', async (command) => {
    const viaHelp = await runRapport(['help', command]);
    const viaOption = await runRapport([command, '-h']);
    expect([viaHelp.code, viaOption.code]).toEqual([0, 0]);
    expect(viaHelp.stderr + viaOption.stderr).toBe('');
    expect(viaHelp.stdout).toBe(viaOption.stdout);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Utilisation : rapport ${command} \\[options\\] <dossier>\\n`));
    expect(viaHelp.stdout).toContain('Arguments :');
    expect(viaHelp.stdout).toContain('Options :');
    // --quiet and --debug on every command, described in French.
    expect(viaHelp.stdout).toMatch(/-q, --quiet +n'affiche que les erreurs/);
    expect(viaHelp.stdout).toMatch(/--debug +affiche le détail technique/);
    expect(viaHelp.stdout).not.toMatch(ENGLISH);
  });

  it('commander notes are French: « (par défaut : csv) »', async () => {
    const result = await runRapport(['help', 'chiffres']);
    expect(result.stdout).toContain('csv ou json (par défaut\u00a0: csv)');
  });
});

describe('mistyped commands', () => {
  it('rapport buid: « commande inconnue « buid » — vouliez-vous dire « build » ? », exit 2', async () => {
    const result = await runRapport(['buid', DEMO]);
    expectUsageError(result);
    expect(result.stderr).toContain('Erreur : commande inconnue «\u00a0buid\u00a0» — vouliez-vous dire «\u00a0build\u00a0»\u00a0?');
    expect(result.stderr).toContain('Voir «\u00a0rapport --help\u00a0».');
  });

  it('a swap of two letters is a typo too: rapport chiffers → chiffres', async () => {
    const result = await runRapport(['chiffers', DEMO]);
    expectUsageError(result);
    expect(result.stderr).toContain('vouliez-vous dire «\u00a0chiffres\u00a0»\u00a0?');
  });

  it('an unrelated word gets no suggestion', async () => {
    const result = await runRapport(['publier', DEMO]);
    expectUsageError(result);
    expect(result.stderr).toContain('Erreur : commande inconnue «\u00a0publier\u00a0»\n');
  });

  it('rapport help inconnu: unknown command named, commands listed, exit 2 (bug: general help, exit 0)', async () => {
    const result = await runRapport(['help', 'inconnu']);
    expectUsageError(result);
    expect(result.stderr).toContain('Erreur : commande inconnue «\u00a0inconnu\u00a0»');
    expect(result.stderr).toContain('→ commandes disponibles\u00a0: build, check, chiffres');
  });

  it('rapport help chek: suggests check', async () => {
    const result = await runRapport(['help', 'chek']);
    expectUsageError(result);
    expect(result.stderr).toContain('commande inconnue «\u00a0chek\u00a0» — vouliez-vous dire «\u00a0check\u00a0»\u00a0?');
  });
});

describe('mistyped options and values', () => {
  it('check --jsno: « vouliez-vous dire « --json » ? » and the help of check, exit 2', async () => {
    const result = await runRapport(['check', DEMO, '--jsno']);
    expectUsageError(result);
    expect(result.stderr).toContain('Erreur : option inconnue --jsno — vouliez-vous dire «\u00a0--json\u00a0»\u00a0?');
    expect(result.stderr).toContain('Voir «\u00a0rapport check --help\u00a0».');
  });

  it('build --sortei: suggests --sortie, before any build starts', async () => {
    const result = await runRapport(['build', DEMO, '--sortei', 'x']);
    expectUsageError(result);
    expect(result.stderr).toContain('option inconnue --sortei — vouliez-vous dire «\u00a0--sortie\u00a0»\u00a0?');
    expect(result.stderr).not.toContain('Construction du rapport');
  });

  it('build --sortie - is refused (bug: it created a folder named « - »)', async () => {
    const result = await runRapport(['build', DEMO, '--sortie', '-']);
    expectUsageError(result);
    expect(result.stderr).toContain('--sortie attend un dossier');
    expect(result.stderr).not.toContain('Construction du rapport');
  });

  it('an option of the command placed before it: rapport -q check … says where it goes', async () => {
    const result = await runRapport(['-q', 'check', DEMO]);
    expectUsageError(result);
    expect(result.stderr).toContain('Erreur : option -q placée avant la commande\u00a0: écrivez-la après, par ex. «\u00a0rapport check <dossier> -q\u00a0»');
  });

  it('an option of another command is not suggested: build --json', async () => {
    const result = await runRapport(['build', DEMO, '--json']);
    expectUsageError(result);
    expect(result.stderr).toContain('Erreur : option inconnue --json\n');
  });

  it('chiffres --format xml lists the valid values; --format jsn suggests json', async () => {
    const xml = await runRapport(['chiffres', DEMO, '--format', 'xml']);
    expectUsageError(xml);
    expect(xml.stderr).toContain('format inconnu « xml » : valeurs possibles csv, json');
    const typo = await runRapport(['chiffres', DEMO, '--format', 'jsn']);
    expectUsageError(typo);
    expect(typo.stderr).toContain('vouliez-vous dire «\u00a0json\u00a0»\u00a0?');
  });

  it('missing argument, missing option value, too many arguments: French, exit 2', async () => {
    const missing = await runRapport(['build']);
    expectUsageError(missing);
    expect(missing.stderr).toContain('Erreur : argument manquant\u00a0: dossier');
    expect(missing.stderr).toContain('Voir «\u00a0rapport build --help\u00a0».');
    const value = await runRapport(['check', DEMO, '--annee']);
    expectUsageError(value);
    expect(value.stderr).toContain("valeur manquante pour l'option --annee <AAAA>");
    const extra = await runRapport(['check', DEMO, 'autre']);
    expectUsageError(extra);
    expect(extra.stderr).toContain("trop d'arguments pour «\u00a0check\u00a0» (1 attendu)");
  });
});

describe('--debug', () => {
  it('shows the stack of an error only when asked', async () => {
    const plain = await runRapport(['check', 'dossier-qui-n-existe-pas']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(STACK_LINE);
    const debug = await runRapport(['check', 'dossier-qui-n-existe-pas', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toContain(plain.stderr.trim());
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});
