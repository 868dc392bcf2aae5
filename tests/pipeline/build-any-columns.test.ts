// Issue 7, "built-in chapters adapt to the columns present": with no config, every dataset with
// only its required columns, and with each optional column alone (maraudes also with a single
// counter column), builds a complete report: no error, a PDF, its chapter with the figures of the
// data, no block left empty and no page holding a fragment. One browser serves every build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBrowser } from '../../src/pdf/index.js';
import { buildReport, type BuildResult } from '../../src/pipeline/build-report.js';
import { findFragmentPages, french, readPdfPages, readSommaireEntries, squash } from '../e2e/report-reading.js';
import { type GeneratedFile, generateFile, listCombinations } from './column-combinations.js';

const COMBINATIONS = listCombinations();
/** A maraudes file of one year only: no N−1 to compare with. */
const SINGLE_YEAR = { ...generateFile('maraudes', ['Contacts'], [2024]), name: 'maraudes-une-annee' };
const CASES: GeneratedFile[] = [...COMBINATIONS, SINGLE_YEAR];

const CHAPTER_TITLES: Record<GeneratedFile['dataset'], string> = {
  maraudes: 'Maraudes et aller-vers',
  trod: 'Dépistage rapide (TROD)',
  domiciliations: 'Domiciliation',
  aides: 'Aides financières',
};

interface Outcome {
  result?: BuildResult;
  error?: unknown;
  pages: string[];
  text: string;
}

let root = '';
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rapport-colonnes-'));
  await withBrowser(async (browser) => {
    for (const generated of CASES) {
      const folder = join(root, generated.name);
      mkdirSync(folder);
      writeFileSync(join(folder, generated.file), generated.csv);
      try {
        const result = await buildReport({ folder, version: '0.0.0-test', browser, now: new Date('2025-01-15T10:00:00Z') });
        const pages = readPdfPages(result.pdfPath);
        outcomes.set(generated.name, { result, pages, text: squash(pages.join(' ')) });
      } catch (error) {
        outcomes.set(generated.name, { error, pages: [], text: '' });
      }
    }
  });
}, 900_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const outcomeOf = (name: string): Outcome => outcomes.get(name) ?? { pages: [], text: '' };

describe('rapport build with no config on any subset of the optional columns', () => {
  it('covers every dataset with its required columns only and each optional column alone', () => {
    expect(COMBINATIONS.map((c) => c.name)).toEqual(
      expect.arrayContaining(['maraudes-requises', 'maraudes-creneau', 'maraudes-type', 'maraudes-Contacts', 'trod-requises', 'trod-genre', 'domiciliations-requises', 'aides-requises', 'aides-categorie']),
    );
    expect(COMBINATIONS).toHaveLength(4 + 4 + 7 + 9 + 7);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: exits without error and writes a PDF', (name) => {
    const outcome = outcomeOf(name);
    expect(outcome.error).toBeUndefined();
    const pdf = readFileSync(outcome.result?.pdfPath ?? '');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(outcome.result?.pageCount).toBeGreaterThanOrEqual(4);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: has its chapter, with the count of the data, and no block left empty', (name, generated) => {
    const outcome = outcomeOf(name);
    const title = CHAPTER_TITLES[generated.dataset];
    expect(readSommaireEntries(outcome.pages).map((e) => e.title)).toContain(title);
    const events = french.integer(generated.eventsLastYear).replace(/\s/g, ' ');
    const stated = {
      maraudes: `${events} maraudes`,
      trod: `${events} tests rapides`,
      aides: `${events} aides financières`,
      domiciliations: 'personnes ont été domiciliées',
    }[generated.dataset];
    expect(outcome.text).toContain(stated);
    // Built-in chapters never fall back to a "no data" note: they leave such blocks out.
    expect(outcome.result?.warnings).toEqual([]);
    expect(outcome.text).not.toContain('pas de donnée pour');
    // No heading left without its block (a heading followed by another one, or ending its chapter).
    const html = readFileSync(outcome.result?.htmlPath ?? '', 'utf8');
    expect(html.match(/<h([23])[^>]*>[^<]*<\/h\1>\s*(?=<h[1-3][\s>]|<\/section>)/g) ?? []).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: no page holds only a heading, a note or one line', (name) => {
    const path = outcomeOf(name).result?.pdfPath ?? '';
    expect(findFragmentPages(path)).toEqual([]);
  });

  it('maraudes with one counter column lists it in the chapter with both years', () => {
    const text = outcomeOf('maraudes-Contacts').text;
    expect(text).toMatch(/Tous les chiffres des maraudes Indicateur 2023 2024 Évolution/);
    expect(text).toMatch(/Contacts [\d ]+ [\d ]+ [+−]?[\d,]+ %|Contacts [\d ]+ [\d ]+ stable/);
  });

  it('headings and captions above the tables of tests by genre say tests, not persons', () => {
    const text = outcomeOf('trod-genre').text;
    expect(text).toContain('Tests selon le profil des personnes dépistées Tests réalisés selon le genre de la personne Genre Tests Part');
    expect(text).not.toMatch(/Personnes dépistées (Tests|Genre)/);
  });

  it('evolution without N−1 reads well: no « soit pas de donnée pour 2023 », no N−1 column', () => {
    const text = outcomeOf('maraudes-une-annee').text;
    expect(text).toContain(`En 2024, l'équipe a réalisé ${SINGLE_YEAR.eventsLastYear} maraudes sur`);
    expect(text).not.toMatch(/Indicateur 2023/);
    expect(text).not.toMatch(/soit (pas de donnée|sans point)/);
    expect(text).toContain('Tous les chiffres des maraudes Indicateur 2024 Maraudes réalisées');
    expect(text).toMatch(/Contacts [\d ]+ Sites visités 3/);
  });
});
