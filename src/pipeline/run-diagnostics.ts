// `rapport diagnostic`: every check, each from the stage that owns the concern. Loaded on
// demand by the CLI (it pulls in puppeteer and canvas).
import { diagnoseCharts } from '../charts/diagnose-charts.js';
import { diagnoseBrowser, type DiagnoseBrowserOptions } from '../pdf/diagnose-browser.js';
import type { DiagnosticCheck } from '../shared/diagnostic.js';
import { diagnoseNode } from '../shared/node-version.js';
import { diagnoseWriteAccess } from './diagnose-write-access.js';

export interface RunDiagnosticsOptions {
  /** Project folder: checks that its sortie/ can be written. */
  folder?: string;
  browser?: DiagnoseBrowserOptions;
  /** Node version checked (default: the running one). */
  nodeVersion?: string;
}

export async function runDiagnostics(options: RunDiagnosticsOptions = {}): Promise<DiagnosticCheck[]> {
  return [
    diagnoseNode(options.nodeVersion),
    ...(await diagnoseBrowser(options.browser)),
    ...(await diagnoseCharts()),
    ...diagnoseWriteAccess(options.folder),
  ];
}
