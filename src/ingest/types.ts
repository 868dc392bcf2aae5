import type { CategoryExtensions, DatasetId, RowByDataset, ValueSynonyms } from './contract.js';
import type { Encoding } from './read-csv.js';
import type { IngestCache } from './file-cache.js';

export type { AddedValue, CategoryExtensions, DatasetId, RowByDataset, ValueSynonyms } from './contract.js';

/** Per file: contract column ← header used in the association's export (config `colonnes`). */
export type ColumnMapping = Readonly<Partial<Record<DatasetId, Readonly<Record<string, string>>>>>;

export interface IngestOptions {
  /** Project folder given on the command line. */
  folder: string;
  /** Report year; defaults to the latest year present in the data. */
  year?: number;
  columns?: ColumnMapping;
  values?: ValueSynonyms;
  /** Config `categories`: values added to the extensible closed lists. */
  categories?: CategoryExtensions;
  /** Files validated by an earlier ingestion of this folder, reused when unchanged (live preview). */
  cache?: IngestCache;
  /** Config `fichiers`: contract file → the association's own file name in the data folder. */
  files?: FileNames;
}

/** Config `fichiers`: `{ maraudes: "Tournées 2013.csv" }`. */
export type FileNames = Readonly<Partial<Record<DatasetId, string>>>;

/** Receives every valid row, as it streams; the figures stage plugs its accumulators here. */
export type RowSink = {
  [K in DatasetId]?: (row: RowByDataset[K], line: number, file: string) => void;
};

export type IssueSeverity = 'error' | 'warning';

/** One problem found in the data. Never carries a person code. */
export interface DataIssue {
  severity: IssueSeverity;
  /** Stable machine code, e.g. `valeur_invalide`, `colonne_manquante`. */
  code: string;
  /** File name relative to the data folder. */
  file: string;
  /** Line as a spreadsheet shows it (header = 1). */
  line?: number;
  /** Other lines involved (e.g. the first occurrence of a duplicate). */
  otherLines?: number[];
  /** Column header as written in the file. */
  column?: string;
  /** Offending value as written (masked for person codes). */
  value?: string;
  /** French sentence describing the problem. */
  message: string;
  /** What was expected, in French. */
  expected?: string;
}

/**
 * Identical problems of one file (same code, column, expectation and wording but for the value):
 * one column failing on many rows is one message with the count and the first lines.
 */
export interface IssueGroup {
  severity: IssueSeverity;
  /** The occurrences' code, or a code of its own when the group means more (`colonne_texte_compteur`). */
  code: string;
  file: string;
  column?: string;
  /** The first occurrence, as it would be printed alone. */
  first: DataIssue;
  count: number;
  /** Every line of the group, in reading order (none for file-level problems). */
  lines: number[];
  /** The first distinct values (masked ones stay masked). */
  values: string[];
  /** True when more distinct values than `values` were met. */
  moreValues?: boolean;
  /** French text replacing the grouped wording, when the group as a whole says more (several lines). */
  summary?: string;
}

export interface FileSummary {
  /** Dataset the file feeds, or null for an unknown `.csv`. */
  dataset: DatasetId | null;
  file: string;
  encoding?: Encoding;
  separator?: string;
  /** Data rows read (header, empty lines and total rows excluded). */
  rowsRead: number;
  rowsValid: number;
  /** Rows skipped because they are spreadsheet totals. */
  rowsSkipped: number;
  firstDate?: string;
  lastDate?: string;
  /** Valid rows per year (`annee` for indicateurs, the row date otherwise). */
  years: Record<string, number>;
  /** Contract column → header found in the file. */
  columns: Record<string, string>;
  /** Counter columns of maraudes.csv: normalized id → original header. */
  counters?: Record<string, string>;
  errorCount: number;
  warningCount: number;
  /** Occurrences beyond the MAX_MESSAGES_PER_FILE kept per file (JSON only: the text groups them all). */
  errorsOmitted: number;
  warningsOmitted: number;
  /** The file could not be read to the end (encoding, quotes, missing columns…). */
  refused: boolean;
}

export interface IngestReport {
  folder: string;
  /** Where the CSV files were looked up (`<dossier>/donnees` or `<dossier>`). */
  dataFolder: string;
  /** Report year: given, or the latest present; undefined when no dated row exists. */
  year: number | undefined;
  files: FileSummary[];
  errors: DataIssue[];
  warnings: DataIssue[];
  /** The same problems grouped (see IssueGroup), in file order: what the text messages show. */
  groups: IssueGroup[];
  ok: boolean;
}

/** Occurrences kept one by one per file and severity (`check --json`); the rest are counted. */
export const MAX_MESSAGES_PER_FILE = 10_000;
/** Distinct groups per file; past it, occurrences are counted but not grouped. */
export const MAX_GROUPS_PER_FILE = 1_000;
/** Groups printed per file and severity in text; the rest are counted (« … et 12 autres erreurs »). */
export const MAX_GROUPS_SHOWN = 50;

/** A summary with nothing read yet; callers set what they know. */
export function createFileSummary(dataset: DatasetId | null, file: string): FileSummary {
  return {
    dataset,
    file,
    rowsRead: 0,
    rowsValid: 0,
    rowsSkipped: 0,
    years: {},
    columns: {},
    errorCount: 0,
    warningCount: 0,
    errorsOmitted: 0,
    warningsOmitted: 0,
    refused: false,
  };
}
