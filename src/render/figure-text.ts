// Wording of figures in French: values with their unit, evolutions, shares, dimension names.
import { formatEuros, formatInteger, formatNumber, formatPercent } from '../shared/format.js';
import { formatMask } from '../shared/secrecy-marks.js';
import type { PublishedValue, ReportFigures } from './types.js';

const MINUS = '\u2212';

/** "73", "1 234,50 €", "50,3 %", or the mark of a hidden cell: "< 3" (small count) or "s". */
export function formatValue(value: PublishedValue, threshold: number): string {
  if (value.valeur === null) return formatMask(value.masque, threshold, { unit: value.unite });
  return formatAmount(value.valeur, value.unite);
}

export function formatAmount(amount: number, unit: string): string {
  if (unit === '€') return formatEuros(amount);
  if (unit === '%') return formatPercent(amount);
  return Number.isInteger(amount) ? formatInteger(amount) : formatNumber(amount, 1);
}

/** Relative change in percent, French: "+65 %", "−3,2 %". */
export function formatChange(relative: number): string {
  const magnitude = Math.abs(relative);
  const digits = magnitude >= 10 ? 0 : 1;
  const text = formatPercent(Number(magnitude.toFixed(digits))).replace(/,0(?=\s)/, '');
  return `${relative > 0 ? '+' : relative < 0 ? MINUS : ''}${text}`;
}

export interface Evolution {
  previousYear: number;
  previous: PublishedValue;
  /** null when N−1 is 0 ("nouveau"). */
  relative: number | null;
  absolute: number;
}

export function computeEvolution(current: PublishedValue, previous: PublishedValue | undefined): Evolution | undefined {
  if (!previous || current.valeur === null || previous.valeur === null) return undefined;
  return {
    previousYear: previous.annee,
    previous,
    absolute: current.valeur - previous.valeur,
    relative: previous.valeur === 0 ? null : ((current.valeur - previous.valeur) / previous.valeur) * 100,
  };
}

/** "+65 % par rapport à 2022 (81 051)", "stable par rapport à 2022 (12)", "nouveau en 2023". */
export function describeEvolution(current: PublishedValue, previous: PublishedValue | undefined, threshold: number): string {
  const evolution = computeEvolution(current, previous);
  // Written after « soit » in sections: it must read as a sentence without N−1 too.
  if (!evolution) return previous ? 'évolution non publiée (secret statistique)' : `sans point de comparaison en ${current.annee - 1}`;
  const before = formatValue(evolution.previous, threshold);
  if (evolution.relative === null) return current.valeur === 0 ? `stable par rapport à ${evolution.previousYear} (0)` : `nouveau par rapport à ${evolution.previousYear} (0)`;
  if (evolution.absolute === 0) return `stable par rapport à ${evolution.previousYear} (${before})`;
  return `${formatChange(evolution.relative)} par rapport à ${evolution.previousYear} (${before})`;
}

/** Tile comparison: "contre 81 051 en 2022 (+65 %)". */
export function describeComparison(current: PublishedValue, previous: PublishedValue | undefined, threshold: number): string {
  const evolution = computeEvolution(current, previous);
  if (!previous) return '';
  const before = formatValue(previous, threshold);
  if (!evolution) return `contre ${before} en ${previous.annee}`;
  return `contre ${before} en ${previous.annee} (${describeChange(current, previous) ?? ''})`;
}

/** Short change N−1 → N: "+65 %", "−3,2 %", "stable" (0 → 0 too), "nouveau" (0 → n); undefined when unknown. */
export function describeChange(current: PublishedValue, previous: PublishedValue | undefined): string | undefined {
  const evolution = computeEvolution(current, previous);
  if (!evolution) return undefined;
  if (evolution.absolute === 0) return 'stable';
  return evolution.relative === null ? 'nouveau' : formatChange(evolution.relative);
}

/** Share of a part in a whole, "50,3 %"; undefined when it cannot be computed honestly. */
export function formatShare(part: number | null, whole: number | null): string | undefined {
  if (part === null || whole === null || whole === 0) return undefined;
  return formatPercent((part / whole) * 100);
}

const DIMENSION_LABELS: Record<string, string> = {
  depistage: 'dépistage',
  resultat: 'résultat',
  tranche_age: "tranche d'âge",
  creneau: 'créneau',
  categorie: 'catégorie',
  motif_refus: 'motif de refus',
  motif_radiation: 'motif de radiation',
  origine: 'origine',
  mois: 'mois',
  genre: 'genre',
  site: 'site',
  lieu: 'lieu',
  type: 'type',
  nature: 'nature',
  forme: 'forme',
  financeur: 'financeur',
};

export function describeDimension(dimension: string): string {
  return DIMENSION_LABELS[dimension] ?? dimension.replace(/_/g, ' ');
}

const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** `2025-03` → "mars 2025" in tables. */
export function describeModalite(dimension: string, modalite: string): string {
  if (dimension === 'mois' && /^\d{4}-\d{2}$/.test(modalite)) {
    return `${MONTHS_SHORT[Number(modalite.slice(5)) - 1] ?? modalite} ${modalite.slice(0, 4)}`;
  }
  return modalite;
}

/** Year N−1 value of the same cell. */
export function previousOf(figures: ReportFigures, value: PublishedValue): PublishedValue | undefined {
  return figures.get(value.indicateur, value.annee - 1, value.dimension || undefined, value.modalite || undefined);
}
