// Figure families of indicateurs.csv other than the built-in chapters' (`sante.*`, `caarud.*`)
// get a chapter of their own: by default with no config, or listed as `{ famille: sante }`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/pipeline/build-report.js';
import { readPdfPages, readSommaireEntries, squash } from '../e2e/report-reading.js';

const INDICATEURS = [
  'indicateur;annee;dimension;modalite;valeur;libelle;unite',
  'caarud.file_active;2023;;;412;File active;personnes',
  'caarud.file_active;2024;;;455;File active;personnes',
  'caarud.file_active;2024;genre;Homme;349;File active;personnes',
  'caarud.file_active;2024;genre;Femme;106;File active;personnes',
  'sante.orientations_soin;2024;;;74;Orientations vers le soin;orientations',
  'mediation.entretiens;2022;;;31;Entretiens de médiation;entretiens',
].join('\n');

let root = '';
let result: BuildResult;
let pages: string[] = [];

function project(name: string, config?: string): string {
  const folder = join(root, name);
  const donnees = join(folder, 'donnees');
  mkdirSync(donnees, { recursive: true });
  writeFileSync(join(donnees, 'indicateurs.csv'), INDICATEURS);
  if (config !== undefined) writeFileSync(join(folder, 'rapport.yaml'), config);
  return folder;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rapport-familles-'));
  result = await buildReport({ folder: project('sans-config'), version: '0.0.0-test' });
  pages = readPdfPages(result.pdfPath);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('default chapters of indicateurs.csv families', () => {
  it('gives caarud.* and sante.* a chapter each, and none to a family with no value in the year', () => {
    expect(result.sections).toEqual(['chiffres-cles', 'caarud', 'sante']);
    expect(readSommaireEntries(pages).map((entry) => entry.title)).toEqual(expect.arrayContaining(['CAARUD', 'Santé']));
  });

  it('prints the table of all its figures and its breakdowns; the chiffres clés give its headline tiles', () => {
    const caarud = squash(pages.find((page) => page.trimStart().startsWith('CAARUD')) ?? '');
    expect(caarud).toContain('455');
    expect(caarud).toContain('File active par genre en 2024');
    expect(caarud).toContain('349');
    const sante = squash(pages.find((page) => page.trimStart().startsWith('Santé')) ?? '');
    expect(sante).toContain('Orientations vers le soin 74');
    const chiffresCles = squash(pages.find((page) => page.trimStart().startsWith('Chiffres clés')) ?? '');
    expect(chiffresCles).toContain('74 Orientations vers le soin');
    expect(chiffresCles).toMatch(/CAARUD 455 File active/);
  });

  it('builds a family listed in sections as { famille, titre }', async () => {
    const folder = project('liste', 'sections:\n  - famille: sante\n    titre: Santé communautaire\n');
    const listed = await buildReport({ folder, version: '0.0.0-test' });
    expect(listed.sections).toEqual(['sante']);
    expect(squash(readPdfPages(listed.pdfPath).join(' '))).toContain('Santé communautaire');
  });

  it('refuses a family the data does not have, with the closest one (exit 2)', async () => {
    const folder = project('faute', 'sections:\n  - famille: snate\n');
    await expect(buildReport({ folder, version: '0.0.0-test' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('vouliez-vous dire « sante » ?'),
    });
  });
});
