// Reading a figure set: one value, a breakdown, the change against N−1, a three-year series.
// Dimensions match like headers (`Tranche d'âge` = `tranche_age`), modalites like values
// (case and accents ignored, canonical value or printed label).
import { headerKey, valueKey } from '../shared/normalize.js';
import { isRatio } from './catalogue.js';
import type { Evolution, Figure, FigureSet, SeriesPoint } from './types.js';

const SEPARATOR = '\u0000';

export function breakdownKey(indicateur: string, annee: number, dimension: string): string {
  return `${indicateur}${SEPARATOR}${annee}${SEPARATOR}${dimension === '' ? '' : headerKey(dimension)}`;
}

/** Lookup key of a figure; two figures with the same key are the same figure. */
export function figureKey(indicateur: string, annee: number, dimension = '', modalite = ''): string {
  return `${breakdownKey(indicateur, annee, dimension)}${SEPARATOR}${valueKey(modalite)}`;
}

/** The figure, or undefined. A total when `dimension` is omitted. */
export function getFigure(set: FigureSet, indicateur: string, annee: number, dimension?: string, modalite?: string): Figure | undefined {
  return set.index.get(figureKey(indicateur, annee, dimension ?? '', modalite ?? ''));
}

/** Cells of one breakdown in display order (closed lists in their order, months in time order, "Non renseigné" last). */
export function listBreakdown(set: FigureSet, indicateur: string, annee: number, dimension: string): readonly Figure[] {
  return set.breakdowns.get(breakdownKey(indicateur, annee, dimension)) ?? [];
}

/** Dimensions a figure is broken down by in a year. */
export function listDimensions(set: FigureSet, indicateur: string, annee: number): string[] {
  const dimensions = new Set<string>();
  for (const figure of set.figures) {
    if (figure.indicateur === indicateur && figure.annee === annee && figure.dimension !== '') dimensions.add(figure.dimension);
  }
  return [...dimensions];
}

/** Value of the same figure in `annee`, counting a modalite absent from an existing breakdown as 0. */
function valueIn(set: FigureSet, figure: Figure, annee: number): number | undefined {
  const same = set.index.get(figureKey(figure.indicateur, annee, figure.dimension, figure.modalite));
  if (same !== undefined) return same.valeur;
  // A site visited this year only had 0 sessions last year; a rate absent last year was not 0.
  if (figure.dimension !== '' && !isRatio(figure.indicateur, figure.unite) && set.breakdowns.has(breakdownKey(figure.indicateur, annee, figure.dimension))) {
    return 0;
  }
  return undefined;
}

/** Change against the previous year, or undefined when the previous year has no value. */
export function getEvolution(set: FigureSet, figure: Figure): Evolution | undefined {
  const previous = valueIn(set, figure, figure.annee - 1);
  if (previous === undefined) return undefined;
  // Rounded so that 12,3 − 10,1 prints 2,2 and not 2,200000000000001.
  const absolue = Math.round((figure.valeur - previous) * 1e6) / 1e6;
  const relative = previous === 0 ? (figure.valeur === 0 ? 0 : 'nouveau') : (absolue / previous) * 100;
  return { precedent: previous, absolue, relative };
}

/** Values of the figure for the `length` years ending with its own year, where present, oldest first. */
export function getSeries(set: FigureSet, figure: Figure, length = 3): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let annee = figure.annee - length + 1; annee <= figure.annee; annee += 1) {
    const valeur = annee === figure.annee ? figure.valeur : valueIn(set, figure, annee);
    if (valeur !== undefined) points.push({ annee, valeur });
  }
  return points;
}
