// The report as HTML only, in memory: the same steps and the same HTML as `rapport build`, without
// the PDF and without writing anything but chart cache entries. Given the previous build and what
// changed since, it runs again only the steps that depend on the change (the live preview).
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { renderChart } from '../charts/index.js';
import type { ChartSpec, RenderedChart } from '../charts/types.js';
import { describeConfigFile, listMultiAnswerDimensions, loadConfig, type LoadedConfig } from '../config/index.js';
import { createIngestCache, type IngestCache } from '../ingest/index.js';
import { renderReport } from '../render/render-report.js';
import type { SectionSource } from '../render/types.js';
import type { ComputedFigures } from './compute-figures.js';
import {
  computeReportFigures,
  createRenderInput,
  publishReportFigures,
  readReportExtras,
  readReportSections,
  type PublishedReportFigures,
  type ReportExtras,
} from './report-steps.js';

/** What a change of the project touches: rapport.yaml, a CSV, a Markdown text, an image. */
export type ProjectChange = 'config' | 'donnees' | 'textes' | 'logo';

export type HtmlBuildStep = 'configuration' | 'lecture' | 'confidentialité' | 'sections' | 'logo et édito' | 'mise en page';

export interface BuildHtmlOptions {
  folder: string;
  year?: number;
  version: string;
  /** Chart cache folder; default `<dossier>/sortie/.cache/graphiques`, the one `rapport build` fills. */
  cacheDir?: string;
  /** The last successful build of this folder: its steps are reused where `changes` leaves them valid. */
  previous?: HtmlBuild;
  /** What changed since `previous` (ignored without it: everything is read). */
  changes?: ReadonlySet<ProjectChange>;
}

/** What one build computed, kept for the next one. */
interface HtmlBuildMemo {
  config: LoadedConfig;
  ingestCache: IngestCache;
  computed: ComputedFigures;
  /** Hash of the figures and of the confidentiality settings: same hash, same published figures. */
  figuresKey: string;
  published: PublishedReportFigures;
  sections: SectionSource[];
  sectionWarnings: string[];
  extras: ReportExtras;
}

export interface HtmlBuild {
  /** The document as `rapport build` writes it, sommaire page numbers blank (there is no PDF). */
  html: string;
  year: number;
  /** Blocks of sections left out for lack of data: « sections/x.md, ligne 12 : … ». */
  warnings: string[];
  charts: { drawn: number; fromCache: number };
  /** Steps run by this build with their time (ms); the others were reused from `previous`. */
  timings: Partial<Record<HtmlBuildStep, number>>;
  /** Data files parsed again by this build, and those reused from memory. */
  files: { parsed: string[]; reused: string[] };
  readonly memo: HtmlBuildMemo;
}

function hashFigures(computed: ComputedFigures, config: LoadedConfig): string {
  // Plain JSON, not canonical: the figures stage builds the same set in the same order from the
  // same rows, and sorting the keys of thousands of figures cost more than the hash saves.
  return createHash('sha256')
    .update(JSON.stringify(computed.figures))
    .update(
      JSON.stringify({
        threshold: config.confidentialite.seuil,
        multi: listMultiAnswerDimensions(config),
        // The order of the maraudes counters (tiles) comes from the file's columns.
        counters: computed.report.files.map((file) => Object.keys(file.counters ?? {})),
      }),
    )
    .digest('hex');
}

export async function buildReportHtml(options: BuildHtmlOptions): Promise<HtmlBuild> {
  const previous = options.previous?.memo;
  const changed = (change: ProjectChange) => previous === undefined || (options.changes?.has(change) ?? true);
  const timings: Partial<Record<HtmlBuildStep, number>> = {};
  const step = async <T>(name: HtmlBuildStep, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = performance.now() - started;
    }
  };

  const configChanged = changed('config');
  const config = previous !== undefined && !configChanged ? previous.config : await step('configuration', () => loadConfig(options.folder));
  const ingestCache = previous?.ingestCache ?? createIngestCache();
  const dataChanged = configChanged || changed('donnees');
  const computed =
    previous !== undefined && !dataChanged
      ? previous.computed
      : await step('lecture', () => computeReportFigures(config, options.folder, options.year, ingestCache));
  const files = dataChanged ? { parsed: [...ingestCache.last.parsed], reused: [...ingestCache.last.reused] } : { parsed: [], reused: [] };

  // The secrecy audit is the longest step: it runs again only when a figure or a setting changed.
  const figuresKey = previous !== undefined && !dataChanged ? previous.figuresKey : hashFigures(computed, config);
  const published =
    previous !== undefined && previous.figuresKey === figuresKey
      ? previous.published
      : await step('confidentialité', () => publishReportFigures(config, computed));

  let sections = previous?.sections;
  let sectionWarnings = previous?.sectionWarnings ?? [];
  if (sections === undefined || dataChanged || changed('textes')) {
    const warnings: string[] = [];
    sections = await step('sections', () => readReportSections(config, computed, published.figures, warnings, describeConfigFile(config, options.folder)));
    sectionWarnings = warnings;
  }
  const extras =
    previous !== undefined && !configChanged && !changed('logo') && !changed('textes')
      ? previous.extras
      : await step('logo et édito', () => readReportExtras(config));

  const cacheDir = options.cacheDir ?? join(resolve(options.folder), 'sortie', '.cache', 'graphiques');
  const charts = { drawn: 0, fromCache: 0 };
  const drawChart = async (spec: ChartSpec): Promise<RenderedChart> => {
    const chart = await renderChart(spec, { color: config.association.couleur, cacheDir });
    if (chart.fromCache) charts.fromCache += 1;
    else charts.drawn += 1;
    return chart;
  };
  const rendered = await step('mise en page', () =>
    renderReport(createRenderInput({ config, computed, published, sections, extras, version: options.version, drawChart })),
  );
  return {
    html: rendered.html,
    year: computed.figures.year,
    warnings: [...sectionWarnings, ...rendered.warnings.map((w) => `${w.file}, ligne ${w.line} : ${w.message}`)],
    charts,
    timings,
    files,
    memo: { config, ingestCache, computed, figuresKey, published, sections, sectionWarnings, extras },
  };
}
