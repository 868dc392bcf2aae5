/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Test helper: facts of the HTML report read in a real Chromium at a given window width, as a
// reader would meet it: no page script (JavaScript off), the file opened from disk, every
// request recorded. The browser is driven from outside (puppeteer's evaluate still runs); the
// functions given to page.evaluate run in the page, hence the DOM types above.
import { pathToFileURL } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { withPage } from '../../src/pdf/index.js';

export interface TocLink {
  href: string;
  /** The target element exists. */
  found: boolean;
  /** After a click on the link: the address ends with it, the target's top and its heading are in the window. */
  reached: boolean;
}

export interface ChartAlternatives {
  /** The chart's text alternative (aria-label of its SVG). */
  alt: string;
  /** Nodes of the accessibility tree whose name, description or text holds that alternative. */
  carriers: { role: string; field: 'name' | 'description' }[];
}

export interface WebPageFacts {
  innerWidth: number;
  scrollWidth: number;
  tocLinks: TocLink[];
  /** Position of the sommaire: 'sticky' beside the text or 'static' at the top. */
  tocPosition: string;
  /** The sommaire ends above the first chapter (it comes first on a narrow screen). */
  tocAboveText: boolean;
  /** Page numbers of the sommaire that are in the file, and those a reader can see. */
  tocPageNumbers: { inFile: number; visible: number };
  /** Distinct left edges of the tiles of each tile group. */
  tileColumns: number[];
  /** Heading levels (1–6) in document order. */
  headingLevels: number[];
  charts: ChartAlternatives[];
  /** Each chart's drawn size against its natural size (viewBox). */
  chartSizes: { width: number; height: number; naturalWidth: number; naturalHeight: number; textWidth: number }[];
  /** Every table sits in a box that scrolls, takes the keyboard focus and has a name. */
  tableBoxes: { overflowX: string; tabIndex: number; role: string | null; label: string | null }[];
  tablesOutsideBox: number;
  scripts: number;
  /** Requests other than the file itself and data: URIs. */
  otherRequests: string[];
}

const SETTLE_TRIES = 50;

async function settle(page: Page, condition: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < SETTLE_TRIES; attempt += 1) {
    if (await condition()) return true;
    await new Promise((done) => setTimeout(done, 20));
  }
  return condition();
}

async function followTocLinks(page: Page): Promise<TocLink[]> {
  const hrefs = await page.$$eval('nav.sommaire a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  const results: TocLink[] = [];
  for (const href of hrefs) {
    const id = decodeURIComponent(href.replace(/^#/, ''));
    const found = await page.evaluate((target) => document.getElementById(target) !== null, id);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(`nav.sommaire a[href="${href}"]`);
    const reached = await settle(page, () =>
      page.evaluate((target) => {
        const element = document.getElementById(target);
        if (element === null || location.hash !== `#${target}`) return false;
        // The target's top is in the window, and so is its whole heading.
        const top = element.getBoundingClientRect().top;
        const heading = element.querySelector('h1, h2')?.getBoundingClientRect();
        return top >= -1 && top < innerHeight && heading !== undefined && heading.top >= 0 && heading.bottom <= innerHeight;
      }, id),
    );
    results.push({ href, found, reached });
  }
  return results;
}

async function readChartAlternatives(page: Page): Promise<ChartAlternatives[]> {
  const figures = await page.$$('figure.graphique');
  const charts: ChartAlternatives[] = [];
  for (const figure of figures) {
    const alt = await figure.$eval('svg', (svg) => svg.getAttribute('aria-label') ?? '');
    const tree = await page.accessibility.snapshot({ root: figure, interestingOnly: false });
    const carriers: ChartAlternatives['carriers'] = [];
    const walk = (node: NonNullable<typeof tree>): void => {
      if (alt !== '' && node.role !== 'InlineTextBox') {
        if (node.name?.includes(alt)) carriers.push({ role: node.role, field: 'name' });
        if (node.description?.includes(alt)) carriers.push({ role: node.role, field: 'description' });
      }
      for (const child of node.children ?? []) walk(child);
    };
    if (tree) walk(tree);
    charts.push({ alt, carriers });
  }
  return charts;
}

/** Opens `htmlPath` at `width` × 800 (a phone below 600 px: touch, mobile viewport) and reads it. */
export async function readWebPage(browser: Browser, htmlPath: string, width: number): Promise<WebPageFacts> {
  return withPage(browser, async (page) => {
    const url = pathToFileURL(htmlPath).href;
    const otherRequests: string[] = [];
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const address = request.url();
      if (address.startsWith('data:') || address.split('#')[0] === url) {
        request.continue().catch(() => undefined);
        return;
      }
      otherRequests.push(address);
      request.abort('blockedbyclient').catch(() => undefined);
    });
    const mobile = width < 600;
    await page.setViewport({ width, height: 800, isMobile: mobile, hasTouch: mobile });
    await page.goto(url, { waitUntil: 'load' });
    const layout = await page.evaluate(() => {
      const visible = (element: Element) => element instanceof HTMLElement && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
      const nav = document.querySelector('nav.sommaire');
      const firstChapter = document.querySelector('main .chapitre');
      const pageNumbers = [...document.querySelectorAll('nav.sommaire .page')].filter((element) => /\d/.test(element.textContent ?? ''));
      return {
        innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        tocPosition: nav ? getComputedStyle(nav).position : '',
        tocAboveText: nav !== null && firstChapter !== null && nav.getBoundingClientRect().bottom <= firstChapter.getBoundingClientRect().top,
        tocPageNumbers: { inFile: pageNumbers.length, visible: pageNumbers.filter(visible).length },
        tileColumns: [...document.querySelectorAll('.tuiles')].map((group) => new Set([...group.children].map((tile) => Math.round(tile.getBoundingClientRect().left))).size),
        headingLevels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName.slice(1))),
        chartSizes: [...document.querySelectorAll('figure.graphique svg')].map((svg) => {
          const box = svg.getBoundingClientRect();
          const view = (svg as SVGSVGElement).viewBox.baseVal;
          return { width: box.width, height: box.height, naturalWidth: view.width, naturalHeight: view.height, textWidth: svg.closest('.chapitre')?.clientWidth ?? 0 };
        }),
        tableBoxes: [...document.querySelectorAll('.bloc')].map((box) => ({
          overflowX: getComputedStyle(box).overflowX,
          tabIndex: (box as HTMLElement).tabIndex,
          role: box.getAttribute('role'),
          label: box.getAttribute('aria-label'),
        })),
        tablesOutsideBox: [...document.querySelectorAll('table')].filter((table) => table.closest('.bloc') === null).length,
        scripts: document.scripts.length,
      };
    });
    const charts = await readChartAlternatives(page);
    const tocLinks = await followTocLinks(page);
    return { ...layout, charts, tocLinks, otherRequests };
  });
}
