import type { Browser } from 'puppeteer-core';
import { RenderError } from '../shared/errors.js';
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
      pdf: await applyMetadata(printed.pdf, options.metadata).catch((error: unknown) => {
        // pdf-lib's own words are English: kept for --debug only.
        throw new RenderError('le PDF imprimé par le navigateur est illisible : métadonnées non écrites', {
          hint: 'relancez la construction ; si cela se reproduit, mettez le navigateur à jour ou indiquez-en un autre (PUPPETEER_EXECUTABLE_PATH)',
          cause: error,
        });
      }),
      pageCount: printed.pageCount,
      anchorPages: printed.anchorPages,
      blockedRequests: printed.blockedRequests,
    };
  };
  return options.browser === undefined ? withBrowser(run) : run(options.browser);
}
