import type { Browser } from 'puppeteer-core';
import { RenderError } from '../shared/errors.js';
import { inspectPdf } from './inspect-pdf.js';
import { printHtml } from './print-html.js';
import type { AnchorPages, FillPageNumbers } from './types.js';

/** Filling the numbers rarely moves a page break; if it does, re-measure at most this often. */
const MAX_FILL_PASSES = 3;

export interface PrintWithPageNumbersOptions {
  browser: Browser;
  /** Element ids whose page is wanted. */
  anchors: readonly string[];
  /** Without it the document is printed once and only measured. */
  fill?: FillPageNumbers;
}

export interface PrintWithPageNumbersResult {
  pdf: Uint8Array;
  pageCount: number;
  anchorPages: AnchorPages;
  blockedRequests: string[];
  /** Number of times Chromium printed the document. */
  prints: number;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Chromium only writes a named destination for an id that some link points to. For anchors no
 * link targets, add invisible, out-of-flow links (they cannot move a page break).
 */
export function injectAnchorLinks(html: string, ids: readonly string[]): string {
  if (ids.length === 0) return html;
  const links = ids.map((id) => `<a href="#${escapeAttribute(id)}" tabindex="-1"></a>`).join('');
  const block = `<div aria-hidden="true" style="position:absolute;left:0;top:0;width:0;height:0;overflow:hidden">${links}</div>`;
  const end = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return end === -1 ? html + block : html.slice(0, end) + block + html.slice(end);
}

function samePages(a: AnchorPages, b: AnchorPages): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/**
 * Prints `html`, reads on which page each anchor lands (named destinations), lets `fill` write
 * those numbers into the document (Chromium has no `target-counter()`), prints again and checks
 * that filling moved nothing; if it did, measures again (at most 3 fills).
 */
export async function printWithPageNumbers(html: string, options: PrintWithPageNumbersOptions): Promise<PrintWithPageNumbersResult> {
  const { browser, anchors, fill } = options;
  const blockedRequests = new Set<string>();
  let prints = 0;
  let injected: readonly string[] = [];

  const printOnce = async (source: string) => {
    const printed = await printHtml(browser, injectAnchorLinks(source, injected));
    prints += 1;
    for (const url of printed.blockedRequests) blockedRequests.add(url);
    const layout = await inspectPdf(printed.pdf);
    const anchorPages: AnchorPages = new Map();
    const missing: string[] = [];
    for (const id of anchors) {
      const page = layout.destinations.get(id);
      if (page === undefined) missing.push(id);
      else anchorPages.set(id, page);
    }
    return { pdf: printed.pdf, pageCount: layout.pageCount, anchorPages, missing };
  };
  // Destinations first; an anchor without one gets an injected link and one more print.
  const measure = async (source: string) => {
    const result = await printOnce(source);
    const uncovered = result.missing.filter((id) => !injected.includes(id));
    if (uncovered.length === 0) return result;
    injected = [...injected, ...uncovered];
    return printOnce(source);
  };
  const finish = (result: Awaited<ReturnType<typeof measure>>): PrintWithPageNumbersResult => {
    if (result.missing.length > 0) {
      throw new RenderError(`ancre introuvable dans le document mis en page\u00a0: ${result.missing.map((id) => `«\u00a0${id}\u00a0»`).join(', ')}`, {
        hint: "chaque section du sommaire doit porter l'identifiant (attribut id) attendu",
      });
    }
    return { pdf: result.pdf, pageCount: result.pageCount, anchorPages: result.anchorPages, blockedRequests: [...blockedRequests], prints };
  };

  let current = await measure(html);
  if (fill === undefined || current.missing.length > 0) return finish(current);

  for (let pass = 0; pass < MAX_FILL_PASSES; pass += 1) {
    const next = await measure(fill(new Map(current.anchorPages)));
    if (next.missing.length > 0) return finish(next);
    if (samePages(current.anchorPages, next.anchorPages)) return finish(next);
    current = next;
  }
  throw new RenderError('la pagination ne se stabilise pas\u00a0: écrire les numéros de page du sommaire déplace les sections', {
    hint: 'réduisez la longueur des titres du sommaire ou signalez ce document aux mainteneurs',
  });
}
