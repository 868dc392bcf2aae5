// The demo's HTML file is a real web page (issue 11 §4), read in the system Chromium at a
// phone's width (390 px) and a laptop's (1280 px): nothing wider than the window, a sommaire
// whose links reach their chapter and shows no print page numbers, tiles in one column on the
// phone, headings that never skip a level (in the HTML and in the PDF's tags), one text
// alternative per chart, no script, nothing loaded from elsewhere.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBrowser } from '../../src/pdf/index.js';
import { ensureBuilt, runRapport } from '../cli/cli-helpers.js';
import { DEMO, YEAR } from './demo-facts.js';
import { readWebPage, type WebPageFacts } from './web-page.js';

const WIDTHS = [390, 1280] as const;
let out = '';
let html = '';
let pdfPath = '';
const facts = new Map<number, WebPageFacts>();

beforeAll(async () => {
  await ensureBuilt();
  out = mkdtempSync(join(tmpdir(), 'rapport-e2e-web-'));
  const built = await runRapport(['build', DEMO, '--sortie', out]);
  if (built.code !== 0) throw new Error(`demo build failed (${built.code}):\n${built.stderr}`);
  const htmlPath = join(out, `rapport-activite-${YEAR}.html`);
  pdfPath = join(out, `rapport-activite-${YEAR}.pdf`);
  html = readFileSync(htmlPath, 'utf8');
  await withBrowser(async (browser) => {
    for (const width of WIDTHS) facts.set(width, await readWebPage(browser, htmlPath, width));
  });
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function factsAt(width: number): WebPageFacts {
  const found = facts.get(width);
  if (found === undefined) throw new Error(`no facts at ${width} px`);
  return found;
}

/** Largest step down between consecutive heading levels (1 when none is skipped). */
function largestStep(levels: readonly number[]): number {
  return levels.reduce((largest, level, index) => Math.max(largest, level - (levels[index - 1] ?? 1)), 0);
}

/** Heading levels of the PDF's tag tree (/H1…/H6), in reading order. */
async function readPdfHeadingLevels(path: string): Promise<number[]> {
  const doc = await PDFDocument.load(readFileSync(path));
  const levels: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200) return;
    if (node instanceof PDFArray) {
      for (let index = 0; index < node.size(); index += 1) walk(node.lookup(index), depth + 1);
      return;
    }
    if (!(node instanceof PDFDict)) return;
    const match = /^\/H([1-6])$/.exec(node.lookup(PDFName.of('S'))?.toString() ?? '');
    if (match) levels.push(Number(match[1]));
    walk(node.lookup(PDFName.of('K')), depth + 1);
  };
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (root instanceof PDFDict) walk(root.lookup(PDFName.of('K')), 0);
  return levels;
}

describe.each(WIDTHS)('the demo report in Chromium at %i px', (width) => {
  it('fits the window: the body never scrolls sideways (the viewport meta holds on a phone)', () => {
    const { innerWidth, scrollWidth } = factsAt(width);
    expect(innerWidth).toBe(width);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  it('reaches every chapter from its sommaire link, with no print page number in sight', () => {
    const { tocLinks, tocPageNumbers } = factsAt(width);
    expect(tocLinks.length).toBeGreaterThan(8);
    for (const link of tocLinks) expect(link, link.href).toEqual({ href: link.href, found: true, reached: true });
    expect(tocPageNumbers.inFile).toBe(tocLinks.length); // the PDF's numbers are in the file…
    expect(tocPageNumbers.visible).toBe(0); // …but not on screen
  });

  it('has one text alternative per chart, in the accessibility tree', () => {
    const { charts } = factsAt(width);
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) {
      expect(chart.alt.length, chart.alt).toBeGreaterThan(20);
      expect(chart.carriers, chart.alt).toEqual([{ role: 'image', field: 'name' }]);
    }
  });

  it('draws charts no wider than the text nor their drawn size, proportions kept', () => {
    for (const size of factsAt(width).chartSizes) {
      expect(size.width).toBeLessThanOrEqual(Math.min(size.textWidth, size.naturalWidth) + 0.5);
      expect(size.width).toBeGreaterThan(Math.min(size.textWidth, size.naturalWidth) * 0.8);
      expect(size.height / size.width).toBeCloseTo(size.naturalHeight / size.naturalWidth, 2);
    }
  });

  it('puts every table in a named box that scrolls sideways and takes the keyboard focus', () => {
    const { tableBoxes, tablesOutsideBox } = factsAt(width);
    expect(tableBoxes.length).toBeGreaterThan(5);
    expect(tablesOutsideBox).toBe(0);
    for (const box of tableBoxes) {
      expect(box).toMatchObject({ overflowX: 'auto', tabIndex: 0, role: 'region' });
      expect(box.label?.trim(), JSON.stringify(box)).toBeTruthy();
    }
  });

  it('needs no script and loads nothing but the file itself', () => {
    expect(factsAt(width).scripts).toBe(0);
    expect(factsAt(width).otherRequests).toEqual([]);
  });
});

describe('layout by width', () => {
  it('stacks the key-figure tiles in one column on a phone, several on a laptop', () => {
    expect(factsAt(390).tileColumns.length).toBeGreaterThan(2);
    for (const columns of factsAt(390).tileColumns) expect(columns).toBe(1);
    expect(Math.max(...factsAt(1280).tileColumns)).toBeGreaterThan(1);
  });

  it('keeps the sommaire in view beside the text on a laptop, at the top on a phone', () => {
    expect(factsAt(1280).tocPosition).toBe('sticky');
    expect(factsAt(390).tocPosition).toBe('static');
    expect(factsAt(390).tocAboveText).toBe(true);
  });
});

describe('document structure', () => {
  it('never skips a heading level, in the HTML and in the PDF tags', async () => {
    const htmlLevels = factsAt(1280).headingLevels;
    expect(htmlLevels.filter((level) => level === 2).length).toBeGreaterThan(10);
    expect(largestStep(htmlLevels)).toBe(1);
    const pdfLevels = await readPdfHeadingLevels(pdfPath);
    expect(pdfLevels.filter((level) => level === 2).length).toBeGreaterThan(10);
    expect(largestStep(pdfLevels)).toBe(1);
  });

  it('is one file: no script element, no remote address, fonts inline', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
    expect(html).toMatch(/@font-face\{[^}]*src:url\(data:font\/ttf;base64,/);
  });
});
