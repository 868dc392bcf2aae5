// Types of the figures stage: the long-format figure record shared with indicateurs.csv, the
// figure set handed to the report, consistency findings and the published (suppressed) view.
import type { CategoryExtensions, DataIssue, IngestReport, RowSink } from '../ingest/index.js';
import type { MaskReason } from '../shared/secrecy-marks.js';

/** Where a figure comes from: computed from a raw file, or read from an indicateurs file line. */
export type FigureSource = { kind: 'donnees'; file: string } | { kind: 'indicateurs'; file: string; line: number };

/**
 * One figure, in the same long format as `indicateurs.csv`. A total has empty `dimension` and
 * `modalite`; a breakdown cell has both (`trod.tests`, 2023, `depistage`, `VIH`, 73).
 */
export interface Figure {
  indicateur: string;
  annee: number;
  /** '' for a total. */
  dimension: string;
  /** '' for a total; canonical value for closed lists (`negatif`), first-seen spelling for free text, `2023-01` for months. */
  modalite: string;
  valeur: number;
  /** `personnes`, `€`, `%`, `tests`… */
  unite: string;
  /** French label of the indicator (the same for every cell of it). */
  libelle: string;
  /** French label of the modalite (`Négatif`, `janvier 2023`, `Non renseigné`); undefined for a total. */
  libelleModalite?: string;
  source: FigureSource;
}

/** Change of a figure of year N against N−1. */
export interface Evolution {
  precedent: number;
  /** N − (N−1), in the figure's unit (points for a percentage). */
  absolue: number;
  /** Relative change in percent (65.2 for +65,2 %), or 'nouveau' when N−1 is 0 and N is not. */
  relative: number | 'nouveau';
}

export interface SeriesPoint {
  annee: number;
  valeur: number;
}

export type FindingSeverity = 'info' | 'warning';

/** A consistency finding: never blocks the build, always listed (check, method annex). */
export interface Finding {
  /** Stable machine code, e.g. `mois_manquant`, `ligne_en_double`. */
  code: string;
  severity: FindingSeverity;
  /** File name relative to the data folder. */
  file: string;
  /** Lines as a spreadsheet shows them (header = 1); empty when no line can be named (a missing month). */
  lines: number[];
  /** French sentence; never carries a person code. */
  message: string;
}

/**
 * Parent of each modalite of a breakdown (typology tables with subtotals): aid natures grouped by
 * their `categorie`. Applies to every listed indicator, for every year.
 */
export interface Hierarchy {
  indicateurs: string[];
  dimension: string;
  parentDimension: string;
  /** modalite → parent modalite (both as stored in figures). */
  parentOf: Record<string, string>;
}

/** Everything the figures stage computed. Figures cover year N and every earlier year present. */
export interface FigureSet {
  /** Report year N. */
  year: number;
  /** Years having at least one figure, ascending, all ≤ N. */
  years: number[];
  /** Sorted: indicateur, annee, dimension (totals first), modalite order. */
  figures: Figure[];
  findings: Finding[];
  /**
   * Blocking problems found while merging sources (a figure given both by raw rows and by an
   * indicateurs file, or by two indicateurs files with different values). Same shape as ingest
   * issues so `check` prints them alike; `computeFigures` throws a DataError when not empty.
   */
  errors: DataIssue[];
  hierarchies: Hierarchy[];
  /** Lookup index; use `getFigure` rather than reading it. */
  index: ReadonlyMap<string, Figure>;
  /** Cells of each breakdown in display order; use `listBreakdown` rather than reading it. */
  breakdowns: ReadonlyMap<string, readonly Figure[]>;
}

export interface CollectorOptions {
  /** Report year; default: the ingest report's year. */
  reportYear?: number;
  /**
   * Breakdowns whose modalites may overlap (multi-answer questions), exempt from the sum check:
   * a dimension name (`motif`) or `indicateur:dimension` (`accueil.personnes:motif`).
   */
  multiAnswerDimensions?: readonly string[];
  /** Config `libelles` (figure part): figure id → printed label, applied to every figure of that id. */
  labels?: Readonly<Record<string, string>>;
  /** Config `categories`: labels of added modalites, and how added TROD results count. */
  categories?: CategoryExtensions;
}

export interface FigureCollector {
  /** Plug into `ingestFolder`: receives every valid row once. */
  sink: RowSink;
  /** Builds the figure set once ingestion has finished. Throws DataError when no year is known. */
  finish(report: IngestReport): FigureSet;
}

/** Why a cell is hidden (see shared/secrecy-marks.ts). Only `seuil` says something about the value. */
export type SuppressionReason = MaskReason;

/** A figure as published: `valeur` is a string for a suppressed cell. */
export interface PublishedFigure extends Omit<Figure, 'valeur'> {
  valeur: number | string;
  masque?: SuppressionReason;
}

/** A suppressed cell, for the method annex (never carries the hidden value). */
export interface SuppressedCell {
  indicateur: string;
  annee: number;
  dimension: string;
  modalite: string;
  libelle: string;
  libelleModalite: string;
  raison: SuppressionReason;
}

export interface PublishedFigures {
  /** 0 when suppression is disabled. */
  threshold: number;
  figures: PublishedFigure[];
  suppressed: SuppressedCell[];
}
