// Problems of one file. Identical problems (same code, column and expectation: one column failing
// on many rows) are grouped as they stream, with every line, so messages say « 424 valeurs non
// valides, lignes 2 à 425 » once. Occurrences are also kept one by one for `check --json`, up to a
// cap per severity (the rest counted) so that a broken million-row file does not fill the memory.
import { type DataIssue, type IssueGroup, MAX_GROUPS_PER_FILE, MAX_MESSAGES_PER_FILE } from './types.js';

/** Distinct values shown in a grouped message. */
const SAMPLE_VALUES = 3;

/** Identity of a group: the message with its value blanked, so `valeur « a »` and `valeur « b »` meet. */
function groupKey(issue: DataIssue): string {
  const template = issue.value === undefined ? issue.message : issue.message.split(`« ${issue.value} »`).join('«»');
  return [issue.severity, issue.code, issue.column ?? '', issue.expected ?? '', template].join('\u0000');
}

/** A group of one issue: also used for problems found outside a file's reading. */
export function createIssueGroup(issue: DataIssue): IssueGroup {
  return {
    severity: issue.severity,
    code: issue.code,
    file: issue.file,
    ...(issue.column !== undefined && { column: issue.column }),
    first: issue,
    count: 1,
    lines: issue.line === undefined ? [] : [issue.line],
    values: issue.value === undefined ? [] : [issue.value],
  };
}

export class IssueCollector {
  readonly kept: DataIssue[] = [];
  readonly groups: IssueGroup[] = [];
  errorCount = 0;
  warningCount = 0;
  errorsOmitted = 0;
  warningsOmitted = 0;
  private keptErrors = 0;
  private keptWarnings = 0;
  private readonly byKey = new Map<string, IssueGroup>();

  add(issue: DataIssue): void {
    if (issue.severity === 'error') {
      this.errorCount += 1;
      if (this.keptErrors >= MAX_MESSAGES_PER_FILE) this.errorsOmitted += 1;
      else {
        this.keptErrors += 1;
        this.kept.push(issue);
      }
    } else {
      this.warningCount += 1;
      if (this.keptWarnings >= MAX_MESSAGES_PER_FILE) this.warningsOmitted += 1;
      else {
        this.keptWarnings += 1;
        this.kept.push(issue);
      }
    }
    this.group(issue);
  }

  /** Groups matching `test`, to reword them once the whole file is read (a text column read as a counter). */
  findGroups(test: (group: IssueGroup) => boolean): IssueGroup[] {
    return this.groups.filter(test);
  }

  private group(issue: DataIssue): void {
    const key = groupKey(issue);
    const group = this.byKey.get(key);
    if (group === undefined) {
      // Past the cap (one group per duplicate key, say), the counts still say how many there are.
      if (this.groups.length >= MAX_GROUPS_PER_FILE) return;
      const created = createIssueGroup(issue);
      this.byKey.set(key, created);
      this.groups.push(created);
      return;
    }
    group.count += 1;
    if (issue.line !== undefined) group.lines.push(issue.line);
    if (issue.value !== undefined && !group.values.includes(issue.value)) {
      if (group.values.length < SAMPLE_VALUES) group.values.push(issue.value);
      else group.moreValues = true;
    }
  }
}
