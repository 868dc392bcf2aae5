// Reading the outputs of a build the way a person (or an auditor) would: PDF text per page,
// pdfinfo, the structure tree, and the input CSV files read independently of src/ingest, so
// that expected figures are derived from the data rather than from the code under test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { parse as parseYaml } from 'yaml';
import { decodeEntities } from '../render/fake-figures.js';

/** Spaces of any kind (pdftotext prints U+202F and U+00A0 as plain spaces) folded to one. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Text of each page (`pdftotext -layout`), index 0 = page 1. */
export function readPdfPages(path: string): string[] {
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Non-empty lines of a page, spaces folded. */
export function linesOf(page: string): string[] {
  return page
    .split('\n')
    .map(squash)
    .filter((line) => line !== '');
}

/** Pages (1-based) whose first line is `title`: where a chapter starts. */
export function chapterPages(pages: readonly string[], title: string): number[] {
  return pages.flatMap((page, index) => (linesOf(page)[0] === title ? [index + 1] : []));
}

/** Sommaire entries as printed (title, page number), from the page that starts with "Sommaire". */
export function readSommaireEntries(pages: readonly string[]): { title: string; page: number }[] {
  const first = chapterPages(pages, 'Sommaire')[0];
  if (first === undefined) return [];
  return linesOf(pages[first - 1] ?? '')
    .slice(1)
    .map((line) => /^(.*\S)\s+(\d+)$/.exec(line))
    // The footer line ("… — 2 / 21") is not an entry.
    .filter((m): m is RegExpExecArray => m !== null && !m[1]?.includes('—'))
    .map((m) => ({ title: m[1] ?? '', page: Number(m[2]) }));
}

/** `formatted` appears in `text` as a whole word (spaces folded on both sides). */
export function hasWord(text: string, formatted: string): boolean {
  return ` ${squash(text)} `.includes(` ${squash(formatted)} `);
}

/** `pdfinfo` for the whole file, plus the size of every page. */
export function readPdfInfo(path: string): { fields: Map<string, string>; pageSizes: string[] } {
  const text = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  const fields = new Map<string, string>();
  const pageSizes: string[] = [];
  for (const line of text.split('\n')) {
    const size = /^Page\s+\d+ size:\s*(.*)$/.exec(line);
    if (size) pageSizes.push(size[1] ?? '');
    else if (line.includes(':')) fields.set(line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim());
  }
  return { fields, pageSizes };
}

function decodeText(node: unknown): string | undefined {
  return node instanceof PDFString || node instanceof PDFHexString ? node.decodeText() : undefined;
}

/** Catalog facts pdfinfo does not print: /Lang, and the /Alt texts of /Figure structure elements. */
export async function readStructure(path: string): Promise<{ lang: string | undefined; figureAlts: string[] }> {
  const doc = await PDFDocument.load(readFileSync(path));
  const figureAlts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200) return;
    if (node instanceof PDFArray) {
      for (let index = 0; index < node.size(); index += 1) walk(node.lookup(index), depth + 1);
      return;
    }
    if (!(node instanceof PDFDict)) return;
    const alt = decodeText(node.lookup(PDFName.of('Alt')));
    if (node.lookup(PDFName.of('S')) === PDFName.of('Figure') && alt !== undefined) figureAlts.push(alt);
    walk(node.lookup(PDFName.of('K')), depth + 1);
  };
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (root instanceof PDFDict) walk(root.lookup(PDFName.of('K')), 0);
  return { lang: decodeText(doc.catalog.lookup(PDFName.of('Lang'))), figureAlts };
}

/** Rows of an association's CSV export as objects keyed by header (BOM, `;` or `,`, UTF-8 or Windows-1252). */
export function readCsvRows(path: string): Record<string, string>[] {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'win1252');
  }
  text = text.replace(/^\uFEFF/, '');
  const header = text.slice(0, text.indexOf('\n'));
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  return parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
}

/** Year of a `dd/mm/yyyy` or `yyyy-mm-dd` cell, undefined for anything else (a "Total" row). */
export function yearOfDate(text: string | undefined): number | undefined {
  const match = /^(?:\d{2}\/\d{2}\/(\d{4})|(\d{4})-\d{2}-\d{2})$/.exec((text ?? '').trim());
  return match ? Number(match[1] ?? match[2]) : undefined;
}

/** "1 234,50" → 1234.5 */
export function parseFrenchNumber(text: string | undefined): number {
  return Number((text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
}

/** Front matter of a section file (the `titre` and `id` keys). */
export function readFrontMatter(path: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
  return (match ? parseYaml(match[1] ?? '') : {}) as Record<string, unknown>;
}

// Expected texts are written with Intl fr-FR, the reference for French number formatting.
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export const french = {
  integer: (value: number) => integer.format(value),
  percent: (value: number) => `${oneDecimal.format(value)}\u00a0%`,
  euros: (value: number) => euros.format(value),
};


/** Body rows (cell texts) of the HTML table whose caption starts with `caption`; undefined if none. */
export function htmlTableRows(html: string, caption: string): string[][] | undefined {
  const table = [...html.matchAll(/<table[^>]*><caption>(.*?)<\/caption>(.*?)<\/table>/gs)].find((m) => decodeEntities(m[1] ?? '').startsWith(caption));
  if (table === undefined) return undefined;
  const body = /<tbody>(.*?)<\/tbody>/s.exec(table[2] ?? '')?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) => [...(row[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => decodeEntities(c[1] ?? '').trim()));
}

/**
 * Every address an HTML document could load or link to: src/href/xlink:href/srcset/poster/
 * action/data attributes, CSS url() and @import. SVG namespace declarations are not loads.
 */
export function referencesOf(html: string): string[] {
  // Only real markup: escaped text such as "&lt;img src=x&gt;" is not a reference.
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  const tags = html.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, '<style>').match(/<[a-z][^>]*>/gi) ?? [];
  const attributes = tags.flatMap((tag) =>
    [...tag.matchAll(/\s(?:src|href|xlink:href|srcset|poster|action|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''),
  );
  const css = [...styles, ...tags].join('\n');
  const urls = [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
  const imports = [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"');\s]+)/gi)].map((m) => m[1] ?? '');
  return [...attributes, ...urls, ...imports].map(decodeEntities);
}

/** True for an address that stays inside the document (inline data or a fragment). */
export function isInline(reference: string): boolean {
  return /^(data:|#)/i.test(reference);
}

/**
 * Pixel rows holding any ink on each page rendered in grey at 20 dpi (234 rows an A4 page): a
 * chart or a table spans dozens of rows, a line of text three or four.
 */
export function readInkedRows(path: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-ink-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', '20', path, join(dir, 'p')]);
    return readdirSync(dir)
      .sort()
      .map((name) => {
        const data = readFileSync(join(dir, name));
        // Binary PGM: "P5\n<w> <h>\n255\n" then one byte a pixel, row by row.
        const [, size = '', ] = data.subarray(0, 40).toString('latin1').split('\n');
        const [width = 1, height = 0] = size.split(' ').map(Number);
        const pixels = data.subarray(data.length - width * height);
        let rows = 0;
        for (let y = 0; y < height; y += 1) if (pixels.subarray(y * width, (y + 1) * width).some((byte) => byte < 235)) rows += 1;
        return rows;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Pages (1-based) holding only a fragment: besides the footer, at most two lines of text (a lone
 * heading, a table's note, one line of a paragraph) and no chart or table inking the page.
 */
export function findFragmentPages(path: string): { page: number; text: string[] }[] {
  const pages = readPdfPages(path);
  const inked = readInkedRows(path);
  return pages.flatMap((page, index) => {
    const body = linesOf(page).slice(0, -1);
    return body.length <= 2 && (inked[index] ?? 0) < 25 ? [{ page: index + 1, text: body }] : [];
  });
}
