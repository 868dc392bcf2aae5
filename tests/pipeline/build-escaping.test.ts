// Data and section text that look like HTML (a site named "<script>alert(1)</script>", an
// association named "Les Lucioles & <Cie>") build, and are shown as text in the HTML and the PDF.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/pipeline/build-report.js';
import { ROOT } from '../cli/cli-helpers.js';
import { decodeEntities } from '../render/fake-figures.js';
import { isInline, linesOf, readCsvRows, readPdfInfo, readPdfPages, referencesOf, squash } from '../e2e/report-reading.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'build-echappement');
const NAME = 'Les Lucioles & <Cie>';
const SCRIPT_SITE = '<script>alert(1)</script>';
const QUOTED_SITE = 'Quai "Nord" & <b>Port</b>';
const sites = new Map<string, number>();
for (const row of readCsvRows(join(FIXTURE, 'donnees', 'maraudes.csv'))) sites.set(row.Lieu ?? '', (sites.get(row.Lieu ?? '') ?? 0) + 1);

let out = '';
let result: BuildResult;
let html = '';
let text = '';
let pages: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'rapport-escaping-'));
  result = await buildReport({ folder: FIXTURE, outputDir: out, version: '0.0.0-test', now: new Date('2026-01-15T09:00:00Z') });
  html = readFileSync(result.htmlPath ?? '', 'utf8');
  pages = readPdfPages(result.pdfPath);
  text = squash(pages.join('\n'));
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('rapport build with data that looks like HTML', () => {
  it('reads the two hostile site names from the fixture', () => {
    expect([...sites.keys()].sort()).toEqual([QUOTED_SITE, SCRIPT_SITE].sort());
  });

  it('writes an HTML with no script, no injected tag, no event handler, no javascript: link', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b>Port/);
    expect(html).not.toMatch(/<img\b(?![^>]*src="data:)/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?javascript:/i);
    expect(referencesOf(html).filter((reference) => !isInline(reference))).toEqual([]);
  });

  it('shows each site name as the text of its table cell, with its count', () => {
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => decodeEntities(c[1] ?? '')));
    for (const [site, count] of sites) expect(rows.some((cells) => cells[0] === site && cells[1] === String(count)), site).toBe(true);
  });

  it('prints the site names as visible text in the PDF table', () => {
    const lines = pages.flatMap(linesOf);
    for (const [site, count] of sites) expect(lines.some((line) => line.startsWith(`${site} ${count} `)), site).toBe(true);
  });

  it('prints the association name and the section title as text (cover, footer, metadata)', () => {
    const total = pages.length;
    expect(linesOf(pages[0] ?? '')[0]).toBe(NAME);
    expect(linesOf(pages[total - 1] ?? '').at(-1)).toBe(`${NAME} — Rapport d'activité 2025 — ${total} / ${total}`);
    expect(text).toContain('Sites <visités> & "lieux"');
    expect(readPdfInfo(result.pdfPath).fields.get('Title')).toBe(`${NAME} — Rapport d'activité 2025`);
  });

  it('shows raw HTML and Markdown written in the section as text', () => {
    expect(text).toContain('<script>alert(3)</script>');
    expect(text).toContain('<img src=x onerror=alert(4)>');
    expect(text).toContain('[lien piégé](javascript:alert(5)) reste du texte.');
  });

  // Bug (src/render/typography.ts): the ';' closing the entity "&gt;" is taken for a
  // semicolon and gets a narrow space before it, so "</script> et" prints "</script> ; et".
  it('keeps the text that follows an escaped character as written', () => {
    expect(text).toContain('Ce texte brut <script>alert(3)</script> et <img src=x onerror=alert(4)> reste du texte.');
  });
});
