import type { Browser } from 'puppeteer-core';
import { withBrowser } from './browser.js';
import { applyMetadata } from './metadata.js';
import { printWithPageNumbers } from './page-numbers.js';
import type { RenderPdfOptions, RenderPdfResult } from './types.js';

/**
 * Self-contained HTML → finished PDF bytes: printed by Chromium (no JavaScript, no network),
 * sommaire page numbers filled in when `fill` is given, then metadata written. Writes no file.
 */
export async function renderPdf(options: RenderPdfOptions): Promise<RenderPdfResult> {
  const run = async (browser: Browser): Promise<RenderPdfResult> => {
    const printed = await printWithPageNumbers(options.html, {
      browser,
      anchors: options.anchors ?? [],
      ...(options.fill === undefined ? {} : { fill: options.fill }),
    });
    return {
      pdf: await applyMetadata(printed.pdf, options.metadata),
      pageCount: printed.pageCount,
      anchorPages: printed.anchorPages,
      blockedRequests: printed.blockedRequests,
    };
  };
  return options.browser === undefined ? withBrowser(run) : run(options.browser);
}
