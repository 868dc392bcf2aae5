// Row-level consistency checks run during the single ingestion pass: identical rows (possible
// double export), months missing from a file, and a capped log of findings.
import { formatInteger } from '../shared/format.js';
import { monthNameFr } from '../shared/dates.js';
import { FingerprintTable, Hasher } from './fingerprints.js';
import type { Finding, FindingSeverity } from './types.js';

/** Findings kept per file and code; the rest are summed up in one closing finding. */
export const MAX_FINDINGS_PER_CODE = 20;

export class FindingLog {
  private readonly kept: Finding[] = [];
  private readonly counts = new Map<string, { file: string; code: string; severity: FindingSeverity; count: number }>();

  add(finding: Finding): void {
    const id = `${finding.file}\u0000${finding.code}`;
    const entry = this.counts.get(id) ?? { file: finding.file, code: finding.code, severity: finding.severity, count: 0 };
    entry.count += 1;
    this.counts.set(id, entry);
    if (entry.count <= MAX_FINDINGS_PER_CODE) this.kept.push(finding);
  }

  list(): Finding[] {
    const result = [...this.kept];
    for (const { file, code, severity, count } of this.counts.values()) {
      if (count <= MAX_FINDINGS_PER_CODE) continue;
      const omitted = count - MAX_FINDINGS_PER_CODE;
      result.push({
        code,
        severity,
        file,
        lines: [],
        message: `… et ${formatInteger(omitted)} autre${omitted > 1 ? 's' : ''} constat${omitted > 1 ? 's' : ''} du même type (${formatInteger(count)} en tout)`,
      });
    }
    return result;
  }
}

/**
 * Remembers a fingerprint of every row of a file to spot identical rows. This is the only
 * per-row state of the figures stage: 12 bytes a row (about 25 MB for a million rows), far less
 * than keeping the rows; a collision of two different rows (probability ~6 × 10⁻⁵ for a
 * million) would cost one wrong warning. Fed cell by cell (`start`, `text`/`number`, `end`) so
 * that no row text is built: on a million rows, building it cost as much as all the figures.
 */
export class DuplicateDetector {
  private readonly hasher = new Hasher();
  private readonly table = new FingerprintTable();

  start(): void {
    this.hasher.start();
  }

  text(value: string | undefined): void {
    this.hasher.text(value);
  }

  /** An integer (cents, counts) or undefined. */
  number(value: number | undefined): void {
    this.hasher.number(value);
  }

  /** Line of an earlier identical row, or undefined (and the row is remembered). */
  end(line: number): number | undefined {
    const hasher = this.hasher;
    hasher.finish();
    const slot = this.table.find(hasher.high, hasher.low);
    if (!this.table.isEmpty(slot)) return this.table.valueAt(slot);
    this.table.store(slot, hasher.high, hasher.low, line);
    return undefined;
  }

  /** Ends the row, logging a `ligne_en_double` finding when an earlier row is identical. */
  endRow(line: number, file: string, log: FindingLog): void {
    const first = this.end(line);
    if (first !== undefined) log.add(duplicateFinding(file, first, line));
  }
}

function duplicateFinding(file: string, first: number, line: number): Finding {
  return {
    code: 'ligne_en_double',
    severity: 'warning',
    file,
    lines: [first, line],
    message: `la ligne ${line} est identique à la ligne ${first} : double export ? (si ce sont deux événements distincts, regroupez-les avec la colonne « nombre »)`,
  };
}

/** Months with at least one row, per year, for one file. */
export class MonthCoverage {
  private readonly masks = new Map<number, number>();
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  add(isoDate: string): void {
    this.addMonth(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)));
  }

  /** `month` from 1 to 12. */
  addMonth(year: number, month: number): void {
    this.masks.set(year, (this.masks.get(year) ?? 0) | (1 << (month - 1)));
    const index = year * 12 + month - 1;
    if (index < this.first) this.first = index;
    if (index > this.last) this.last = index;
  }

  /**
   * A month with no row is likely a missing export when the file covers the rest of that year:
   * rows in the eleven other months, or in at least three quarters of the year's months that lie
   * within the file's period (so a file starting in March or ending in September raises nothing
   * for the months outside it, and a sparse file, such as a few domiciliation decisions, raises
   * nothing at all).
   */
  findings(file: string, lastYear: number): Finding[] {
    const findings: Finding[] = [];
    for (const [year, mask] of [...this.masks].sort(([a], [b]) => a - b)) {
      if (year > lastYear) continue;
      const candidates: number[] = [];
      for (let month = 0; month < 12; month += 1) {
        const index = year * 12 + month;
        if (index >= this.first && index <= this.last) candidates.push(month);
      }
      let missing = candidates.filter((month) => (mask & (1 << month)) === 0);
      const present = candidates.length - missing.length;
      if (candidates.length < 4 || present < 0.75 * candidates.length) missing = [];
      // Eleven months of twelve: the twelfth is missing even at the edge of the file's period.
      const all = Array.from({ length: 12 }, (_, month) => month).filter((month) => (mask & (1 << month)) === 0);
      if (all.length === 1) missing = all;
      for (const month of missing) {
        findings.push({
          code: 'mois_manquant',
          severity: 'warning',
          file,
          lines: [],
          message: `aucune ligne en ${monthNameFr(month + 1)} ${year} alors que le fichier couvre le reste de l'année : export incomplet ?`,
        });
      }
    }
    return findings;
  }
}

/** "lignes 3, 7 et 12" */
export function describeLines(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return `ligne ${lines[0]}`;
  return `lignes ${lines.slice(0, -1).join(', ')} et ${lines[lines.length - 1]}`;
}
