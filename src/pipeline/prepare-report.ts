// Everything `build` verifies before drawing a chart or starting the browser, shared by `build`
// and `check`: config, data and figures, chosen sections, section files, édito, logo, and every
// helper of every section expanded against the figures of the year. `check` ✔ means `build` works.
import { describeConfigFile, loadConfig, type LoadedConfig } from '../config/index.js';
import { readSections } from '../config/read-project-files.js';
import type { FigureSet, PublishedFigures } from '../figures/index.js';
import type { IngestReport } from '../ingest/index.js';
import type { ReportFigures, SectionSource } from '../render/types.js';
import { verifySections } from '../render/verify-sections.js';
import { UsageError } from '../shared/errors.js';
import { describeYearChoice } from './year-coverage.js';
import { checkLabelKeys, collectFigures, describeFigureOptions, type CollectedFigures, type ComputedFigures } from './compute-figures.js';
import { checkFunderIndicators } from './check-funders.js';
import { listFunderSectionFiles } from './funder-files.js';
import { listObjectives, publishReportFigures, readReportExtras, readReportSections, type ReportExtras } from './report-steps.js';

export interface ReadProjectOptions {
  folder: string;
  /** `--annee`; else `annee:` of the config; else the latest year of the data. */
  year?: number;
}

/** The `lecture` stage: the config and one pass over the data (invalid data is in the report, not thrown). */
export interface ProjectData {
  folder: string;
  config: LoadedConfig;
  collected: CollectedFigures;
  /** Config file as shown in messages. */
  configFile: string;
  /** Said in the progress output: the year comes from `annee:` and the data go further (or not as far). */
  yearNotice?: string;
}

export async function readProject(options: ReadProjectOptions): Promise<ProjectData> {
  const config = await loadConfig(options.folder);
  const configFile = describeConfigFile(config, options.folder);
  const collected = await collectFigures(describeFigureOptions(config, options.folder, options.year));
  const yearNotice = options.year === undefined && config.annee !== undefined ? describeYearChoice(config.annee, configFile, collected.report) : undefined;
  return { folder: options.folder, config, collected, configFile, ...(yearNotice !== undefined && { yearNotice }) };
}

export interface PreparedReport {
  report: IngestReport;
  set: FigureSet;
  published: PublishedFigures;
  figures: ReportFigures;
  sections: SectionSource[];
  /** Édito and logo, read once: `check` expands the édito, `build` prints both. */
  extras: ReportExtras;
  /** Chapters left out of a default report (no row of the year). */
  warnings: string[];
}

/** The `chiffres` stage: published figures, the chapters and their files (ConfigError, UsageError, DataError). */
export async function prepareReport(data: ProjectData, computed: ComputedFigures, options: { section?: string } = {}): Promise<PreparedReport> {
  const { config } = data;
  const { report, figures: set } = computed;
  const warnings: string[] = [];
  const { published, figures } = publishReportFigures(config, computed);
  const sections = await readReportSections(config, computed, figures, warnings, data.configFile);
  if (options.section !== undefined && !sections.some((s) => s.id === options.section)) {
    throw new UsageError(`section « ${options.section} » inconnue`, { hint: `sections de ce rapport : ${sections.map((s) => s.id).join(', ')}` });
  }
  const extras = await readReportExtras(config);
  return {
    report,
    set,
    published,
    figures,
    sections,
    extras,
    warnings,
  };
}

/**
 * What `check` runs after reading valid data: the same steps as `build` up to the layout, every
 * section and the édito expanded with their helpers (charts specified and validated, not drawn).
 * Returns the build's warnings (chapters and blocks left out); throws what `build` would throw.
 */
export async function verifyProject(data: ProjectData, computed: ComputedFigures): Promise<string[]> {
  checkLabelKeys(data.config.libelles, computed.figures.figures, data.configFile);
  checkFunderIndicators(data.config, computed.figures.figures, data.configFile);
  const prepared = await prepareReport(data, computed);
  // The funders' own sections are expanded in their bilans with the same helpers: checked too.
  const funderFiles = data.config.financeurs.flatMap((funder) =>
    funder.indicateurs.length === 0 ? [] : listFunderSectionFiles(data.config.folder, funder.sections),
  );
  const funderSections = funderFiles.length === 0 ? [] : await readSections(data.config, funderFiles);
  const blocks = verifySections({
    sections: [...prepared.sections, ...funderSections],
    figures: prepared.figures,
    objectives: listObjectives(data.config),
    ...(prepared.extras.edito !== undefined && { edito: prepared.extras.edito }),
  });
  return [...prepared.warnings, ...blocks.map((w) => `${w.file}, ligne ${w.line} : ${w.message}`)];
}
