import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { ingestFolder } from '../../src/ingest/index.js';
import type { TrodRow } from '../../src/ingest/index.js';
import { ExitCode } from '../../src/shared/errors.js';

let root: string;
let outside: string;
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapport-config-'));
  outside = join(root, 'ailleurs');
  await mkdir(outside);
  await writeFile(join(outside, 'secret.md'), '# Hors du projet\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh project folder holding `files` (name → content). */
async function makeProject(files: Record<string, string | Buffer>): Promise<string> {
  counter += 1;
  const folder = join(root, `projet-${counter}`);
  await mkdir(folder);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(resolve(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), content);
  }
  return folder;
}

async function problemsOf(folder: string) {
  const error = await loadConfig(folder).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).exitCode).toBe(ExitCode.usage);
  return (error as ConfigError).problems;
}

describe('config file discovery', () => {
  it('accepts rapport.yml', async () => {
    const folder = await makeProject({ 'rapport.yml': 'association:\n  nom: ADQ\n' });
    const config = await loadConfig(folder);
    expect(config.source).toBe(join(folder, 'rapport.yml'));
    expect(config.association.nom).toBe('ADQ');
  });

  it('refuses rapport.yaml and rapport.yml side by side', async () => {
    const folder = await makeProject({ 'rapport.yaml': 'annee: 2023\n', 'rapport.yml': 'annee: 2024\n' });
    await expect(loadConfig(folder)).rejects.toMatchObject({ exitCode: ExitCode.usage, message: expect.stringContaining('rapport.yaml et rapport.yml') });
  });

  it('treats an empty file as all defaults', async () => {
    const folder = await makeProject({ 'rapport.yaml': '# rien pour l’instant\n' });
    const config = await loadConfig(folder);
    expect(config.source).toBe(join(folder, 'rapport.yaml'));
    expect(config.confidentialite.seuil).toBe(3);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const folder = await makeProject({ 'rapport.yaml': Buffer.from('annee: 2023\nassociation:\n  nom: Soci\xe9t\xe9\n', 'latin1') });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('UTF-8') })]);
  });

  it('refuses a list at the top of the file', async () => {
    const folder = await makeProject({ 'rapport.yaml': '- annee: 2023\n' });
    expect(await problemsOf(folder)).toEqual([expect.objectContaining({ key: '', message: expect.stringContaining('liste de clés attendue') })]);
  });
});

describe('paths stay inside the project folder', () => {
  it('refuses an absolute path elsewhere, accepts one inside', async () => {
    const folder = await makeProject({ 'intro.md': '# Intro\n' });
    await writeFile(join(folder, 'rapport.yaml'), `sections:\n  - ${join(outside, 'secret.md')}\n  - ${join(folder, 'intro.md')}\n`);
    const problems = await problemsOf(folder);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, key: 'sections[1]', message: expect.stringContaining('sort du dossier du projet') });
  });

  it('refuses a symlink that points outside, even with an innocent name', async () => {
    const folder = await makeProject({ 'rapport.yaml': 'edito: textes/edito.md\n' });
    await mkdir(join(folder, 'textes'));
    await symlink(join(outside, 'secret.md'), join(folder, 'textes/edito.md'));
    expect(await problemsOf(folder)).toEqual([
      expect.objectContaining({ line: 1, key: 'edito', message: expect.stringContaining('lien qui mène hors du dossier du projet') }),
    ]);
  });

  it('names a missing logo and a duplicated section', async () => {
    const folder = await makeProject({
      'rapport.yaml': 'association:\n  logo: logo.png\nsections:\n  - a.md\n  - trod\n  - ./a.md\n  - trod\n',
      'a.md': '# A\n',
    });
    const problems = await problemsOf(folder);
    expect(problems.map((problem) => [problem.line, problem.key])).toEqual([
      [2, 'association.logo'],
      [6, 'sections[3]'],
      [7, 'sections[4]'],
    ]);
    expect(problems[0]?.message).toContain('fichier introuvable « logo.png »');
    expect(problems[1]?.message).toBe('fichier « ./a.md » déjà listé en sections[1]');
    expect(problems[2]?.message).toBe('identifiant « trod » déjà listé en sections[2]');
  });
});

describe('messages help fix the value', () => {
  it('explains that an unquoted # starts a YAML comment', async () => {
    const folder = await makeProject({ 'rapport.yaml': 'association:\n  couleur: #8A2B5C\n' });
    const [problem] = await problemsOf(folder);
    expect(problem).toMatchObject({ line: 2, key: 'association.couleur' });
    expect(problem?.message).toContain('« # » commence un commentaire');
  });

  it('suggests the built-in section closest to a typo', async () => {
    const folder = await makeProject({ 'rapport.yaml': 'sections:\n  - maraude\n' });
    const [problem] = await problemsOf(folder);
    expect(problem?.message).toMatch(/reçu « maraude » ; vouliez-vous dire « maraudes » \?$/);
  });

  it('checks colonnes and valeurs against the data contract', async () => {
    const folder = await makeProject({
      'rapport.yaml':
        'colonnes:\n  trod:\n    resultats: Résultat\n  aides_financieres:\n    montant: Somme\n' +
        'valeurs:\n  trod:\n    resultat:\n      faible: Douteux positif\n  indicateurs: {}\n',
    });
    const problems = await problemsOf(folder);
    expect(problems.map((problem) => `${problem.line} ${problem.key} : ${problem.message}`)).toEqual([
      '3 colonnes.trod.resultats : clé inconnue ; vouliez-vous dire « resultat » ?',
      '4 colonnes.aides_financieres : clé inconnue ; vouliez-vous dire « aides » ?',
      '9 valeurs.trod.resultat.faible : valeur reconnue attendue (Négatif, Positif, Invalide), reçu « Douteux positif »',
      '10 valeurs.indicateurs : clé inconnue ; clés possibles : maraudes, trod, domiciliations, aides',
    ]);
  });
});

describe('colonnes and valeurs feed ingestion as they are', () => {
  it('lets ingestion read a file with custom headers and values', async () => {
    const folder = resolve(import.meta.dirname, 'fixtures/colonnes-valeurs');
    const config = await loadConfig(folder);
    const rows: TrodRow[] = [];
    const report = await ingestFolder(
      { folder, columns: config.colonnes, values: config.valeurs },
      { trod: (row) => rows.push(row) },
    );
    expect(report.errors).toEqual([]);
    expect(rows.map((row) => [row.depistage, row.resultat])).toEqual([
      ['VIH', 'positif'],
      ['VHC', 'negatif'],
    ]);
  });
});
