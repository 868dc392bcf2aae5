// Data on stdout, talk on stderr (issue 9 §3): what a pipe (`| jq`, `> fichier`) receives is the
// data alone, for every command; progress, warnings, notices and errors go to stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';
import { breakCell, copyDemo, DEMO, makeTempDir } from './demo-copy.js';

beforeAll(ensureBuilt);

describe('rapport chiffres', () => {
  it('--format json writes the JSON export to stdout, and only it; the summary goes to stderr; no file written', async () => {
    const folder = copyDemo();
    const before = snapshotTree(folder);
    const result = await runRapport(['chiffres', folder, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as { format: string; annee: number; chiffres: unknown[] };
    expect(document.format).toBe('rapport-chiffres');
    expect(document.chiffres.length).toBeGreaterThan(100);
    expect(result.stderr).toContain(`Chiffres ${document.annee} : sortie standard (JSON)`);
    expect(result.stderr).toMatch(/Secret statistique \(seuil 3\) : [\d\u202f]+ cases masquées/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(snapshotTree(folder)).toEqual(before);
  });

  it('--sortie - writes the CSV export to stdout, byte for byte what --sortie fichier.csv writes', async () => {
    const folder = copyDemo();
    const before = snapshotTree(folder);
    const piped = await runRapport(['chiffres', folder, '--sortie', '-']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(snapshotTree(folder)).toEqual(before);
    const file = join(makeTempDir(), 'chiffres.csv');
    const written = await runRapport(['chiffres', folder, '--sortie', file]);
    expect(written.code, written.stderr).toBe(0);
    expect(piped.stdout).toBe(readFileSync(file, 'utf8'));
    expect(piped.stdout.startsWith('\ufeffindicateur;annee;dimension;modalite;valeur;unite;libelle\r\n')).toBe(true);
    // To a file, stdout names the file produced (the data of the command), the rest is on stderr.
    expect(written.stdout).toMatch(/^Chiffres 2025 : \S*chiffres\.csv\n$/);
    expect(written.stderr).toMatch(/^ {2}[\d\u202f]+ chiffres \(années 2023–2025\)$/m);
  });

  it('--format json --sortie - and --complet: the notice is on stderr, never in the data', async () => {
    const result = await runRapport(['chiffres', DEMO, '--format', 'json', '--sortie', '-', '--complet']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { complet: boolean }).complet).toBe(true);
    expect(result.stderr).toContain('NON MASQUÉES');
  });

  it('invalid data: nothing on stdout, the errors on stderr, exit 1', async () => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 12, 'Résultat', 'pas fait');
    const result = await runRapport(['chiffres', folder, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('trod.csv, ligne 12, colonne « Résultat »');
  });
});

describe('rapport check', () => {
  it('--json writes the JSON document to stdout only, with data errors too', async () => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 12, 'Résultat', 'pas fait');
    const result = await runRapport(['check', folder, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { ok: boolean }).ok).toBe(false);
  });

  it('a usage error with --json: nothing on stdout (no half document), the error on stderr', async () => {
    const result = await runRapport(['check', 'dossier-qui-n-existe-pas', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Erreur : /);
  });
});
