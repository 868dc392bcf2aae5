import { formatInteger } from '../shared/format.js';
import { type DataIssue, type FileSummary, type IssueGroup, MAX_GROUPS_SHOWN } from './types.js';

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

/** Runs shown before « … »: enough to find the rows, short enough to read. */
const SHOWN_RUNS = 8;

/** `lignes 2 à 40, 45, 50…`: consecutive lines as ranges, the first few runs only. */
export function formatLineList(lines: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last !== undefined && line === last[1] + 1) last[1] = line;
    else runs.push([line, line]);
  }
  const parts = runs.slice(0, SHOWN_RUNS).map(([from, to]) => (from === to ? `${from}` : to === from + 1 ? `${from}, ${to}` : `${from} à ${to}`));
  return `${lines.length > 1 ? 'lignes' : 'ligne'} ${parts.join(', ')}${runs.length > SHOWN_RUNS ? '…' : ''}`;
}

function quoteValues(group: IssueGroup): string {
  const shown = group.values.map((value) => `« ${value} »`).join(', ');
  return `${shown}${group.moreValues === true ? '…' : ''}`;
}

/** The grouped wording of the usual row problems; others keep their sentence, with the count. */
function describeCount(group: IssueGroup): string {
  const n = formatInteger(group.count);
  const { first } = group;
  switch (group.code) {
    case 'valeur_invalide':
      // Masked values (person codes, e-mails) keep the sentence that says why they are not shown.
      return first.message.startsWith('valeur non valide (')
        ? `${n} valeurs non valides ${first.message.slice('valeur non valide '.length)}`
        : `${n} valeurs non valides (${quoteValues(group)})`;
    case 'valeur_manquante':
      return `${n} valeurs obligatoires manquantes`;
    case 'ligne_irreguliere':
      return `${n} lignes ont ${first.message.replace(/^la ligne a /, '')}`;
    case 'ligne_total_ignoree':
      return `${n} lignes de total ignorées (${quoteValues(group)} : les compter doublerait les chiffres)`;
    case 'ligne_sans_valeur':
      return `${n} lignes sans aucune valeur d'année : ignorées`;
    case 'cellule_masquee':
      return `${n} cases masquées par le secret statistique ignorées (${quoteValues(group)}) : leur valeur n'est pas connue`;
    default:
      return `${first.message} (${n} fois)`;
  }
}

/**
 * A group as one message: the issue itself when it occurs once, else the count and the first lines:
 * `maraudes.csv, colonne « Mode d'intervention » : 424 valeurs non valides (« Santé », « Social »…), lignes 2 à 425 — attendu : …`
 */
export function describeGroup(group: IssueGroup, withFile = true): string {
  if (group.count === 1 && group.summary === undefined) return describeIssue(group.first, withFile);
  const place = [withFile ? group.file : undefined, group.column !== undefined ? `colonne « ${group.column} »` : undefined].filter(
    (part) => part !== undefined,
  );
  const prefix = `${place.join(', ')}${place.length > 0 ? ' : ' : ''}`;
  if (group.summary !== undefined) return `${prefix}${group.summary}`;
  const lines = group.lines.length > 0 ? `, ${formatLineList(group.lines)}` : '';
  const expected = group.first.expected ? ` — attendu : ${group.first.expected}` : '';
  return `${prefix}${describeCount(group)}${lines}${expected}`;
}

/**
 * The messages of one file and severity, at most MAX_GROUPS_SHOWN, then « … et N autres erreurs »
 * for the occurrences not shown (their count comes from the file summary when there is one).
 */
export function describeFileGroups(
  groups: readonly IssueGroup[],
  file: string,
  severity: 'error' | 'warning',
  summary: FileSummary | undefined,
  withFile = true,
): string[] {
  const own = groups.filter((group) => group.file === file && group.severity === severity);
  const shown = own.slice(0, MAX_GROUPS_SHOWN);
  const lines = shown.map((group) => describeGroup(group, withFile));
  const total = summary === undefined ? own.reduce((sum, g) => sum + g.count, 0) : severity === 'error' ? summary.errorCount : summary.warningCount;
  const rest = total - shown.reduce((sum, g) => sum + g.count, 0);
  if (rest > 0) {
    const noun = severity === 'error' ? 'erreur' : 'avertissement';
    lines.push(`… et ${formatInteger(rest)} autre${rest > 1 ? 's' : ''} ${noun}${rest > 1 ? 's' : ''} dans ${file} (la liste complète : rapport check --json)`);
  }
  return lines;
}

/** "… et 12 autres" lines for the occurrences beyond the per-file cap of the JSON list. */
export function describeOmitted(summary: FileSummary, severity: 'error' | 'warning'): string | undefined {
  const omitted = severity === 'error' ? summary.errorsOmitted : summary.warningsOmitted;
  if (omitted === 0) return undefined;
  return `… et ${formatInteger(omitted)} autre${omitted > 1 ? 's' : ''} ${severity === 'error' ? 'erreur' : 'avertissement'}${omitted > 1 ? 's' : ''} dans ${summary.file}`;
}
