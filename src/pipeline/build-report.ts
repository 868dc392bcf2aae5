// `rapport build`: config → figures → charts → HTML → PDF, all in memory; outputs are written
// last, atomically, so a failed or interrupted build never replaces a good PDF with a broken one.
import { basename, join, resolve } from 'node:path';
import { renderChart } from '../charts/index.js';
import type { ChartSpec, RenderedChart } from '../charts/types.js';
import { formatReportTitle } from '../config/index.js';
import { formatFiguresCsv } from '../figures/index.js';
import { renderPdf, withBrowser, type LaunchBrowserOptions, type RenderPdfOptions } from '../pdf/index.js';
import { renderReport, titleHoldsName } from '../render/render-report.js';
import { UsageError } from '../shared/errors.js';
import { SECTION_ID, SECTION_ID_EXPECTED } from '../shared/section-id.js';
import { requireFigures } from './compute-figures.js';
import { prepareReport, readProject } from './prepare-report.js';
import { createRenderInput } from './report-steps.js';
import { lockOutputFolder } from './output-lock.js';
import { registerCleanup } from '../shared/interrupt.js';
import { removeOwnTemporaryFiles, writeOutputs, type OutputFile, type WriteStaged } from './write-outputs.js';
import {
  checkFunderOption,
  collectFunderOutputs,
  listObsoleteBilans,
  printFunderDocuments,
  renderFunderDocuments,
  type FunderOutput,
} from './funder-outputs.js';

export type BuildStage = 'lecture' | 'chiffres' | 'graphiques' | 'mise en page' | 'PDF' | 'écriture';

export interface BuildOptions {
  folder: string;
  year?: number;
  /** Output folder; default `<dossier>/sortie`. */
  outputDir?: string;
  /** Build only this section (staff workflow). */
  section?: string;
  /** Build only this funder's bilan (`--financeur ars`): no report, the same figures and chart cache. */
  funder?: string;
  version: string;
  /** Progress lines besides the stages: the year chosen by `annee:` when the data go further. */
  onNotice?: (text: string) => void;
  /** Progress; a returned promise is awaited (a pause point for interruption tests). */
  onStage?: (stage: BuildStage, phase: 'start' | 'end', milliseconds?: number) => void | Promise<void>;
  /** Real generation date, printed in the annex only when given (`--horodater`); never in the PDF metadata. */
  now?: Date;
  /** A browser already running (several builds in one process, e.g. tests); else one is launched. */
  browser?: RenderPdfOptions['browser'];
  /** Date in the PDF metadata (Info and XMP); default 31 December of the report year, so rebuilds give the same bytes. */
  documentDate?: Date;
  /** Longest wait for one answer of the browser before it is taken for hung (ms). */
  browserTimeoutMs?: number;
  /** Called when every output is written aside, just before they replace the previous ones. */
  beforeSwap?: () => Promise<void> | void;
  /** Tests only: how outputs are written (to simulate a full disk). */
  writeStaged?: WriteStaged;
}

export interface BuildResult {
  year: number;
  /** The report's PDF, its section's with `section`, or the funder's bilan with `funder`. */
  pdfPath: string;
  htmlPath?: string;
  csvPath?: string;
  pageCount: number;
  sections: string[];
  charts: { drawn: number; fromCache: number };
  timings: Partial<Record<BuildStage, number>>;
  /** Blocks of sections left out for lack of data: « sections/x.md, ligne 12 : … ». */
  warnings: string[];
  /** Funders' bilans written (`sortie/financeurs/<id>-<année>.pdf` and `.csv`), in config order. */
  funders: FunderOutput[];
}

/** A browser given by the caller (several builds in one process) is used as is; else one is launched for this build. */
function runWithBrowser<T>(
  shared: RenderPdfOptions['browser'],
  run: (browser: NonNullable<RenderPdfOptions['browser']>) => Promise<T>,
  launch: LaunchBrowserOptions = {},
): Promise<T> {
  return shared ? run(shared) : withBrowser(run, launch);
}

/** Builds the report with the output folder locked: a second build of the same folder stops with a message. */
export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  if (options.section !== undefined && !SECTION_ID.test(options.section)) {
    // `--section ../../../evil` once wrote evil.pdf outside the output folder.
    throw new UsageError(`--section : identifiant de section invalide « ${options.section} »`, { hint: SECTION_ID_EXPECTED });
  }
  if (options.section !== undefined && options.funder !== undefined) {
    throw new UsageError('--section et --financeur ne vont pas ensemble', { hint: 'construisez la section et le bilan du financeur en deux commandes' });
  }
  const outputDir = resolve(options.outputDir ?? join(options.folder, 'sortie'));
  const lock = lockOutputFolder(outputDir);
  // On a signal: no temporary file of this build left in the output folder (chart cache included).
  const unregister = registerCleanup(() => removeOwnTemporaryFiles(outputDir));
  try {
    return await buildLocked(options);
  } finally {
    unregister();
    lock.release();
  }
}

async function buildLocked(options: BuildOptions): Promise<BuildResult> {
  const timings: Partial<Record<BuildStage, number>> = {};
  const stage = async <T>(name: BuildStage, run: () => Promise<T>): Promise<T> => {
    await options.onStage?.(name, 'start');
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = (timings[name] ?? 0) + (performance.now() - started);
      options.onStage?.(name, 'end', timings[name]);
    }
  };

  const data = await stage('lecture', async () => {
    const data = await readProject({ folder: options.folder, ...(options.year !== undefined && { year: options.year }) });
    if (options.funder !== undefined) checkFunderOption(data.config, options.funder);
    return data;
  });
  // Said once the stage's line is complete (a TTY shows « lecture… » until then).
  if (data.yearNotice !== undefined) options.onNotice?.(data.yearNotice);
  const { config } = data;

  // Every check `rapport check` runs too (prepare-report.ts): same errors, same messages.
  const { computed, prepared } = await stage('chiffres', async () => {
    const computed = requireFigures(data.collected, { folder: options.folder, labels: config.libelles, configFile: data.configFile, funders: config });
    const prepared = await prepareReport(data, computed, options.section === undefined ? {} : { section: options.section });
    return { computed, prepared };
  });
  const year = computed.figures.year;
  const warnings = prepared.warnings;

  const outputDir = resolve(options.outputDir ?? join(options.folder, 'sortie'));
  const cacheDir = join(outputDir, '.cache', 'graphiques');
  const charts = { drawn: 0, fromCache: 0 };
  let chartTime = 0;
  const drawChart = async (spec: ChartSpec): Promise<RenderedChart> => {
    if (charts.drawn + charts.fromCache === 0) await options.onStage?.('graphiques', 'start');
    const started = performance.now();
    const chart = await renderChart(spec, { color: config.association.couleur, cacheDir });
    chartTime += performance.now() - started;
    if (chart.fromCache) charts.fromCache += 1;
    else charts.drawn += 1;
    return chart;
  };

  const renderInput = createRenderInput({
    config,
    computed,
    published: prepared,
    sections: prepared.sections,
    extras: prepared.extras,
    version: options.version,
    drawChart,
    ...(options.now !== undefined && { now: options.now }),
    ...(options.section !== undefined && { onlySection: options.section }),
  });
  // `--financeur`: only that funder's bilan, no report; `--section`: no bilan.
  const bilans = (renderInput.funderBilans ?? []).filter((bilan) => options.funder === undefined || bilan.id === options.funder);
  const { rendered, funderDocuments } = await stage('mise en page', async () => ({
    rendered: options.funder === undefined ? await renderReport(renderInput) : undefined,
    funderDocuments: await renderFunderDocuments({
      config,
      bilans,
      association: renderInput.association,
      figures: prepared.figures,
      drawChart,
      version: options.version,
    }),
  }));
  // Charts are drawn during layout; report their time as a stage of its own.
  timings['mise en page'] = (timings['mise en page'] ?? 0) - chartTime;
  timings.graphiques = chartTime;
  options.onStage?.('graphiques', 'end', chartTime);

  const reportTitle = formatReportTitle(config, year);
  const title = titleHoldsName(reportTitle, config.association.nom) ? reportTitle : `${config.association.nom} — ${reportTitle}`;
  const creationDate = options.documentDate ?? new Date(Date.UTC(year, 11, 31));
  // One browser for the whole build: the report and every funder's bilan.
  const pdfs = await stage('PDF', () =>
    runWithBrowser(
      options.browser,
      async (browser) => ({
        report:
          rendered === undefined
            ? undefined
            : await renderPdf({
                browser,
                html: rendered.html,
                anchors: options.section === undefined ? rendered.anchors : [],
                ...(options.section === undefined && { fill: rendered.fill }),
                metadata: {
                  title,
                  author: config.association.nom,
                  subject: `Rapport d'activité ${year}${options.section ? ` — section ${options.section}` : ''}`,
                  keywords: ["rapport d'activité", String(year), ...prepared.sections.map((s) => s.title)],
                  language: 'fr',
                  creator: `rapport ${options.version}`,
                  creationDate,
                },
              }),
        funders: await printFunderDocuments(browser, funderDocuments, { author: config.association.nom, version: options.version, creationDate }),
      }),
      options.browserTimeoutMs === undefined ? {} : { timeoutMs: options.browserTimeoutMs },
    ),
  );

  const base = join(outputDir, `rapport-activite-${year}`);
  const reportPath = options.section ? `${base}-${options.section}.pdf` : `${base}.pdf`;
  const { funders, files: funderFiles } = collectFunderOutputs(outputDir, funderDocuments, pdfs.funders);
  const renderWarnings = [...(rendered?.warnings ?? []), ...funderDocuments.flatMap((document) => document.rendered.warnings)];
  const result: BuildResult = {
    year,
    pdfPath: rendered === undefined && funders[0] !== undefined ? funders[0].pdfPath : reportPath,
    pageCount: pdfs.report?.pageCount ?? funders[0]?.pageCount ?? 0,
    sections: rendered === undefined ? [] : prepared.sections.filter((s) => !options.section || s.id === options.section).map((s) => s.id),
    charts,
    timings,
    warnings: [...warnings, ...renderWarnings.map((w) => `${w.file}, ligne ${w.line} : ${w.message}`)],
    funders,
  };
  await stage('écriture', async () => {
    const files: OutputFile[] = [];
    if (rendered !== undefined && pdfs.report !== undefined) {
      files.push({ name: basename(reportPath), content: pdfs.report.pdf });
      if (options.section === undefined) {
        result.htmlPath = `${base}.html`;
        result.csvPath = join(outputDir, `chiffres-${year}.csv`);
        files.push({ name: basename(result.htmlPath), content: rendered.fill(pdfs.report.anchorPages) });
        files.push({ name: basename(result.csvPath), content: formatFiguresCsv(prepared.published.figures, { complete: false }) });
      }
    }
    files.push(...funderFiles);
    // One set: the previous report, its HTML and CSV and the funders' bilans stay until all new
    // ones are complete, then all are swapped.
    // A full build also removes the bilans of funders that have none any more.
    const full = rendered !== undefined && options.section === undefined;
    await writeOutputs(outputDir, files, {
      ...(full && { obsolete: listObsoleteBilans(outputDir, year, funderFiles.map((file) => file.name)) }),
      ...(options.beforeSwap !== undefined && { beforeSwap: options.beforeSwap }),
      ...(options.writeStaged !== undefined && { writeStaged: options.writeStaged }),
    });
  });
  return result;
}
