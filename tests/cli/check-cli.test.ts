// End-to-end: the built CLI (`node bin/rapport.js check`) on the demo folder and broken copies.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ensureBuilt, ROOT, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';
import { breakCell, collectPersonCodes, copyDemo, DEMO, editLines, leakedCodes, makeTempDir } from './demo-copy.js';

interface CheckJson {
  version: number;
  ok: boolean;
  year: number | null;
  files: { file: string; dataset: string | null }[];
  summaries: { file: string; dataset: string | null; rowsRead: number; rowsValid: number; errorCount: number; errorsOmitted: number; refused: boolean; years: Record<string, number> }[];
  errors: { code: string; file: string; line: number | null; column: string | null; value: string | null; text: string }[];
  warnings: { code: string; file: string; line: number | null; message: string }[];
}

let codes: Set<string>;

beforeAll(async () => {
  await ensureBuilt();
  codes = collectPersonCodes(join(DEMO, 'donnees'));
});

/** Facts every run must satisfy: no stack trace, no person code, anywhere. */
function expectClean(result: CliResult): void {
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(STACK_LINE);
  expect(output).not.toMatch(/Erreur interne/);
  expect(leakedCodes(output, codes)).toEqual([]);
}

function parseJson(result: CliResult): CheckJson {
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as CheckJson;
}

describe('rapport check on the demo folder', () => {
  it('has person codes to look for', () => {
    expect(codes.size).toBeGreaterThan(100);
    expect([...codes].every((code) => /^P-\d{4}$/.test(code))).toBe(true);
  });

  it('exits 0 with a French summary of the five files', async () => {
    const result = await runRapport(['check', 'fixtures/association-demo']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectClean(result);
    for (const file of ['maraudes.csv', 'trod.csv', 'domiciliations.csv', 'aides_financieres.csv', 'indicateurs.csv']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${file} : [\\d\\u202f]+ lignes lues`, 'm'));
    }
    expect(result.stdout).toContain('Windows-1252, séparateur « ; »');
    expect(result.stdout).toContain('ligne de total « Total » ignorée');
    expect(result.stdout).toMatch(/✔ Aucune erreur : les données sont utilisables/);
  });

  it('--json prints one JSON document on stdout and nothing else', async () => {
    const result = await runRapport(['check', DEMO, '--json']);
    expect(result.code).toBe(0);
    expectClean(result);
    const document = parseJson(result);
    expect(Object.keys(document)).toEqual(expect.arrayContaining(['files', 'errors', 'warnings', 'summaries']));
    expect(document.version).toBe(1);
    expect(document.ok).toBe(true);
    expect(document.errors).toEqual([]);
    expect(document.files.map((f) => f.dataset).sort()).toEqual(['aides', 'domiciliations', 'indicateurs', 'maraudes', 'trod']);
    for (const summary of document.summaries) {
      expect(summary.rowsValid).toBe(summary.rowsRead);
      expect(summary.rowsRead).toBeGreaterThan(0);
    }
    expect(document.warnings.map((w) => w.code)).toContain('ligne_total_ignoree');
    // Realistic volumes (brief): about 200 maraudes and 250 TROD in the report year.
    const maraudes = document.summaries.find((s) => s.dataset === 'maraudes');
    const year = String(document.year);
    expect(maraudes?.years[year]).toBeGreaterThan(150);
  });

  it('--annee chooses the report year', async () => {
    const latest = parseJson(await runRapport(['check', DEMO, '--json'])).year as number;
    const document = parseJson(await runRapport(['check', DEMO, '--json', '--annee', String(latest - 1)]));
    expect(document.year).toBe(latest - 1);
    expect(document.warnings.some((w) => w.code === 'hors_annee' && w.message.includes('postérieures'))).toBe(true);
  });

  it('writes nothing: same files, sizes and mtimes in the folder and the working directory', async () => {
    const cwd = makeTempDir();
    const before = snapshotTree(DEMO);
    const text = await runRapport(['check', DEMO], cwd);
    const json = await runRapport(['check', DEMO, '--json'], cwd);
    expect([text.code, json.code]).toEqual([0, 0]);
    expect(snapshotTree(DEMO)).toEqual(before);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('rapport check on broken copies of the demo', () => {
  async function checkBoth(folder: string): Promise<{ text: CliResult; document: CheckJson }> {
    const text = await runRapport(['check', folder]);
    const json = await runRapport(['check', folder, '--json']);
    expect(text.code).toBe(1);
    expect(json.code).toBe(1);
    expectClean(text);
    expectClean(json);
    expect(text.stdout).toMatch(/✘ \d+ erreurs? : corrigez les fichiers indiqués/);
    return { text, document: parseJson(json) };
  }

  it('an unknown test result: exit 1, naming file, line, column and value', async () => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 12, 'Résultat', 'pas fait');
    const { text, document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ code: 'valeur_invalide', file: 'trod.csv', line: 12, column: 'Résultat', value: 'pas fait' })]);
    expect(text.stdout).toContain('ligne 12, colonne « Résultat » : valeur « pas fait » non valide');
  });

  it('an impossible date on a domiciliation row: the person code of the row is not printed', async () => {
    const folder = copyDemo();
    breakCell(folder, 'domiciliations.csv', 30, 'Date de décision', '31/02/2024');
    const { document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ file: 'domiciliations.csv', line: 30, column: 'Date de décision', value: '31/02/2024' })]);
  });

  it('a negative amount in the Windows-1252 file: the header is decoded right', async () => {
    const folder = copyDemo();
    breakCell(folder, 'aides_financieres.csv', 7, 'Montant (€)', '-12,50');
    const { text, document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ file: 'aides_financieres.csv', line: 7, column: 'Montant (€)', value: '-12,50' })]);
    expect(text.stdout).toContain("un montant négatif n'est pas accepté");
  });

  it('an e-mail instead of a person code: refused, never printed', async () => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 5, 'Code personne', 'awa.diallo@example.org');
    const { text, document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ file: 'trod.csv', line: 5, column: 'Code personne', value: '(valeur masquée)' })]);
    expect(text.stdout + JSON.stringify(document)).not.toContain('awa.diallo');
  });

  it('a ragged row in maraudes.csv', async () => {
    const folder = copyDemo();
    editLines(folder, 'maraudes.csv', (lines, separator) => {
      lines[8 - 1] = (lines[8 - 1] ?? '').split(separator).slice(0, 4).join(separator);
    });
    const { document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ code: 'ligne_irreguliere', file: 'maraudes.csv', line: 8 })]);
  });

  it('a name column added to domiciliations.csv: the file is refused', async () => {
    const folder = copyDemo();
    editLines(folder, 'domiciliations.csv', (lines, separator) => {
      lines.forEach((line, index) => {
        if (line !== '') lines[index] = `${line}${separator}${index === 0 ? 'Nom' : 'Martin'}`;
      });
    });
    const { text, document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ code: 'donnee_personnelle', file: 'domiciliations.csv', line: 1, column: 'Nom' })]);
    expect(document.summaries.find((s) => s.file === 'domiciliations.csv')?.refused).toBe(true);
    expect(text.stdout).not.toContain('Martin');
  });

  it('an unclosed quote opening in a person-code cell: the line is named, the codes swallowed are not printed', async () => {
    const folder = copyDemo();
    editLines(folder, 'domiciliations.csv', (lines) => {
      lines[20 - 1] = `"${lines[20 - 1] ?? ''}`;
    });
    const { document } = await checkBoth(folder);
    expect(document.errors).toEqual([expect.objectContaining({ code: 'fichier_illisible', file: 'domiciliations.csv', line: 20 })]);
  });

  it('120 errors in one column: one grouped message with the count and the lines; the JSON keeps every occurrence', async () => {
    const folder = copyDemo();
    editLines(folder, 'trod.csv', (lines, separator) => {
      for (let line = 2; line <= 121; line += 1) {
        const cells = (lines[line - 1] ?? '').split(separator);
        cells[2] = `inconnu ${line}`;
        lines[line - 1] = cells.join(separator);
      }
    });
    const { text, document } = await checkBoth(folder);
    expect(document.errors).toHaveLength(120);
    expect(document.summaries.find((s) => s.file === 'trod.csv')).toMatchObject({ errorCount: 120, errorsOmitted: 0 });
    const trodLines = text.stdout.split('\n').filter((line) => /colonne « Résultat »/.test(line));
    expect(trodLines).toEqual([
      expect.stringMatching(/^ {4}colonne « Résultat » : 120 valeurs non valides \(« inconnu 2 », « inconnu 3 », « inconnu 4 »…\), lignes 2 à 121 — attendu : /),
    ]);
    expect(text.stdout).not.toContain('autres erreurs');
    expect(text.stdout).toContain('Erreurs (120)');
  });

  it('writes nothing in a broken copy either', async () => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 3, 'Dépistage', 'chlamydia');
    const before = snapshotTree(folder);
    await checkBoth(folder);
    expect(snapshotTree(folder)).toEqual(before);
  });
});

describe('usage errors and help', () => {
  async function usage(args: string[]): Promise<CliResult> {
    const result = await runRapport(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Erreur : /);
    expectClean(result);
    return result;
  }

  it('missing folder: exit 2, French message, nothing on stdout even with --json', async () => {
    const result = await usage(['check', 'dossier-qui-n-existe-pas', '--json']);
    expect(result.stderr).toContain("le dossier « dossier-qui-n-existe-pas » n'existe pas ou n'est pas un dossier");
  });

  it('unknown option: exit 2', async () => {
    const result = await usage(['check', DEMO, '--couleur']);
    expect(result.stderr).toContain('option inconnue --couleur');
  });

  it('bad --annee: exit 2, in French only (bug: commander\'s English prefix was printed)', async () => {
    const result = await usage(['check', DEMO, '--annee', '20x']);
    expect(result.stderr).toContain('Erreur : année invalide « 20x » : attendu une année sur quatre chiffres');
    expect(result.stderr).not.toMatch(/is invalid|argument '/);
  });

  it('missing folder argument, unknown command: exit 2', async () => {
    expect((await usage(['check'])).stderr).toContain('argument manquant');
    expect((await usage(['verifier', DEMO])).stderr).toContain('commande inconnue «\u00a0verifier\u00a0»');
  });

  it('--help is in French, for the program and for check', async () => {
    const main = await runRapport(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Utilisation : rapport/);
    expect(main.stdout).toContain('Commandes :');
    expect(main.stdout).toContain("affiche l'aide");
    const check = await runRapport(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^Utilisation : rapport check \[options\] <dossier>/);
    expect(check.stdout).toContain('--annee <AAAA>');
    expect(check.stdout).toContain('année du rapport');
    expect((await runRapport(['help', 'check'])).stdout).toBe(check.stdout);
    for (const output of [main.stdout, check.stdout]) {
      expect(output).not.toMatch(/Usage:|Options:|Commands:|display help|output the version/);
    }
  });

  it('--version prints the package version', async () => {
    const result = await runRapport(['--version']);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('a data folder without donnees/', () => {
  it('reads the CSV files at the root of the folder', async () => {
    const folder = makeTempDir();
    writeFileSync(join(folder, 'trod.csv'), 'date;depistage;resultat\n02/01/2025;VIH;NEG\n');
    const document = parseJson(await runRapport(['check', folder, '--json']));
    expect(document).toMatchObject({ ok: true, year: 2025, files: [{ file: 'trod.csv', dataset: 'trod' }] });
    expect(existsSync(join(folder, 'donnees'))).toBe(false);
  });
});
