// Export of figures: CSV in the long format of indicateurs.csv (French Excel, re-readable as
// history by ingestion) and JSON with evolutions. Same input → byte-identical output.
import { compareFigures } from './build-set.js';
import { figureKey, getEvolution, getSeries } from './lookup.js';
import type { Figure, FigureSet, Finding, PublishedFigure, PublishedFigures } from './types.js';

export const CSV_COLUMNS = ['indicateur', 'annee', 'dimension', 'modalite', 'valeur', 'unite', 'libelle'] as const;

/**
 * First line of a `--complet` export. Ingestion skips lines starting with `#` before the header;
 * it holds no `;`, `,` nor tab so separator detection is not misled.
 */
export const COMPLETE_NOTICE = '# CHIFFRES COMPLETS NON MASQUÉS (secret statistique non appliqué) : usage interne uniquement - ne pas diffuser';

export interface ExportOptions {
  /** Unsuppressed values: the export says so in its first line (CSV) or its metadata (JSON). */
  complete: boolean;
}

// Machine-readable: decimal comma for French Excel, but no thousands separator, which Excel
// would take for text.
export const csvNumber = new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 6 });

/** A text cell: formula-like starts neutralized (CSV injection), quoted when needed. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvValue(value: number | string): string {
  return typeof value === 'number' ? csvNumber.format(value) : csvText(value);
}

export function formatFiguresCsv(records: readonly (Figure | PublishedFigure)[], options: ExportOptions): string {
  const lines: string[] = [];
  if (options.complete) lines.push(COMPLETE_NOTICE);
  lines.push(CSV_COLUMNS.join(';'));
  for (const record of [...records].sort(compareFigures)) {
    lines.push(
      [record.indicateur, String(record.annee), csvText(record.dimension), csvText(record.modalite), csvValue(record.valeur), csvText(record.unite), csvText(record.libelle)].join(';'),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function describeSource(figure: Figure | PublishedFigure): string {
  return figure.source.kind === 'indicateurs' ? `${figure.source.file}:${figure.source.line}` : figure.source.file;
}

function exportFinding(finding: Finding) {
  return { code: finding.code, gravite: finding.severity, fichier: finding.file, lignes: finding.lines, message: finding.message };
}

/**
 * JSON export: the published records (or all values when `complete`), each with its change
 * against N−1 and, for year N, its three-year series. A change is left out when either year's
 * cell is hidden: the difference would give the hidden value away.
 */
export function formatFiguresJson(set: FigureSet, view: PublishedFigures, options: ExportOptions): string {
  const masked = new Set(
    view.figures.filter((figure) => figure.masque !== undefined).map((f) => figureKey(f.indicateur, f.annee, f.dimension, f.modalite)),
  );
  const isMasked = (figure: Figure, annee: number) => masked.has(figureKey(figure.indicateur, annee, figure.dimension, figure.modalite));
  const original = new Map(set.figures.map((figure) => [figureKey(figure.indicateur, figure.annee, figure.dimension, figure.modalite), figure]));
  const chiffres = [...view.figures].sort(compareFigures).map((record) => {
    const figure = original.get(figureKey(record.indicateur, record.annee, record.dimension, record.modalite));
    const entry: Record<string, unknown> = {
      indicateur: record.indicateur,
      annee: record.annee,
      dimension: record.dimension,
      modalite: record.modalite,
      valeur: record.valeur,
      unite: record.unite,
      libelle: record.libelle,
    };
    if (record.libelleModalite !== undefined) entry.libelle_modalite = record.libelleModalite;
    if (record.masque !== undefined) entry.masque = record.masque;
    entry.source = describeSource(record);
    if (figure !== undefined && record.masque === undefined && !isMasked(figure, figure.annee - 1)) {
      const evolution = getEvolution(set, figure);
      if (evolution !== undefined) entry.evolution = evolution;
      if (figure.annee === set.year) {
        const serie = getSeries(set, figure).filter((point) => !isMasked(figure, point.annee));
        if (serie.length >= 2) entry.serie = serie;
      }
    }
    return entry;
  });
  const document = {
    format: 'rapport-chiffres',
    version: 1,
    annee: set.year,
    annees: set.years,
    complet: options.complete,
    ...(options.complete && { avertissement: 'Chiffres complets non masqués (secret statistique non appliqué) : usage interne uniquement, ne pas diffuser.' }),
    secret_statistique: {
      seuil: options.complete ? 0 : view.threshold,
      cellules_masquees: view.suppressed,
    },
    chiffres,
    constats: set.findings.map(exportFinding),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
