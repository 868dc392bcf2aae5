import type { Browser, HTTPRequest } from 'puppeteer-core';
import { withPage } from './browser.js';
import type { PrintResult } from './types.js';

/** Inline resources (fonts, images, SVG as data: URIs) are part of the document itself. */
function isInline(url: string): boolean {
  return url.startsWith('data:');
}

/**
 * Prints a self-contained HTML document to PDF: A4 unless the CSS says otherwise, backgrounds,
 * tagged (accessible) with an outline from the headings. The page runs no JavaScript and every
 * request except data: URIs is refused (and recorded), so nothing leaves the machine.
 */
export async function printHtml(browser: Browser, html: string): Promise<PrintResult> {
  return withPage(browser, async (page) => {
    const blockedRequests: string[] = [];
    await page.setJavaScriptEnabled(false);
    // Interception does not see every request (<link rel="prefetch"> goes around it): offline
    // mode cuts the page off the network as a whole; interception records what was refused.
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      // The promise rejects if the page is already closing: nothing left to allow or refuse.
      if (isInline(url)) {
        request.continue().catch(() => undefined);
        return;
      }
      blockedRequests.push(url);
      // Aborting a navigation (<meta http-equiv="refresh">, a frame) swaps the document for an
      // error page; "204 No Content" tells Chromium to stay on the current one.
      const refusal = request.isNavigationRequest() ? request.respond({ status: 204, body: '' }) : request.abort('blockedbyclient');
      refusal.catch(() => undefined);
    });
    // The delay given to withBrowser (--delai-navigateur): a hung browser ends in an error, and
    // withBrowser kills it.
    const timeout = page.getDefaultTimeout();
    await page.setContent(html, { waitUntil: 'load', timeout });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      // The footer is drawn by CSS @page margin boxes, which know the document's own styles.
      displayHeaderFooter: false,
      waitForFonts: true,
      timeout,
    });
    return { pdf, blockedRequests };
  });
}
