// End to end: `rapport chiffres` through the built CLI (bin/rapport.js).
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runRapport, snapshotTree, STACK_LINE } from '../cli/cli-helpers.js';
import { fixture, makeFolder } from './figure-helpers.js';

function copyOf(name: string): string {
  const folder = makeFolder({});
  cpSync(fixture(name), folder, { recursive: true });
  return folder;
}

beforeAll(ensureBuilt);

describe('rapport chiffres', () => {
  it('writes the published CSV to <dossier>/sortie/chiffres-<N>.csv', async () => {
    const folder = copyOf('catalogue');
    const result = await runRapport(['chiffres', folder, '--annee', '2024']);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    const path = join(folder, 'sortie', 'chiffres-2024.csv');
    const csv = readFileSync(path, 'utf8');
    expect(csv.startsWith('\ufeffindicateur;annee;dimension;modalite;valeur;unite;libelle\r\n')).toBe(true);
    expect(csv).toContain('trod.tests;2024;depistage;VHC;< 3;tests;');
    expect(csv).toContain('maraudes.sessions;2024;;;5;maraudes;Maraudes réalisées');
    expect(result.stdout).toContain('chiffres-2024.csv');
    expect(result.stderr).toMatch(/Secret statistique \(seuil 3\) : \d+ cases masquées/);
    // Findings are listed, without stopping anything.
    expect(result.stderr).toContain('trod.csv, ligne 4 : test VIH positif non orienté');
  });

  it('--complet --format json --sortie writes the unsuppressed JSON where asked, and says so', async () => {
    const folder = copyOf('catalogue');
    const out = join(folder, 'interne', 'tout.json');
    const result = await runRapport(['chiffres', folder, '--annee', '2024', '--complet', '--format', 'json', '--sortie', out]);
    expect(result.code).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    expect(document.complet).toBe(true);
    expect(document.chiffres.find((c: { indicateur: string; dimension: string; modalite: string; annee: number }) => c.indicateur === 'trod.tests' && c.annee === 2024 && c.modalite === 'VHC').valeur).toBe(1);
    expect(result.stderr).toContain('NON MASQUÉES');
    expect(existsSync(join(folder, 'sortie'))).toBe(false);
  });

  it('--complet alone gets its own default name, with the notice as first line', async () => {
    const folder = copyOf('catalogue');
    expect((await runRapport(['chiffres', folder, '--annee', '2024', '--complet'])).code).toBe(0);
    const csv = readFileSync(join(folder, 'sortie', 'chiffres-2024-complet.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeff# CHIFFRES COMPLETS NON MASQUÉS (secret statistique non appliqué) : usage interne uniquement - ne pas diffuser');
  });

  it('invalid data: exit 1 with the check messages, nothing written', async () => {
    const folder = makeFolder({ 'trod.csv': 'Date;Dépistage;Résultat\n10/03/2024;VIH;peut-être\n' });
    const before = snapshotTree(folder);
    const result = await runRapport(['chiffres', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('trod.csv, ligne 2, colonne « Résultat »');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(snapshotTree(folder)).toEqual(before);
  });

  it('a figure given by two sources: exit 1 naming both, nothing written', async () => {
    const folder = copyOf('conflit');
    const result = await runRapport(['chiffres', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('« trod.tests » 2023');
    expect(existsSync(join(folder, 'sortie'))).toBe(false);
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const result = await runRapport(['chiffres', copyOf('catalogue'), '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('format inconnu « xml »');
  });
});
