// Types of a funder's bilan (issue 10): what the figures stage hands to render (PDF table, main
// report's funders page) and to the CSV writer. Every number comes from the published figures
// (statistical secrecy already applied); nothing here is recomputed from rows.
import type { MaskReason } from '../shared/secrecy-marks.js';

/** `resultat` (default): indicateurs de résultats; `moyens`: indicateurs de moyens. */
export type FunderIndicatorType = 'resultat' | 'moyens';

/**
 * atteint: obtained ≥ expected; non-atteint: obtained < expected; sans-cible: no target given;
 * non-disponible: no figure for the year, or hidden by statistical secrecy (never compared).
 */
export type FunderIndicatorStatus = 'atteint' | 'non-atteint' | 'sans-cible' | 'non-disponible';

/** A published value: `valeur` null when hidden (`masque` says why) or absent (no `masque`). */
export interface FunderValue {
  valeur: number | null;
  masque?: MaskReason;
}

export interface FunderIndicatorRow {
  /** The convention's wording (`libelle`), else the figure's label. */
  label: string;
  /** Figure id, and the breakdown cell when the indicator names one. */
  figureId: string;
  dimension?: string;
  modalite?: string;
  type: FunderIndicatorType;
  /** Unit of the figure ('' for counts, '€', '%'). */
  unit: string;
  /** Expected value (`cible`); null prints « — ». */
  expected: number | null;
  /** Year N, as published. */
  obtained: FunderValue;
  /** Year N−1, as published; null when the data has no N−1 at all. */
  previous: FunderValue | null;
  /** obtained / expected × 100 rounded to the unit; null without target, value or when hidden. */
  rate: number | null;
  status: FunderIndicatorStatus;
}

export interface FunderBilan {
  /** `[a-z0-9-]+`, used in file names: `sortie/financeurs/<id>-<N>.pdf`. */
  id: string;
  nom: string;
  role?: string;
  action?: string;
  convention?: string;
  year: number;
  /** Rows in config order; render groups them by type (résultats, then moyens). */
  rows: FunderIndicatorRow[];
  /** The funder's own Markdown sections (paths as written in rapport.yaml, resolved by config). */
  sections: string[];
  /** Input files the rows' figures come from, with their period, for the method note. */
  sources: { file: string; period: string }[];
  /** Confidentiality threshold applied (0: none). */
  threshold: number;
}
