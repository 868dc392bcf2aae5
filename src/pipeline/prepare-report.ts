// Everything `build` verifies before drawing a chart or starting the browser, shared by `build`
// and `check`: config, data and figures, chosen sections, section files, édito, logo, and every
// helper of every section expanded against the figures of the year. `check` ✔ means `build` works.
import { ConfigError, describeConfigFile, formatKeyPath, listMultiAnswerDimensions, loadConfig, type LoadedConfig } from '../config/index.js';
import { readEdito, readLogo, readSections } from '../config/read-project-files.js';
import { applyConfidentiality, counterFigureId, formatFiguresCsv, type FigureSet, type PublishedFigures } from '../figures/index.js';
import type { IngestReport } from '../ingest/index.js';
import type { ReportFigures, SectionSource } from '../render/types.js';
import { verifySections } from '../render/verify-sections.js';
import { UsageError } from '../shared/errors.js';
import { suggestClosest } from '../shared/suggest.js';
import { checkFamilies, listDefaultSections } from './default-sections.js';
import { checkBuiltinCoverage, describeBuiltinData, describeYearChoice } from './year-coverage.js';
import { checkLabelKeys, collectFigures, type CollectedFigures, type ComputedFigures } from './compute-figures.js';
import { createReportFigures } from './report-figures.js';

export interface ReadProjectOptions {
  folder: string;
  /** `--annee`; else `annee:` of the config; else the latest year of the data. */
  year?: number;
}

/** The `lecture` stage: the config and one pass over the data (invalid data is in the report, not thrown). */
export interface ProjectData {
  folder: string;
  config: LoadedConfig;
  multiAnswer: readonly string[];
  collected: CollectedFigures;
  /** Config file as shown in messages. */
  configFile: string;
  /** Said in the progress output: the year comes from `annee:` and the data go further (or not as far). */
  yearNotice?: string;
}

export async function readProject(options: ReadProjectOptions): Promise<ProjectData> {
  const config = await loadConfig(options.folder);
  const multiAnswer = listMultiAnswerDimensions(config);
  const year = options.year ?? config.annee;
  const configFile = describeConfigFile(config, options.folder);
  const collected = await collectFigures({
    folder: options.folder,
    ...(year !== undefined && { year }),
    columns: config.colonnes,
    values: config.valeurs,
    multiAnswerDimensions: multiAnswer,
    categories: config.categories,
    labels: config.libelles,
    configFile,
  });
  const yearNotice = options.year === undefined && config.annee !== undefined ? describeYearChoice(config.annee, configFile, collected.report) : undefined;
  return { folder: options.folder, config, multiAnswer, collected, configFile, ...(yearNotice !== undefined && { yearNotice }) };
}

export interface PreparedReport {
  report: IngestReport;
  set: FigureSet;
  published: PublishedFigures;
  figures: ReportFigures;
  sections: SectionSource[];
  csv: string;
  edito?: { body: string; signature?: string; file: string; bodyLine: number };
  logoDataUri?: string;
  objectives: { id: string; expected: number; label?: string }[];
  /** Chapters left out of a default report (no row of the year). */
  warnings: string[];
}

/** The `chiffres` stage: published figures, the chapters and their files (ConfigError, UsageError, DataError). */
export async function prepareReport(data: ProjectData, computed: ComputedFigures, options: { section?: string } = {}): Promise<PreparedReport> {
  const { config, multiAnswer } = data;
  const { report, figures: set } = computed;
  const warnings: string[] = [];
  const published = applyConfidentiality(set, config.confidentialite.seuil, { multiAnswerDimensions: multiAnswer });
  // Counter columns of maraudes.csv in the file's order (the ingest report keeps the headers in order).
  const counterOrder = report.files.filter((f) => f.dataset === 'maraudes').flatMap((f) => Object.keys(f.counters ?? {}).map(counterFigureId));
  const figures = createReportFigures(set, published, counterOrder);
  const datasets = new Set(report.files.filter((f) => f.dataset !== null && f.rowsValid > 0 && f.dataset !== 'indicateurs').map((f) => f.dataset as string));
  const familyTitles = new Map(Object.entries(config.libelles.familles));
  const chosen = (config.sections ?? listDefaultSections(datasets, figures, familyTitles, warnings)).map((section) =>
    section.kind === 'famille' && section.titre === undefined ? { ...section, titre: familyTitles.get(section.id) } : section,
  );
  checkFamilies(chosen, figures);
  checkObjectives(config, figures, data.configFile);
  // A built-in chapter the config lists for a year its data file has no row of: said as such,
  // not as an unknown figure inside our template.
  if (config.sections !== undefined) checkBuiltinCoverage(chosen, figures, report, data.configFile);
  // `libelles: { maraudes: Tournées de rue }` retitles the built-in chapter of that family too.
  const read = (await readSections(config, chosen)).map((section, index) => {
    const title = chosen[index]?.kind === 'builtin' ? familyTitles.get(section.id) : undefined;
    return title === undefined ? section : { ...section, title };
  });
  // The chiffres clés give each family chapter's headline tiles.
  const familles = read.filter((_, index) => chosen[index]?.kind === 'famille').map((section) => ({ titre: section.title, motif: `${section.id}.*` }));
  const sections = read.map((section, index) => {
    const kind = chosen[index]?.kind;
    const builtin = kind === 'builtin' || kind === 'famille' ? { builtin: describeBuiltinData(kind === 'famille' ? 'famille' : section.id, set.year, report) } : {};
    return section.id === 'chiffres-cles' ? { ...section, ...builtin, variables: { ...section.variables, familles } } : { ...section, ...builtin };
  });
  if (options.section !== undefined && !sections.some((s) => s.id === options.section)) {
    throw new UsageError(`section « ${options.section} » inconnue`, { hint: `sections de ce rapport : ${sections.map((s) => s.id).join(', ')}` });
  }
  const csv = formatFiguresCsv(published.figures, { complete: false });
  const edito = await readEdito(config);
  const logoDataUri = await readLogo(config);
  const objectives = Object.entries(config.objectifs).map(([id, objective]) => ({
    id,
    expected: objective.valeur,
    ...(objective.libelle !== undefined && { label: objective.libelle }),
  }));
  return {
    report,
    set,
    published,
    figures,
    sections,
    csv,
    ...(edito !== undefined && { edito }),
    ...(logoDataUri !== undefined && { logoDataUri }),
    objectives,
    warnings,
  };
}

/**
 * `objectifs` naming no figure of the data is the config's error, said with the config file and
 * key: the `{{objectifs}}` helper would say it from inside our chiffres-cles template, and a
 * report whose sections do not print the table would ignore the typo.
 */
function checkObjectives(config: LoadedConfig, figures: ReportFigures, configFile: string): void {
  const known = figures.ids();
  const unknown = Object.keys(config.objectifs).filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  throw new ConfigError(
    unknown.map((id) => {
      const closest = suggestClosest(id, known);
      return { file: configFile, key: formatKeyPath(['objectifs', id]), message: `chiffre inconnu « ${id} »${closest === undefined ? '' : ` ; vouliez-vous dire « ${closest} » ?`}` };
    }),
    { hint: 'la liste des chiffres est dans docs/chiffres.md ; « rapport chiffres » exporte ceux de vos données' },
  );
}

/**
 * What `check` runs after reading valid data: the same steps as `build` up to the layout, every
 * section and the édito expanded with their helpers (charts specified and validated, not drawn).
 * Returns the build's warnings (chapters and blocks left out); throws what `build` would throw.
 */
export async function verifyProject(data: ProjectData, computed: ComputedFigures): Promise<string[]> {
  checkLabelKeys(data.config.libelles, computed.figures.figures, data.configFile);
  const prepared = await prepareReport(data, computed);
  const blocks = verifySections({
    sections: prepared.sections,
    figures: prepared.figures,
    objectives: prepared.objectives,
    ...(prepared.edito !== undefined && { edito: prepared.edito }),
  });
  return [...prepared.warnings, ...blocks.map((w) => `${w.file}, ligne ${w.line} : ${w.message}`)];
}
