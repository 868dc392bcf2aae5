// Validates one contract file as it streams: header mapping, then every row, cell by cell.
import { headerKey } from '../shared/normalize.js';
import { CellFailure, holdsPersonalData, parseCount } from './cells.js';
import { type DatasetId, type FieldSpec, listFields, PERSON_CODE_HEADERS, type RowSchemas } from './contract.js';
import { type HeaderMapping, mapHeaders } from './map-headers.js';
import { CsvFileProblem, readCsvRecords } from './read-csv.js';
import { addDefaults, checkRow } from './row-rules.js';
import { detectWideLayout, expandWideRecord, explainIndicatorShape, listLongHeaders, type WideLayout } from './wide-indicateurs.js';
import { IssueCollector } from './issue-collector.js';
import { type CounterStats, explainTextCounters, holdsWords } from './text-counters.js';
import { createFileSummary, type FileSummary, type RowSink } from './types.js';

export { IssueCollector } from './issue-collector.js';

const TOTAL_ROW = /^(?:sous[\s-]?)?tota(?:l(?:e?s)?|ux)\b/i;
/** Person codes are pseudonymous but still never printed (brief §4). */
const MASKED = '(valeur masquée)';
/** A maraudes counter with one of these headers holds person codes, whatever its values. */
const PERSON_HEADERS = new Set(['personne', ...PERSON_CODE_HEADERS]);

export interface FileResult {
  summary: FileSummary;
  issues: IssueCollector;
}

export async function validateFile(options: {
  dataset: DatasetId;
  path: string;
  file: string;
  schemas: RowSchemas;
  configuredColumns?: Readonly<Record<string, string>>;
  sink: RowSink;
}): Promise<FileResult> {
  const { dataset, path, file, sink } = options;
  const fields = listFields(options.schemas[dataset]);
  const issues = new IssueCollector();
  const summary = createFileSummary(dataset, file);
  const deliver = sink[dataset] as ((row: unknown, line: number, file: string) => void) | undefined;
  const rowState = { firstKeys: new Map<string, number>() };
  let mapping: HeaderMapping | undefined;
  let headerWidth = 0;
  let headers: string[] = [];
  let wide: WideLayout | undefined;
  let stopped = false;
  /** Counter columns of maraudes.csv, by index: filled cells, and those holding words (a text column?). */
  const counterFilled: number[] = [];
  const counterWords: number[] = [];

  const onRecord = (record: string[], line: number): void => {
    if (stopped) return;
    if (mapping === undefined) {
      if (record.length === 1 && (record[0] ?? '').trim() === '') return; // blank lines before the header
      // Comment lines before the header: the notice of a `rapport chiffres --complet` export.
      if ((record[0] ?? '').trimStart().startsWith('#')) return;
      headers = record.map((cell) => cell.trim());
      headerWidth = headers.length;
      wide = dataset === 'indicateurs' ? detectWideLayout(headers, fields) : undefined;
      // Wide form: the long-form mapping sees the other columns, then `annee` and `valeur`.
      if (wide !== undefined) headers = listLongHeaders(wide, headers);
      mapping = mapHeaders(dataset, headers, fields, options.configuredColumns);
      if (dataset === 'indicateurs' && wide === undefined) mapping.problems = explainIndicatorShape(headers, mapping.columns, mapping.problems);
      summary.columns = mapping.columns;
      if (wide !== undefined) summary.columns = { ...mapping.columns, annee: wide.years.map((y) => y.header).join(', ') };
      if (dataset === 'maraudes') summary.counters = mapping.counters;
      for (const problem of [...(wide?.problems ?? []), ...mapping.problems]) {
        issues.add({
          severity: problem.fatal ? 'error' : 'warning',
          code: problem.code,
          file,
          line,
          ...(problem.column !== undefined && { column: problem.column }),
          message: problem.message,
          ...(problem.expected !== undefined && { expected: problem.expected }),
        });
      }
      if (mapping.problems.some((p) => p.fatal) || wide?.problems.some((p) => p.fatal)) {
        summary.refused = true;
        stopped = true;
      }
      return;
    }
    // Most rows start with a plain first cell: find the first text without trimming them all.
    let firstText: string | undefined = record[0];
    if (firstText === undefined || firstText === '' || firstText.charCodeAt(0) <= 0x20 || firstText.charCodeAt(firstText.length - 1) <= 0x20) {
      firstText = undefined;
      for (const cell of record) {
        const trimmed = cell.trim();
        if (trimmed !== '') {
          firstText = trimmed;
          break;
        }
      }
    }
    if (firstText === undefined) return; // empty line
    const initial = firstText.charCodeAt(0) | 0x20; // `t`/`T` of Total, `s`/`S` of Sous-total
    if ((initial === 0x74 || initial === 0x73) && TOTAL_ROW.test(firstText)) {
      summary.rowsSkipped += 1;
      issues.add({
        severity: 'warning',
        code: 'ligne_total_ignoree',
        file,
        line,
        value: holdsPersonalData(firstText) ? MASKED : firstText,
        message: `ligne de total « ${holdsPersonalData(firstText) ? MASKED : firstText} » ignorée (la compter doublerait les chiffres)`,
      });
      return;
    }
    summary.rowsRead += 1;
    if (record.length !== headerWidth) {
      const extraEmpty = record.length > headerWidth && record.slice(headerWidth).every((c) => c.trim() === '');
      if (!extraEmpty) {
        issues.add({
          severity: 'error',
          code: 'ligne_irreguliere',
          file,
          line,
          message: `la ligne a ${record.length} cellule${record.length > 1 ? 's' : ''} alors que l'en-tête a ${headerWidth} colonnes`,
          expected: `${headerWidth} cellules séparées par « ${separatorName(separatorUsed)} » (un séparateur en trop dans une cellule non entourée de guillemets ?)`,
        });
        return;
      }
    }
    if (wide === undefined) {
      if (deliverRecord(record, line)) summary.rowsValid += 1;
    } else {
      const expanded = expandWideRecord(wide, record);
      if (expanded.length === 0) {
        const shown = holdsPersonalData(firstText) ? MASKED : firstText;
        issues.add({ severity: 'warning', code: 'ligne_sans_valeur', file, line, value: shown, message: `ligne « ${shown} » sans aucune valeur d'année : ignorée` });
      }
      let valid = expanded.length > 0;
      for (const entry of expanded) {
        // Messages name the year column of the cell, as the user sees it.
        headers[headers.length - 1] = entry.header;
        (mapping as HeaderMapping).columns.valeur = entry.header;
        valid = deliverRecord(entry.record, line) && valid;
      }
      if (valid) summary.rowsValid += 1;
    }
  };

  /** A record in the long form: masked-cell check, validation, delivery. */
  const deliverRecord = (record: string[], line: number): boolean => {
    if (dataset === 'indicateurs') {
      // A published export (`chiffres-2024.csv`) dropped in as history shows small cells as
      // « < 3 », « s » (or « secret », older exports): their value is unknown, so the row is skipped, not refused.
      const valueIndex = (mapping as HeaderMapping).targets.findIndex((t) => t.kind === 'field' && t.name === 'valeur');
      const masked = (record[valueIndex] ?? '').trim();
      if (/^(?:<\s*\d+|s|secret)$/i.test(masked)) {
        issues.add({
          severity: 'warning',
          code: 'cellule_masquee',
          file,
          line,
          column: headers[valueIndex] ?? 'valeur',
          value: masked,
          message: `case masquée par le secret statistique (« ${masked} ») ignorée : sa valeur n'est pas connue`,
        });
        return false;
      }
    }
    const row = validateRow(record, line);
    if (row === undefined) return false;
    const year = dataset === 'indicateurs' ? String(row.annee) : (row.date as string).slice(0, 4);
    summary.years[year] = (summary.years[year] ?? 0) + 1;
    if (dataset !== 'indicateurs') {
      const date = row.date as string;
      if (summary.firstDate === undefined || date < summary.firstDate) summary.firstDate = date;
      if (summary.lastDate === undefined || date > summary.lastDate) summary.lastDate = date;
    }
    deliver?.(row, line, file);
    return true;
  };

  const validateRow = (record: string[], line: number): Record<string, unknown> | undefined => {
    const targets = (mapping as HeaderMapping).targets;
    const row: Record<string, unknown> = {};
    const counters: Record<string, number> = {};
    let valid = true;
    const fail = (column: string, raw: string | undefined, expected: string, spec?: FieldSpec, name?: string) => {
      valid = false;
      // Any column: an e-mail or phone number typed in the wrong place is still personal data.
      const masked = name === 'personne' || (raw !== undefined && holdsPersonalData(raw));
      issues.add({
        severity: 'error',
        code: raw === undefined ? 'valeur_manquante' : 'valeur_invalide',
        file,
        line,
        column,
        ...(raw !== undefined && { value: masked ? MASKED : raw }),
        message:
          raw === undefined
            ? 'valeur obligatoire manquante'
            : name === 'personne'
              ? 'valeur non valide (non affichée : colonne de codes personnes)'
              : masked
                ? 'valeur non valide (non affichée : elle ressemble à un e-mail ou à un numéro de téléphone)'
                : `valeur « ${raw} » non valide`,
        expected: expected || spec?.description || '',
      });
    };
    for (let index = 0; index < targets.length; index += 1) {
      const target = targets[index] as (typeof targets)[number];
      if (target.kind === 'ignored') continue;
      const cell = record[index] ?? '';
      // trim() allocates: skip it for the usual cell without surrounding spaces.
      const raw = cell === '' || (cell.charCodeAt(0) > 0x20 && cell.charCodeAt(cell.length - 1) > 0x20) ? cell : cell.trim();
      if (target.kind === 'counter') {
        if (raw === '') continue;
        const value = parseCount(raw);
        counterFilled[index] = (counterFilled[index] ?? 0) + 1;
        if (value instanceof CellFailure) {
          if (holdsWords(raw)) counterWords[index] = (counterWords[index] ?? 0) + 1;
          fail(headers[index] ?? target.id, raw, value.expected, undefined, PERSON_HEADERS.has(headerKey(target.id)) ? 'personne' : undefined);
        }
        else counters[target.id] = value;
        continue;
      }
      if (raw === '') {
        if (target.spec.required) fail(headers[index] ?? target.name, undefined, target.spec.description);
        continue;
      }
      const value = target.spec.parse(raw);
      if (value instanceof CellFailure) fail(headers[index] ?? target.name, raw, value.expected, target.spec, target.name);
      else row[target.name] = value;
    }
    if (!valid) return undefined;
    if (dataset === 'maraudes') row.compteurs = counters;
    addDefaults(dataset, row, mapping as HeaderMapping);
    const problem = checkRow(dataset, row, line, rowState);
    if (problem) {
      // Rules see typed values and contract names; users must see their header and cell text.
      const header = problem.column !== undefined ? (mapping as HeaderMapping).columns[problem.column] : undefined;
      const raw = header !== undefined && problem.value !== undefined ? record[headers.indexOf(header)]?.trim() : undefined;
      const message = raw !== undefined && !problem.message.includes(`« ${raw} »`) ? `valeur « ${raw} » : ${problem.message}` : problem.message;
      issues.add({ severity: 'error', file, line, ...problem, ...(header !== undefined && { column: header }), ...(raw !== undefined && { value: raw }), message });
      return undefined;
    }
    return row;
  };

  let separatorUsed = ';';
  try {
    await readCsvRecords(path, onRecord, (format) => {
      separatorUsed = format.separator;
      summary.encoding = format.encoding;
      summary.separator = format.separator;
    });
    if (mapping === undefined && !summary.refused) {
      issues.add({ severity: 'error', code: 'fichier_vide', file, message: "le fichier ne contient aucune ligne d'en-tête" });
      summary.refused = true;
    }
  } catch (error) {
    if (!(error instanceof CsvFileProblem)) throw error;
    summary.refused = true;
    issues.add({
      severity: 'error',
      code: 'fichier_illisible',
      file,
      ...(error.line !== undefined && { line: error.line }),
      message: error.message,
    });
  }
  if (mapping !== undefined) {
    const stats = new Map<string, CounterStats>();
    // Sparse: only the columns with a refused word have an entry.
    counterWords.forEach((words, index) => stats.set(headers[index] ?? '', { filled: counterFilled[index] ?? 0, words }));
    explainTextCounters(issues, stats, mapping, fields);
  }
  summary.errorCount = issues.errorCount;
  summary.warningCount = issues.warningCount;
  summary.errorsOmitted = issues.errorsOmitted;
  summary.warningsOmitted = issues.warningsOmitted;
  return { summary, issues };
}

function separatorName(separator: string): string {
  return separator === '\t' ? 'tabulation' : separator;
}
