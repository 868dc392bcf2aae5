// Presentation of `rapport check`: a French text report, or the stable JSON document
// documented in docs/verification.md.
import {
  createIssueGroup,
  describeFileGroups,
  describeGroup,
  describeIssue,
  type DataIssue,
  type FileSummary,
  type IngestReport,
  type IssueGroup,
} from '../ingest/index.js';
import { formatDateFr } from '../shared/dates.js';
import type { Finding } from '../figures/index.js';
import type { RapportError } from '../shared/errors.js';
import { formatInteger, plural } from '../shared/format.js';
import type { CheckJson, CheckJsonIssue } from './check-json-schema.js';

const ENCODING_LABEL = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' } as const;

function describeSummary(summary: FileSummary): string {
  if (summary.dataset === null) return `${summary.file} : fichier non reconnu, ignoré`;
  const parts = [`${plural(summary.rowsRead, 'ligne lue', 'lignes lues')}, ${plural(summary.rowsValid, 'valide')}`];
  if (summary.rowsSkipped > 0) parts.push(`${plural(summary.rowsSkipped, 'ligne de total ignorée', 'lignes de total ignorées')}`);
  if (summary.firstDate && summary.lastDate) {
    parts.push(`du ${formatDateFr(summary.firstDate)} au ${formatDateFr(summary.lastDate)}`);
  }
  const years = Object.entries(summary.years).sort(([a], [b]) => a.localeCompare(b));
  if (years.length > 0) parts.push(`années ${years.map(([y, n]) => `${y} (${formatInteger(n)})`).join(', ')}`);
  if (summary.encoding) {
    parts.push(`${ENCODING_LABEL[summary.encoding]}, séparateur « ${summary.separator === '\t' ? 'tabulation' : summary.separator} »`);
  }
  if (summary.refused) parts.push('FICHIER NON UTILISABLE');
  return `${summary.file} : ${parts.join(' · ')}`;
}

/** Groups of the ingest stage, and the conflicts between sources the figures stage adds to `errors`. */
function listGroups(report: IngestReport): IssueGroup[] {
  return [...report.groups, ...report.errors.filter((e) => e.code === 'chiffre_en_conflit').map(createIssueGroup)];
}

function listIssues(lines: string[], groups: readonly IssueGroup[], files: readonly FileSummary[], severity: 'error' | 'warning'): void {
  const fileNames = [...new Set(groups.filter((g) => g.severity === severity).map((g) => g.file))];
  for (const file of fileNames) {
    lines.push(`  ${file}`);
    const summary = files.find((f) => f.file === file);
    // Conflicts between sources are not counted in the file's summary: count the groups there.
    const counted = summary !== undefined && groups.some((g) => g.file === file && g.code === 'chiffre_en_conflit') ? undefined : summary;
    for (const text of describeFileGroups(groups, file, severity, counted, false)) {
      // A message of several lines (a rapport.yaml excerpt) keeps its own indentation under the first.
      lines.push(...text.split('\n').map((line) => `    ${line}`));
    }
  }
}

/**
 * `quiet` (`check --quiet`): only the errors and the verdict, no file summary, warning or finding.
 * `blocked`: the data are valid but `build` would stop (a section, the year, the config): its error follows on stderr.
 */
export function formatCheckText(
  report: IngestReport,
  folder: string,
  findings: readonly Finding[] = [],
  options: { quiet?: boolean; blocked?: boolean } = {},
): string {
  const quiet = options.quiet === true;
  const blocked = options.blocked === true;
  const lines: string[] = [];
  if (!quiet) lines.push(`Vérification de ${folder}${report.year !== undefined ? ` — rapport ${report.year}` : ''}`);
  if (!quiet) lines.push(`Données lues dans ${report.dataFolder}`, '');
  if (report.files.length === 0) {
    lines.push('Aucun fichier CSV trouvé. Fichiers attendus : maraudes.csv, trod.csv, domiciliations.csv, aides_financieres.csv, indicateurs.csv.');
  } else if (!quiet) {
    lines.push('Fichiers');
    for (const summary of report.files) lines.push(`  ${describeSummary(summary)}`);
  }
  // Every ingest error is counted in its file's summary; conflicts between sources come from the
  // figures stage, after reading, and are counted here.
  const errorTotal =
    report.files.reduce((sum, f) => sum + f.errorCount, 0) + report.errors.filter((e) => e.code === 'chiffre_en_conflit').length;
  const warningTotal = report.files.reduce((sum, f) => sum + f.warningCount, 0);
  const groups = listGroups(report);
  if (report.errors.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`Erreurs (${formatInteger(errorTotal)})`);
    listIssues(lines, groups, report.files, 'error');
  }
  if (report.warnings.length > 0 && !quiet) {
    lines.push('', `Avertissements (${formatInteger(warningTotal)})`);
    listIssues(lines, groups, report.files, 'warning');
  }
  if (findings.length > 0 && !quiet) {
    lines.push('', `Constats de cohérence (${formatInteger(findings.length)}) — à vérifier, ils n'empêchent pas la construction`);
    for (const finding of findings) {
      const where = finding.lines.length > 0 && !/ligne/.test(finding.message) ? `, ligne${finding.lines.length > 1 ? 's' : ''} ${finding.lines.slice(0, 10).join(', ')}` : '';
      lines.push(`  ${finding.file}${where} : ${finding.message}`);
    }
  }
  if (lines.length > 0) lines.push('');
  if (blocked) {
    lines.push('✘ La construction échouerait : voir l\'erreur ci-dessous.');
  } else if (report.ok) {
    lines.push(`✔ Aucune erreur : les données sont utilisables${warningTotal > 0 ? ` (${plural(warningTotal, 'avertissement')})` : ''}.`);
  } else {
    lines.push(`✘ ${plural(errorTotal, 'erreur')} : corrigez les fichiers indiqués puis relancez « rapport check ${folder} ».`);
  }
  return lines.join('\n');
}

/** Stable JSON shape (version 1): see docs/verification.md, schemas/check.schema.json. Person codes never appear. */
export function formatCheckJson(report: IngestReport, findings: readonly Finding[] = [], blocking?: RapportError): string {
  const document: CheckJson = {
    version: 1,
    folder: report.folder,
    dataFolder: report.dataFolder,
    year: report.year ?? null,
    ok: report.ok && blocking === undefined,
    // What `build` would stop on although the files are valid (a section, the year, the config).
    blocking: blocking === undefined ? null : { message: blocking.message, details: [...blocking.details], hint: blocking.hint ?? null, exitCode: blocking.exitCode },
    files: report.files.map((f) => ({ file: f.file, dataset: f.dataset })),
    summaries: report.files.map((f) => ({
      file: f.file,
      dataset: f.dataset,
      encoding: f.encoding ?? null,
      separator: f.separator ?? null,
      rowsRead: f.rowsRead,
      rowsValid: f.rowsValid,
      rowsSkipped: f.rowsSkipped,
      firstDate: f.firstDate ?? null,
      lastDate: f.lastDate ?? null,
      years: f.years,
      columns: f.columns,
      counters: f.counters ?? {},
      errorCount: f.errorCount,
      warningCount: f.warningCount,
      errorsOmitted: f.errorsOmitted,
      warningsOmitted: f.warningsOmitted,
      refused: f.refused,
    })),
    errors: report.errors.map(toJsonIssue),
    warnings: report.warnings.map(toJsonIssue),
    groups: listGroups(report).map(toJsonGroup),
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, lines: f.lines, message: f.message })),
  };
  return JSON.stringify(document, null, 2);
}

function toJsonIssue(issue: DataIssue): CheckJsonIssue {
  return {
    code: issue.code,
    file: issue.file,
    line: issue.line ?? null,
    otherLines: issue.otherLines ?? [],
    column: issue.column ?? null,
    value: issue.value ?? null,
    message: issue.message,
    expected: issue.expected ?? null,
    text: describeIssue(issue),
  };
}

/** A group: every line of its occurrences (`lines`), even those past the per-file cap of `errors`. */
function toJsonGroup(group: IssueGroup): CheckJson['groups'][number] {
  return {
    severity: group.severity,
    code: group.code,
    file: group.file,
    column: group.column ?? null,
    count: group.count,
    lines: group.lines,
    values: group.values,
    message: group.first.message,
    expected: group.first.expected ?? null,
    text: describeGroup(group),
  };
}
