// Facts for the methodology annex, taken from the ingest report and the figures stage.
import type { FigureSet, PublishedFigures } from '../figures/index.js';
import type { IngestReport } from '../ingest/index.js';
import type { AnnexInfo } from '../render/types.js';
import { formatDateFr } from '../shared/dates.js';

function describeLines(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const shown = lines.slice(0, 6).join(', ');
  return lines.length > 6 ? `lignes ${shown}…` : lines.length > 1 ? `lignes ${shown}` : `ligne ${shown}`;
}

export function describeAnnex(report: IngestReport, set: FigureSet, published: PublishedFigures, version: string, now: Date | undefined): AnnexInfo {
  const sources = report.files
    .filter((file) => file.dataset !== null)
    .map((file) => {
      const years = Object.keys(file.years).sort();
      const period =
        file.firstDate && file.lastDate
          ? `du ${formatDateFr(file.firstDate)} au ${formatDateFr(file.lastDate)}`
          : years.length > 0
            ? `années ${years.join(', ')}`
            : '—';
      return { file: file.file, rows: file.rowsValid, period, refused: file.refused };
    });
  const checks = [
    ...report.warnings
      .filter((warning) => warning.code === 'ligne_total_ignoree')
      .map((warning) => ({ severity: 'info', message: warning.message.charAt(0).toUpperCase() + warning.message.slice(1), place: `${warning.file}${warning.line ? `, ligne ${warning.line}` : ''}` })),
    ...set.findings.map((finding) => ({
      severity: finding.severity,
      message: finding.message.charAt(0).toUpperCase() + finding.message.slice(1),
      // Findings name their lines in the message already.
      place: /ligne/.test(finding.message) ? finding.file : [finding.file, describeLines(finding.lines)].filter(Boolean).join(', '),
    })),
  ];
  const suppressed = published.suppressed
    .filter((cell) => cell.annee === set.year)
    .map((cell) => ({ label: `${cell.libelle} — ${cell.libelleModalite}`, year: cell.annee, reason: cell.raison }));
  return { sources, checks, suppressed, threshold: published.threshold, ...(now !== undefined && { generatedAt: now }), version };
}
