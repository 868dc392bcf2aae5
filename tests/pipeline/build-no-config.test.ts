// A folder holding only maraudes.csv (no rapport.yaml, no donnees/ subfolder) builds a complete
// report with defaults, into <dossier>/sortie: chapters Chiffres clés and Maraudes only.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/pipeline/build-report.js';
import { ROOT } from '../cli/cli-helpers.js';
import { french, linesOf, readCsvRows, readFrontMatter, readPdfInfo, readPdfPages, readSommaireEntries, squash, yearOfDate } from '../e2e/report-reading.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'build-sans-config');
const SECTIONS = join(ROOT, 'templates', 'sections');
const titleOf = (id: string) => String(readFrontMatter(join(SECTIONS, `${id}.md`)).titre);

const rows = readCsvRows(join(FIXTURE, 'maraudes.csv'));
const latestYear = Math.max(...rows.map((row) => yearOfDate(row['Date de sortie']) ?? 0));
const sessions = rows.filter((row) => yearOfDate(row['Date de sortie']) === latestYear).length;

let folder = '';
let result: BuildResult;
let pages: string[] = [];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rapport-sans-config-'));
  cpSync(FIXTURE, folder, { recursive: true });
  result = await buildReport({ folder, version: '0.0.0-test' });
  pages = readPdfPages(result.pdfPath);
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const sommaireTitles = () => readSommaireEntries(pages).map((entry) => entry.title);

describe('rapport build on a folder with only maraudes.csv and no rapport.yaml', () => {
  it('is really a folder without configuration', () => {
    expect(readdirSync(FIXTURE)).toEqual(['maraudes.csv']);
  });

  it('builds the latest year into <dossier>/sortie', () => {
    expect(result.year).toBe(latestYear);
    expect(result.pdfPath).toBe(join(folder, 'sortie', `rapport-activite-${latestYear}.pdf`));
    for (const path of [result.pdfPath, result.htmlPath ?? '', result.csvPath ?? '']) expect(existsSync(path), path).toBe(true);
  });

  it('has the default chapters for the data present: Chiffres clés and Maraudes only', () => {
    expect(result.sections).toEqual(['chiffres-cles', 'maraudes']);
    const titles = sommaireTitles();
    expect(titles.slice(0, 2)).toEqual([titleOf('chiffres-cles'), titleOf('maraudes')]);
    for (const id of ['trod', 'domiciliations', 'aides', 'accueil']) expect(titles).not.toContain(titleOf(id));
    expect(titles).toContain('Annexe méthodologique');
  });

  it("has the default title on the cover and in the metadata: \"Rapport d'activité\"", () => {
    const cover = squash(pages[0] ?? '');
    expect(cover).toContain("Rapport d'activité");
    expect(cover).toContain(String(latestYear));
    expect(readPdfInfo(result.pdfPath).fields.get('Title')).toContain(`Rapport d'activité ${latestYear}`);
  });

  it('computes its figures from the CSV and numbers its pages', () => {
    const maraudes = pages.find((page) => linesOf(page)[0] === titleOf('maraudes')) ?? '';
    expect(squash(maraudes)).toContain(`${french.integer(sessions)} maraudes`);
    pages.slice(1).forEach((page, index) => expect(linesOf(page).at(-1)).toMatch(new RegExp(` ${index + 2} / ${pages.length}$`)));
  });

  it("lists every counter of maraudes.csv in the file's column order, not alphabetically, with N−1 and N", () => {
    const header = (readFileSync(join(FIXTURE, 'maraudes.csv'), 'utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '').split(';');
    const counters = header.slice(header.indexOf('Créneau') + 1).filter((name) => name !== 'Commentaires');
    expect(counters.length).toBeGreaterThan(2);
    const text = squash(pages.join(' '));
    const table = text.slice(text.indexOf('Tous les chiffres des maraudes'));
    expect(table).toMatch(new RegExp(`^Tous les chiffres des maraudes Indicateur ${latestYear - 1} ${latestYear} Évolution Maraudes réalisées`));
    const positions = counters.map((name) => table.indexOf(`${name} `));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes nothing but the sortie folder into the project folder', () => {
    expect(readdirSync(folder).sort()).toEqual(['maraudes.csv', 'sortie']);
    expect(readFileSync(join(folder, 'maraudes.csv'))).toEqual(readFileSync(join(FIXTURE, 'maraudes.csv')));
  });
});
