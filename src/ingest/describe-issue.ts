import { formatInteger } from '../shared/format.js';
import type { DataIssue, FileSummary } from './types.js';

/**
 * One French line per issue, naming file, line, column and value:
 * `trod.csv, ligne 12, colonne « Résultat » : valeur « pos? » non valide — attendu : …`
 */
export function describeIssue(issue: DataIssue, withFile = true): string {
  const place = [
    withFile ? issue.file : undefined,
    issue.line !== undefined ? `ligne ${issue.line}` : undefined,
    issue.column !== undefined ? `colonne « ${issue.column} »` : undefined,
  ].filter((part) => part !== undefined);
  const others = issue.otherLines?.length ? ` (voir aussi ligne ${issue.otherLines.join(', ')})` : '';
  const expected = issue.expected ? ` — attendu : ${issue.expected}` : '';
  return `${place.join(', ')}${place.length > 0 ? ' : ' : ''}${issue.message}${others}${expected}`;
}

/** "… et 12 autres" lines for the messages beyond the per-file cap. */
export function describeOmitted(summary: FileSummary, severity: 'error' | 'warning'): string | undefined {
  const omitted = severity === 'error' ? summary.errorsOmitted : summary.warningsOmitted;
  if (omitted === 0) return undefined;
  return `… et ${formatInteger(omitted)} autre${omitted > 1 ? 's' : ''} ${severity === 'error' ? 'erreur' : 'avertissement'}${omitted > 1 ? 's' : ''} dans ${summary.file}`;
}
