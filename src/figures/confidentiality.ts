// Statistical secrecy of published outputs: small cells of breakdowns hidden, plus a second
// cell where the total would give the first away. Totals are never hidden.
import { CATALOGUE, CROSS, isConfidentialCell } from './catalogue.js';
import { figureKey, getFigure } from './lookup.js';
import type { Figure, FigureSet, PublishedFigure, PublishedFigures, SuppressedCell, SuppressionReason } from './types.js';

export const SECRET = 'secret';

/** How a hidden cell is printed: `< 3` for a small count, `secret` otherwise. */
export function maskOf(reason: SuppressionReason, threshold: number): string {
  return reason === 'seuil' ? `< ${threshold}` : SECRET;
}

/** Cells that add up to a published figure: a breakdown and its total, a row of a crossed table and its margin. */
interface Group {
  cells: Figure[];
  total: Figure | undefined;
}

function groupsOf(set: FigureSet, cells: readonly Figure[]): Group[] {
  const first = cells[0] as Figure;
  const groups: Group[] = [{ cells: [...cells], total: getFigure(set, first.indicateur, first.annee) }];
  if (!first.dimension.includes(CROSS)) return groups;
  // A crossed table (age × gender) also adds up along each row and column to its margins.
  first.dimension.split(CROSS).forEach((dimension, part) => {
    const byValue = new Map<string, Figure[]>();
    for (const cell of cells) {
      const value = cell.modalite.split(CROSS)[part] ?? '';
      byValue.set(value, [...(byValue.get(value) ?? []), cell]);
    }
    for (const [value, members] of byValue) {
      groups.push({ cells: members, total: getFigure(set, first.indicateur, first.annee, dimension, value) });
    }
  });
  return groups;
}

/**
 * True when the hidden cells of a group could be worked out from the published total: a single
 * hidden cell, or small cells (each in [1, threshold − 1]) all at the low or the high end (two
 * cells summing to 2 are both 1). A secondary cell has no known range: with it, no exact value.
 */
function isRecoverable(hidden: readonly { value: number; reason: SuppressionReason }[], threshold: number): boolean {
  if (hidden.length === 1) return true;
  if (hidden.some((cell) => cell.reason !== 'seuil')) return false;
  const sum = hidden.reduce((acc, cell) => acc + cell.value, 0);
  return sum === hidden.length || sum === hidden.length * (threshold - 1);
}

export function applyConfidentiality(set: FigureSet, threshold: number): PublishedFigures {
  const hidden = new Map<string, SuppressionReason>();
  const keyOf = (figure: Figure) => figureKey(figure.indicateur, figure.annee, figure.dimension, figure.modalite);
  if (threshold > 0) {
    const groups: Group[] = [];
    for (const cells of set.breakdowns.values()) {
      const first = cells[0];
      if (first === undefined || !isConfidentialCell(first.indicateur, first.dimension, first.unite)) continue;
      for (const cell of cells) if (cell.valeur > 0 && cell.valeur < threshold) hidden.set(keyOf(cell), 'seuil');
      groups.push(...groupsOf(set, cells));
    }
    // Hiding a partner in a row may expose a column of a crossed table: repeat until stable.
    for (let changed = true; changed; ) {
      changed = false;
      for (const { cells, total } of groups) {
        if (total === undefined || hidden.has(keyOf(total))) continue;
        const hiddenCells = cells.flatMap((cell) => {
          const reason = hidden.get(keyOf(cell));
          return reason === undefined ? [] : [{ value: cell.valeur, reason }];
        });
        if (hiddenCells.length === 0 || !isRecoverable(hiddenCells, threshold)) continue;
        // The smallest other non-zero cell: hides the least information that still protects.
        let partner: Figure | undefined;
        for (const cell of cells) {
          if (cell.valeur <= 0 || hidden.has(keyOf(cell))) continue;
          if (partner === undefined || cell.valeur < partner.valeur) partner = cell;
        }
        if (partner === undefined) continue;
        hidden.set(keyOf(partner), 'secondaire');
        changed = true;
      }
    }
    // Rates and amounts follow the count they are computed from (taux de positivité, montant).
    for (const figure of set.figures) {
      const base = CATALOGUE[figure.indicateur]?.base;
      if (base === undefined || figure.dimension === '') continue;
      const bases: readonly string[] = typeof base === 'string' ? [base] : base;
      if (bases.some((id) => hidden.has(figureKey(id, figure.annee, figure.dimension, figure.modalite)))) hidden.set(keyOf(figure), 'associee');
    }
  }
  const figures: PublishedFigure[] = [];
  const suppressed: SuppressedCell[] = [];
  for (const figure of set.figures) {
    const reason = hidden.get(keyOf(figure));
    if (reason === undefined) {
      figures.push(figure);
      continue;
    }
    figures.push({ ...figure, valeur: maskOf(reason, threshold), masque: reason });
    suppressed.push({
      indicateur: figure.indicateur,
      annee: figure.annee,
      dimension: figure.dimension,
      modalite: figure.modalite,
      libelle: figure.libelle,
      libelleModalite: figure.libelleModalite ?? figure.modalite,
      raison: reason,
    });
  }
  return { threshold: Math.max(0, threshold), figures, suppressed };
}
