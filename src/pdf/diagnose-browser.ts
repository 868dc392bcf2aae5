// `rapport diagnostic`, browser part: found, which version, and able to print a one-page PDF
// (a browser that exists but cannot start, e.g. missing libraries, is caught here, not at build).
import type { DiagnosticCheck, InstallCommands } from '../shared/diagnostic.js';
import { describeFailure } from '../shared/diagnostic.js';
import { withBrowser } from './browser.js';
import { findBrowser, type FindBrowserOptions } from './find-browser.js';
import { inspectPdf } from './inspect-pdf.js';
import { printHtml } from './print-html.js';

export const BROWSER_INSTALL: InstallCommands = {
  debian: 'sudo apt-get install -y chromium',
  macos: 'brew install --cask google-chrome   (ou : brew install --cask chromium)',
  windows: 'winget install Google.Chrome   (ou : choco install googlechrome)',
};

const TEST_PAGE = '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Essai</title><body><p>Essai d\'impression</p></body></html>';

export interface DiagnoseBrowserOptions {
  find?: FindBrowserOptions;
  timeoutMs?: number;
}

/** The browser is found; then, when it is, it starts and prints a one-page PDF. */
export async function diagnoseBrowser(options: DiagnoseBrowserOptions = {}): Promise<DiagnosticCheck[]> {
  let path: string;
  try {
    path = findBrowser(options.find);
  } catch (error) {
    // No print check without a browser: it could only fail for the same reason.
    return [
      { id: 'navigateur', label: 'Navigateur (Chromium, Chrome ou Edge)', ok: false, required: true, detail: describeFailure(error), commands: BROWSER_INSTALL,
        hint: 'un navigateur déjà installé ailleurs se désigne par la variable PUPPETEER_EXECUTABLE_PATH=/chemin/vers/chrome' },
    ];
  }
  const found: DiagnosticCheck = { id: 'navigateur', label: 'Navigateur (Chromium, Chrome ou Edge)', ok: true, required: true, detail: path };
  try {
    const { version, pages } = await withBrowser(
      async (browser) => {
        const printed = await printHtml(browser, TEST_PAGE);
        return { version: await browser.version(), pages: (await inspectPdf(printed.pdf)).pageCount };
      },
      { executablePath: path, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) },
    );
    found.detail = `${path} (${version})`;
    const ok = pages === 1;
    return [found, { id: 'impression-pdf', label: "Impression d'un PDF d'essai", ok, required: true, detail: ok ? 'une page imprimée' : `${pages} pages au lieu d'une` }];
  } catch (error) {
    return [
      found,
      { id: 'impression-pdf', label: "Impression d'un PDF d'essai", ok: false, required: true, detail: describeFailure(error), commands: BROWSER_INSTALL,
        hint: 'le navigateur trouvé ne démarre pas : réinstallez-le, ou indiquez-en un autre avec PUPPETEER_EXECUTABLE_PATH' },
    ];
  }
}
