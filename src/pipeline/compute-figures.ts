// Reading + figures, chained in memory: one streaming pass over each file, figures computed by
// the accumulators plugged into ingestion. Invalid data stops here, before anything is written.
import { ConfigError, type ConfiguredLabels, describeConfigFile, formatKeyPath, listMultiAnswerDimensions, type LoadedConfig } from '../config/index.js';
import { createFigureCollector, type Figure, findUnknownLabelKeys, type FigureSet } from '../figures/index.js';
import {
  type CategoryExtensions,
  type ColumnMapping,
  describeFileGroups,
  describeIssue,
  type IngestCache,
  type FileNames,
  type IngestReport,
  ingestFolder,
  type ValueSynonyms,
} from '../ingest/index.js';
import { DataError } from '../shared/errors.js';
import { plural } from '../shared/format.js';
import { checkFunderIndicators } from './check-funders.js';

export interface ComputeFiguresOptions {
  folder: string;
  /** Report year; default: the latest year present in the data. */
  year?: number;
  /** Config `colonnes` and `valeurs`, passed to ingestion. */
  columns?: ColumnMapping;
  /** Config `fichiers`: the association's own file names. */
  files?: FileNames;
  values?: ValueSynonyms;
  /** Config `reponses_multiples`: breakdowns exempt from the sum check. */
  multiAnswerDimensions?: readonly string[];
  /** Config `categories`: values added to closed lists. */
  categories?: CategoryExtensions;
  /** Config `libelles`, checked against the figures once computed (an unknown key is a config error). */
  labels?: ConfiguredLabels;
  /** Config file as shown to the user, for those errors. */
  configFile?: string;
  /** Config `financeurs` and `objectifs`, checked against the figures like `libelles`. */
  funders?: Pick<LoadedConfig, 'financeurs' | 'objectifs'>;
  /** Files validated by an earlier run, reused when unchanged (live preview). */
  ingestCache?: IngestCache;
}

/**
 * The config's part in reading the data (column mappings, file names, value synonyms, categories,
 * labels), the same for `check`, `build`, `chiffres` and the live preview.
 */
export function describeFigureOptions(config: LoadedConfig, folder: string, year?: number): ComputeFiguresOptions {
  const chosenYear = year ?? config.annee;
  return {
    folder,
    ...(chosenYear !== undefined && { year: chosenYear }),
    columns: config.colonnes,
    files: config.fichiers,
    values: config.valeurs,
    multiAnswerDimensions: listMultiAnswerDimensions(config),
    categories: config.categories,
    labels: config.libelles,
    configFile: describeConfigFile(config, folder),
  };
}

export interface ComputedFigures {
  report: IngestReport;
  figures: FigureSet;
}

/** The same grouped messages as `check`, file by file. */
function describeErrors(report: IngestReport): string[] {
  const files = [...new Set(report.groups.filter((g) => g.severity === 'error').map((g) => g.file))];
  return files.flatMap((file) => describeFileGroups(report.groups, file, 'error', report.files.find((f) => f.file === file)));
}

export interface CollectedFigures {
  report: IngestReport;
  /** Computes the figures once the report is known valid; throws « aucune donnée datée » as build does. */
  finish: () => FigureSet;
}

/**
 * One pass over the data folder with the figure accumulators plugged in. Invalid data is
 * returned in the report, not thrown: `check` lists it, `build` and `chiffres` stop on it.
 */
export async function collectFigures(options: ComputeFiguresOptions): Promise<CollectedFigures> {
  const collector = createFigureCollector({
    ...(options.year !== undefined && { reportYear: options.year }),
    ...(options.multiAnswerDimensions !== undefined && { multiAnswerDimensions: options.multiAnswerDimensions }),
    ...(options.labels !== undefined && { labels: options.labels.chiffres }),
    ...(options.categories !== undefined && { categories: options.categories }),
  });
  const report = await ingestFolder(
    {
      folder: options.folder,
      ...(options.year !== undefined && { year: options.year }),
      ...(options.columns !== undefined && { columns: options.columns }),
      ...(options.files !== undefined && { files: options.files }),
      ...(options.values !== undefined && { values: options.values }),
      ...(options.categories !== undefined && { categories: options.categories }),
      ...(options.ingestCache !== undefined && { cache: options.ingestCache }),
    },
    collector.sink,
  );
  return { report, finish: () => collector.finish(report) };
}

/**
 * Throws a DataError (exit 1) listing the same messages as `check` when a file is invalid, and
 * when a figure is given by two sources (raw rows and an indicateurs file).
 */
export async function computeFigures(options: ComputeFiguresOptions): Promise<ComputedFigures> {
  return requireFigures(await collectFigures(options), options);
}

/** The figures of valid data, or the DataError / ConfigError build stops on. */
export function requireFigures(collected: CollectedFigures, options: Pick<ComputeFiguresOptions, 'folder' | 'labels' | 'configFile' | 'funders'>): ComputedFigures {
  const { report } = collected;
  const hint = `corrigez les fichiers indiqués, puis vérifiez avec « rapport check ${options.folder} »`;
  if (!report.ok) {
    const count = report.files.reduce((sum, file) => sum + file.errorCount, 0) || report.errors.length;
    throw new DataError(`données invalides (${plural(count, 'erreur')}) : aucun chiffre n'a été calculé`, {
      hint,
      details: describeErrors(report),
    });
  }
  const figures = collected.finish();
  if (figures.errors.length > 0) {
    throw new DataError(`${plural(figures.errors.length, 'chiffre')} donné${figures.errors.length > 1 ? 's' : ''} par deux sources différentes`, {
      hint,
      details: figures.errors.map((issue) => describeIssue(issue)),
    });
  }
  if (options.labels !== undefined) checkLabelKeys(options.labels, figures.figures, options.configFile ?? 'rapport.yaml');
  if (options.funders !== undefined) checkFunderIndicators(options.funders, figures.figures, options.configFile ?? 'rapport.yaml');
  return { report, figures };
}

/**
 * Like an unknown id in `objectifs`, a key of `libelles` that names no figure (a typo, a counter
 * renamed in the export) is a config error (exit 2) with the closest id: a label silently unused
 * would leave the old wording in the report.
 */
export function checkLabelKeys(labels: ConfiguredLabels, figures: readonly Pick<Figure, 'indicateur'>[], configFile: string): void {
  const unknown = findUnknownLabelKeys({ figures: Object.keys(labels.chiffres), families: Object.keys(labels.familles) }, figures);
  if (unknown.length === 0) return;
  throw new ConfigError(
    unknown.map(({ key, kind, closest }) => ({
      file: configFile,
      ...(labels.lignes[key] !== undefined && { line: labels.lignes[key] }),
      key: formatKeyPath(['libelles', key]),
      message:
        (kind === 'figure' ? `chiffre inconnu « ${key} »` : `famille de chiffres inconnue « ${key} » (aucun chiffre « ${key}.… »)`) +
        (closest === undefined ? '' : ` ; vouliez-vous dire « ${closest} » ?`),
    })),
    { hint: 'la liste des chiffres est dans docs/chiffres.md ; « rapport chiffres » exporte ceux de vos données' },
  );
}
