// Problems of one file, capped per severity (the rest counted) so a broken million-row file
// does not print a million lines.
import { type DataIssue, MAX_MESSAGES_PER_FILE } from './types.js';

export class IssueCollector {
  readonly kept: DataIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  errorsOmitted = 0;
  warningsOmitted = 0;
  private keptErrors = 0;
  private keptWarnings = 0;

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
  }
}
