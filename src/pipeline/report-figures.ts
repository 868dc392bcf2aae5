// Adapts the figures stage's output to what the render stage reads: published values only
// (confidentiality applied), breakdowns in a display order, modalite labels, typology parents.
import { getFigure, listBreakdown, type FigureSet, type PublishedFigure, type PublishedFigures } from '../figures/index.js';
import type { PublishedValue, ReportFigures } from '../render/types.js';

const NOT_GIVEN = 'non_renseigne';

function keyOf(id: string, year: number, dimension = '', modalite = ''): string {
  return `${id}\u0000${year}\u0000${dimension}\u0000${modalite}`;
}

function toValue(figure: PublishedFigure): PublishedValue {
  return {
    indicateur: figure.indicateur,
    annee: figure.annee,
    dimension: figure.dimension,
    modalite: figure.modalite,
    ...(figure.libelleModalite !== undefined && { label: figure.libelleModalite }),
    valeur: typeof figure.valeur === 'number' ? figure.valeur : null,
    ...(figure.masque !== undefined && { masque: figure.masque }),
    unite: figure.unite,
    libelle: figure.libelle,
  };
}

/** Lower bound of an age band or other numeric class: `18-24 ans` → 18, `Moins de 18 ans` → -1. */
function classStart(label: string): number | undefined {
  const match = /(\d+)/.exec(label);
  if (!match) return undefined;
  return /^\s*(?:moins|<|-\s*de)/i.test(label) ? -1 : Number(match[1]);
}

/**
 * Display order: months and closed lists as they come; numeric classes (age bands, also when
 * crossed: `18-24 ans › Femme`) in ascending order; other free texts largest first.
 */
function sortCells(cells: PublishedValue[], dimension: string): PublishedValue[] {
  const closed = cells.some((cell) => cell.label !== undefined && cell.label !== cell.modalite && cell.modalite !== NOT_GIVEN);
  if (dimension === 'mois' || closed) return cells;
  const given = cells.filter((cell) => cell.modalite !== NOT_GIVEN);
  if (given.length > 0 && given.every((cell) => classStart(cell.modalite) !== undefined)) {
    return [...cells].sort((a, b) => {
      if (a.modalite === NOT_GIVEN) return 1;
      if (b.modalite === NOT_GIVEN) return -1;
      return (classStart(a.modalite) ?? 0) - (classStart(b.modalite) ?? 0) || a.modalite.localeCompare(b.modalite, 'fr');
    });
  }
  return [...cells].sort((a, b) => {
    if (a.modalite === NOT_GIVEN) return 1;
    if (b.modalite === NOT_GIVEN) return -1;
    return (b.valeur ?? 0) - (a.valeur ?? 0) || a.modalite.localeCompare(b.modalite, 'fr');
  });
}

/**
 * `sourceOrder`: figure ids in the order the data gives them (maraudes counters in the file's
 * column order): the figure set itself is sorted by id, which would order tiles alphabetically.
 */
export function createReportFigures(set: FigureSet, published: PublishedFigures, sourceOrder: readonly string[] = []): ReportFigures {
  const index = new Map<string, PublishedValue>();
  const breakdowns = new Map<string, PublishedValue[]>();
  const dimensions = new Map<string, Set<string>>();
  const ids: string[] = [];
  for (const figure of published.figures) {
    const value = toValue(figure);
    index.set(keyOf(figure.indicateur, figure.annee, figure.dimension, figure.modalite), value);
    if (!dimensions.has(figure.indicateur)) {
      dimensions.set(figure.indicateur, new Set());
      ids.push(figure.indicateur);
    }
    if (figure.dimension !== '') {
      dimensions.get(figure.indicateur)?.add(figure.dimension);
      const key = keyOf(figure.indicateur, figure.annee, figure.dimension);
      const cells = breakdowns.get(key);
      if (cells) cells.push(value);
      else breakdowns.set(key, [value]);
    }
  }
  const sorted = new Map<string, PublishedValue[]>();
  for (const [key, cells] of breakdowns) sorted.set(key, sortCells(cells, cells[0]?.dimension ?? ''));
  const parents = new Map<string, Map<string, string>>();
  const parentDimensions = new Map<string, string>();
  for (const hierarchy of set.hierarchies) {
    for (const id of hierarchy.indicateurs) {
      parents.set(`${id}\u0000${hierarchy.dimension}`, new Map(Object.entries(hierarchy.parentOf)));
      parentDimensions.set(`${id}\u0000${hierarchy.dimension}`, hierarchy.parentDimension);
    }
  }
  const subtotal = (id: string, dimension: string, year: number, parent: string): PublishedValue | undefined => {
    const parentOf = parents.get(`${id}\u0000${dimension}`);
    const parentDimension = parentDimensions.get(`${id}\u0000${dimension}`);
    if (parentOf === undefined || parentDimension === undefined) return undefined;
    const children = listBreakdown(set, id, year, dimension).filter((cell) => (parentOf.get(cell.modalite) ?? 'Autres') === parent);
    if (children.length === 0) return undefined;
    const sum = children.reduce((acc, cell) => acc + cell.valeur, 0);
    const own = getFigure(set, id, year, parentDimension, parent);
    const published = own && Math.abs(own.valeur - sum) < 0.005 ? index.get(keyOf(own.indicateur, year, own.dimension, own.modalite)) : undefined;
    const base = { indicateur: id, annee: year, dimension: parentDimension, modalite: parent, label: parent, unite: children[0]?.unite ?? '', libelle: children[0]?.libelle ?? id };
    // The parent's own cell is the same number: same value, or hidden with « s » (never « < 3 »: a subtotal is a total).
    if (published !== undefined) return published.valeur === null ? { ...base, valeur: null, masque: 'secondaire' } : { ...base, valeur: published.valeur };
    // A nature filed under two categories: the group's sum, published only when all its cells are.
    const cells = children.map((cell) => index.get(keyOf(id, year, dimension, cell.modalite)));
    return cells.some((cell) => cell?.valeur == null) ? { ...base, valeur: null, masque: 'secondaire' } : { ...base, valeur: sum };
  };
  return {
    year: set.year,
    threshold: published.threshold,
    get: (id, year, dimension, modalite) => index.get(keyOf(id, year, dimension ?? '', modalite ?? '')),
    breakdown: (id, dimension, year) => sorted.get(keyOf(id, year, dimension)) ?? [],
    ids: () => ids,
    dimensions: (id) => [...(dimensions.get(id) ?? [])],
    parents: (id, dimension) => parents.get(`${id}\u0000${dimension}`),
    sourceOrder: () => sourceOrder,
    subtotal,
  };
}
