// `rapport build`: config → figures → charts → HTML → PDF, all in memory; outputs are written
// last, atomically, so a failed or interrupted build never replaces a good PDF with a broken one.
import { basename, join, resolve } from 'node:path';
import { renderChart } from '../charts/index.js';
import type { ChartSpec, RenderedChart } from '../charts/types.js';
import { formatReportTitle } from '../config/index.js';
import { renderPdf, withBrowser, type LaunchBrowserOptions, type RenderPdfOptions } from '../pdf/index.js';
import { renderReport, titleHoldsName } from '../render/render-report.js';
import { UsageError } from '../shared/errors.js';
import { SECTION_ID, SECTION_ID_EXPECTED } from '../shared/section-id.js';
import { describeAnnex } from './annex-info.js';
import { requireFigures } from './compute-figures.js';
import { prepareReport, readProject } from './prepare-report.js';
import { lockOutputFolder } from './output-lock.js';
import { registerCleanup } from '../shared/interrupt.js';
import { removeOwnTemporaryFiles, writeOutputs, type OutputFile, type WriteStaged } from './write-outputs.js';

export type BuildStage = 'lecture' | 'chiffres' | 'graphiques' | 'mise en page' | 'PDF' | 'écriture';

export interface BuildOptions {
  folder: string;
  year?: number;
  /** Output folder; default `<dossier>/sortie`. */
  outputDir?: string;
  /** Build only this section (staff workflow). */
  section?: string;
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
  pdfPath: string;
  htmlPath?: string;
  csvPath?: string;
  pageCount: number;
  sections: string[];
  charts: { drawn: number; fromCache: number };
  timings: Partial<Record<BuildStage, number>>;
  /** Blocks of sections left out for lack of data: « sections/x.md, ligne 12 : … ». */
  warnings: string[];
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

  const data = await stage('lecture', () => readProject({ folder: options.folder, ...(options.year !== undefined && { year: options.year }) }));
  // Said once the stage's line is complete (a TTY shows « lecture… » until then).
  if (data.yearNotice !== undefined) options.onNotice?.(data.yearNotice);
  const { config } = data;

  // Every check `rapport check` runs too (prepare-report.ts): same errors, same messages.
  const { computed, prepared } = await stage('chiffres', async () => {
    const computed = requireFigures(data.collected, { folder: options.folder, labels: config.libelles, configFile: data.configFile });
    const prepared = await prepareReport(data, computed, options.section === undefined ? {} : { section: options.section });
    return { computed, prepared };
  });
  const { report, figures: set } = computed;
  const year = set.year;
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

  const rendered = await stage('mise en page', async () =>
    renderReport({
      association: {
        nom: config.association.nom,
        couleur: config.association.couleur,
        ...(config.association.adresse !== undefined && { adresse: config.association.adresse }),
        ...(config.association.site_web !== undefined && { site_web: config.association.site_web }),
        ...(prepared.logoDataUri !== undefined && { logoDataUri: prepared.logoDataUri }),
      },
      year,
      title: formatReportTitle(config, year),
      ...(prepared.edito !== undefined && { edito: prepared.edito }),
      sections: prepared.sections,
      figures: prepared.figures,
      glossary: config.glossaire,
      partners: config.partenaires.map((p) => (p.role ? `${p.nom} (${p.role})` : p.nom)),
      funders: config.financeurs.map((p) => (p.role ? `${p.nom} (${p.role})` : p.nom)),
      annex: describeAnnex(report, set, prepared.published, options.version, options.now),
      objectives: prepared.objectives,
      drawChart,
      ...(options.section !== undefined && { onlySection: options.section }),
    }),
  );
  // Charts are drawn during layout; report their time as a stage of its own.
  timings['mise en page'] = (timings['mise en page'] ?? 0) - chartTime;
  timings.graphiques = chartTime;
  options.onStage?.('graphiques', 'end', chartTime);

  const reportTitle = formatReportTitle(config, year);
  const title = titleHoldsName(reportTitle, config.association.nom) ? reportTitle : `${config.association.nom} — ${reportTitle}`;
  const pdf = await stage('PDF', () =>
    runWithBrowser(options.browser, (browser) =>
      renderPdf({
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
          creationDate: options.documentDate ?? new Date(Date.UTC(year, 11, 31)),
        },
      }),
      options.browserTimeoutMs === undefined ? {} : { timeoutMs: options.browserTimeoutMs },
    ),
  );

  const base = join(outputDir, `rapport-activite-${year}`);
  const result: BuildResult = {
    year,
    pdfPath: options.section ? `${base}-${options.section}.pdf` : `${base}.pdf`,
    pageCount: pdf.pageCount,
    sections: prepared.sections.filter((s) => !options.section || s.id === options.section).map((s) => s.id),
    charts,
    timings,
    warnings: [...warnings, ...rendered.warnings.map((w) => `${w.file}, ligne ${w.line} : ${w.message}`)],
  };
  await stage('écriture', async () => {
    const files: OutputFile[] = [{ name: basename(result.pdfPath), content: pdf.pdf }];
    if (options.section === undefined) {
      result.htmlPath = `${base}.html`;
      result.csvPath = join(outputDir, `chiffres-${year}.csv`);
      files.push({ name: basename(result.htmlPath), content: rendered.fill(pdf.anchorPages) });
      files.push({ name: basename(result.csvPath), content: prepared.csv });
    }
    // One set: the previous PDF, HTML and CSV stay until all new ones are complete, then all are swapped.
    await writeOutputs(outputDir, files, {
      ...(options.beforeSwap !== undefined && { beforeSwap: options.beforeSwap }),
      ...(options.writeStaged !== undefined && { writeStaged: options.writeStaged }),
    });
  });
  return result;
}
