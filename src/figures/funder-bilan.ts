// Per-funder bilans (issue 10): each convention indicator read from the PUBLISHED figures
// (statistical secrecy applied), year N against the expected value, and N−1. Pure: the config's
// funders and the published figures in, FunderBilan[] out; nothing is recomputed from rows.
import { normalizeHeader } from '../shared/normalize.js';
import { suggestClosest } from '../shared/suggest.js';
import type { FunderBilan, FunderIndicatorRow, FunderIndicatorStatus, FunderIndicatorType, FunderValue } from './funder-bilan-types.js';
import type { Figure, PublishedFigure, PublishedFigures } from './types.js';

/** One indicator as the config gives it (structural: the config stage's type fits). */
export interface FunderIndicatorInput {
  chiffre: string;
  dimension?: string;
  modalite?: string;
  libelle?: string | undefined;
  cible: number | null;
  type: FunderIndicatorType;
}

export interface FunderInput {
  id?: string | undefined;
  nom: string;
  role?: string | undefined;
  action?: string | undefined;
  convention?: string | undefined;
  indicateurs: readonly FunderIndicatorInput[];
  sections: readonly string[];
}

/** What locating a cell needs of a figure; raw and published figures both fit. */
type CellOf = Pick<Figure, 'indicateur' | 'dimension' | 'modalite' | 'libelleModalite'>;

/** Why an indicator names nothing in the figures, with what is known instead. */
export interface FunderIndicatorProblem {
  funder: number;
  indicator: number;
  kind: 'chiffre' | 'dimension' | 'modalite';
  /** The unknown value as written. */
  value: string;
  closest?: string;
  known: string[];
}

type Resolution = { ok: true; modalite: string } | { ok: false; problem: Omit<FunderIndicatorProblem, 'funder' | 'indicator'> };

/**
 * The stored modalite an indicator names: the same spelling, else the same ignoring case and
 * accents (as the section helpers do), else its printed label (`Chèques de service`).
 */
function resolveCell(cells: readonly CellOf[], indicator: FunderIndicatorInput): Resolution {
  const ofFigure = cells.filter((cell) => cell.indicateur === indicator.chiffre);
  if (ofFigure.length === 0) {
    const ids = [...new Set(cells.map((cell) => cell.indicateur))];
    const closest = suggestClosest(indicator.chiffre, ids);
    return { ok: false, problem: { kind: 'chiffre', value: indicator.chiffre, ...(closest !== undefined && { closest }), known: [] } };
  }
  if (indicator.dimension === undefined || indicator.modalite === undefined) return { ok: true, modalite: '' };
  const dimensions = [...new Set(ofFigure.map((cell) => cell.dimension).filter((d) => d !== ''))];
  if (!dimensions.includes(indicator.dimension)) {
    const closest = suggestClosest(indicator.dimension, dimensions);
    return { ok: false, problem: { kind: 'dimension', value: indicator.dimension, ...(closest !== undefined && { closest }), known: dimensions } };
  }
  const inBreakdown = ofFigure.filter((cell) => cell.dimension === indicator.dimension);
  const modalites = [...new Set(inBreakdown.map((cell) => cell.modalite))];
  const wanted = indicator.modalite;
  const key = normalizeHeader(wanted);
  const found =
    modalites.find((m) => m === wanted) ??
    modalites.find((m) => normalizeHeader(m) === key) ??
    inBreakdown.find((cell) => cell.libelleModalite !== undefined && normalizeHeader(cell.libelleModalite) === key)?.modalite;
  if (found !== undefined) return { ok: true, modalite: found };
  const closest = suggestClosest(wanted, modalites);
  return { ok: false, problem: { kind: 'modalite', value: wanted, ...(closest !== undefined && { closest }), known: modalites } };
}

/** Indicators naming an unknown figure, breakdown or modalite (any year of the data). */
export function findFunderIndicatorProblems(funders: readonly FunderInput[], figures: readonly CellOf[]): FunderIndicatorProblem[] {
  const problems: FunderIndicatorProblem[] = [];
  for (const [funder, entry] of funders.entries()) {
    for (const [indicator, item] of entry.indicateurs.entries()) {
      const resolution = resolveCell(figures, item);
      if (!resolution.ok) problems.push({ funder, indicator, ...resolution.problem });
    }
  }
  return problems;
}

export interface BuildFunderBilansOptions {
  /** Report year N. */
  year: number;
  /** Input files with their period (the annex's `sources`), for the method note. */
  sources?: readonly { file: string; period: string }[];
}

const keyOf = (id: string, year: number, dimension: string, modalite: string) => `${id}\u0000${year}\u0000${dimension}\u0000${modalite}`;

function toValue(figure: PublishedFigure | undefined): FunderValue {
  if (figure === undefined) return { valeur: null };
  // A hidden cell carries its mark as text, never its value.
  if (figure.masque !== undefined || typeof figure.valeur !== 'number') return { valeur: null, ...(figure.masque !== undefined && { masque: figure.masque }) };
  return { valeur: figure.valeur };
}

/** obtained / expected × 100 rounded to the unit (72.6 → 73); the 12-digit pass drops float noise (72.49999…). */
export function computeRate(obtained: number, expected: number): number {
  return Math.round(Number(((obtained * 100) / expected).toPrecision(12)));
}

function statusOf(expected: number | null, obtained: FunderValue): FunderIndicatorStatus {
  if (expected === null) return 'sans-cible';
  if (obtained.valeur === null) return 'non-disponible';
  return obtained.valeur >= expected ? 'atteint' : 'non-atteint';
}

/** Only money and rates keep their unit: counts print bare, as in the convention. */
function unitOf(unite: string): string {
  return unite === '€' || unite === '%' ? unite : '';
}

/**
 * One bilan per funder with an id and at least one indicator, in config order. Indicators must
 * have been checked (findFunderIndicatorProblems): one naming nothing reads « non disponible ».
 */
export function buildFunderBilans(funders: readonly FunderInput[], published: PublishedFigures, options: BuildFunderBilansOptions): FunderBilan[] {
  const { year } = options;
  const index = new Map<string, PublishedFigure>();
  for (const figure of published.figures) index.set(keyOf(figure.indicateur, figure.annee, figure.dimension, figure.modalite), figure);
  const hasPrevious = published.figures.some((figure) => figure.annee === year - 1);
  const periods = new Map((options.sources ?? []).map((source) => [source.file, source.period]));
  const bilans: FunderBilan[] = [];
  for (const funder of funders) {
    if (funder.id === undefined || funder.indicateurs.length === 0) continue;
    const used = new Set<string>();
    const rows = funder.indicateurs.map((indicator): FunderIndicatorRow => {
      const resolution = resolveCell(published.figures, indicator);
      const dimension = resolution.ok && indicator.dimension !== undefined ? indicator.dimension : '';
      const modalite = resolution.ok ? resolution.modalite : '';
      const current = index.get(keyOf(indicator.chiffre, year, dimension, modalite));
      const before = index.get(keyOf(indicator.chiffre, year - 1, dimension, modalite));
      // Label and unit from whichever year has the cell (a figure may be absent in N).
      const any = current ?? before ?? published.figures.find((f) => f.indicateur === indicator.chiffre && f.dimension === dimension && f.modalite === modalite);
      for (const figure of [current, before]) if (figure !== undefined) used.add(figure.source.file);
      const obtained = toValue(current);
      const expected = indicator.cible;
      const cellLabel = dimension === '' ? '' : ` — ${any?.libelleModalite ?? modalite}`;
      return {
        label: indicator.libelle ?? `${any?.libelle ?? indicator.chiffre}${cellLabel}`,
        figureId: indicator.chiffre,
        ...(dimension !== '' && { dimension, modalite }),
        type: indicator.type,
        unit: unitOf(any?.unite ?? ''),
        expected,
        obtained,
        previous: hasPrevious ? toValue(before) : null,
        rate: expected !== null && expected > 0 && obtained.valeur !== null ? computeRate(obtained.valeur, expected) : null,
        status: statusOf(expected, obtained),
      };
    });
    bilans.push({
      id: funder.id,
      nom: funder.nom,
      ...(funder.role !== undefined && { role: funder.role }),
      ...(funder.action !== undefined && { action: funder.action }),
      ...(funder.convention !== undefined && { convention: funder.convention }),
      year,
      rows,
      sections: [...funder.sections],
      sources: [...used].sort((a, b) => a.localeCompare(b, 'fr')).map((file) => ({ file, period: periods.get(file) ?? '—' })),
      threshold: published.threshold,
    });
  }
  return bilans;
}
