// Every published sum, as linear constraints between figures: what a reader of the published
// figures knows about the hidden ones. Statistical secrecy (confidentiality.ts) chooses hidden
// cells until none can be worked out from these constraints.
import { headerKey } from '../shared/normalize.js';
import { CROSS, isConfidentialCell, SECRECY_LINKS } from './catalogue.js';
import { breakdownKey, figureKey, getFigure } from './lookup.js';
import type { Figure, FigureSet } from './types.js';

/** Σ coef × value (= 0 for `eq`, ≥ 0 for `ge`); terms are figure keys. */
export interface SecrecyConstraint {
  annee: number;
  kind: 'eq' | 'ge';
  terms: Map<string, number>;
}

export interface SecrecySystem {
  constraints: SecrecyConstraint[];
  /** True value of every figure named in a constraint. */
  values: Map<string, number>;
  /** Figures that may be hidden: breakdown cells of confidential counts (never totals). */
  maskable: Set<string>;
  /** Figure key → its breakdown key (indicateur, année, dimension), for masking a whole breakdown. */
  breakdownOf: Map<string, string>;
}

export const keyOf = (figure: Pick<Figure, 'indicateur' | 'annee' | 'dimension' | 'modalite'>): string =>
  figureKey(figure.indicateur, figure.annee, figure.dimension, figure.modalite);

/** `motif` (any figure) or `accueil.motifs:motif`, as in config `reponses_multiples`. */
export function isMultiAnswer(declared: readonly string[], indicateur: string, dimension: string): boolean {
  return dimension.split(CROSS).some((part) => {
    const key = headerKey(part);
    return declared.some((entry) => {
      const colon = entry.indexOf(':');
      const id = colon < 0 ? undefined : entry.slice(0, colon).trim();
      return headerKey(colon < 0 ? entry : entry.slice(colon + 1)) === key && (id === undefined || id === indicateur);
    });
  });
}

class SystemBuilder {
  readonly system: SecrecySystem = { constraints: [], values: new Map(), maskable: new Set(), breakdownOf: new Map() };

  /** Parts add up to the whole (`ge` when several answers are possible: parts ≥ whole ≥ each part). */
  sum(annee: number, parts: readonly Figure[], whole: Figure | undefined, multi: boolean): void {
    if (whole === undefined || parts.length === 0) return;
    const terms = new Map<string, number>();
    for (const part of parts) this.add(terms, part, 1);
    this.add(terms, whole, -1);
    this.push({ annee, kind: multi ? 'ge' : 'eq', terms });
    if (multi) for (const part of parts) this.atMost(annee, [part], whole);
  }

  /** Σ parts ≤ whole. */
  atMost(annee: number, parts: readonly Figure[], whole: Figure): void {
    const terms = new Map<string, number>();
    this.add(terms, whole, 1);
    for (const part of parts) this.add(terms, part, -1);
    this.push({ annee, kind: 'ge', terms });
  }

  equal(annee: number, a: Figure, b: Figure): void {
    const terms = new Map<string, number>();
    this.add(terms, a, 1);
    this.add(terms, b, -1);
    this.push({ annee, kind: 'eq', terms });
  }

  private add(terms: Map<string, number>, figure: Figure, coef: number): void {
    const key = keyOf(figure);
    terms.set(key, (terms.get(key) ?? 0) + coef);
    this.system.values.set(key, figure.valeur);
  }

  /**
   * Kept only when the true values satisfy it: a hand-typed indicateurs file whose parts do not
   * add up, or history with hidden cells left out, states no identity a reader could use.
   */
  private push(constraint: SecrecyConstraint): void {
    let residual = 0;
    let scale = 1;
    for (const [key, coef] of constraint.terms) {
      const value = this.system.values.get(key) ?? 0;
      residual += coef * value;
      scale = Math.max(scale, Math.abs(value));
    }
    const tolerance = 1e-6 * scale;
    if (constraint.kind === 'eq' ? Math.abs(residual) > tolerance : residual < -tolerance) return;
    this.system.constraints.push(constraint);
  }
}

/**
 * Constraints of every year: each confidential breakdown and its total, rows and columns of a
 * crossed breakdown and their margins, typology groups and their parent cell (aid natures and
 * their category), and the catalogue's links between figures (`SECRECY_LINKS`).
 */
export function buildSecrecySystem(set: FigureSet, multiAnswer: readonly string[] = []): SecrecySystem {
  const builder = new SystemBuilder();
  const { system } = builder;
  for (const [breakdown, cells] of set.breakdowns) {
    const first = cells[0];
    if (first === undefined || !isConfidentialCell(first.indicateur, first.dimension, first.unite)) continue;
    const { indicateur, annee, dimension } = first;
    for (const cell of cells) {
      system.maskable.add(keyOf(cell));
      system.breakdownOf.set(keyOf(cell), breakdown);
      system.values.set(keyOf(cell), cell.valeur);
    }
    const multi = isMultiAnswer(multiAnswer, indicateur, dimension);
    builder.sum(annee, cells, getFigure(set, indicateur, annee), multi);
    if (!dimension.includes(CROSS)) continue;
    // Each row and each column of a crossed table adds up to a cell of a single breakdown.
    dimension.split(CROSS).forEach((part, index) => {
      const lines = new Map<string, Figure[]>();
      for (const cell of cells) {
        const value = cell.modalite.split(CROSS)[index] ?? '';
        const line = lines.get(value);
        if (line === undefined) lines.set(value, [cell]);
        else line.push(cell);
      }
      for (const [value, line] of lines) builder.sum(annee, line, getFigure(set, indicateur, annee, part, value), multi);
    });
  }
  for (const hierarchy of set.hierarchies) {
    for (const indicateur of hierarchy.indicateurs) {
      for (const annee of set.years) {
        const groups = new Map<string, Figure[]>();
        for (const cell of set.breakdowns.get(breakdownKey(indicateur, annee, hierarchy.dimension)) ?? []) {
          if (!isConfidentialCell(cell.indicateur, cell.dimension, cell.unite)) break;
          const parent = hierarchy.parentOf[cell.modalite] ?? hierarchy.parentOf[cell.libelleModalite ?? ''];
          if (parent === undefined) continue;
          const group = groups.get(parent);
          if (group === undefined) groups.set(parent, [cell]);
          else group.push(cell);
        }
        for (const [parent, members] of groups) builder.sum(annee, members, getFigure(set, indicateur, annee, hierarchy.parentDimension, parent), false);
      }
    }
  }
  for (const link of SECRECY_LINKS) {
    for (const annee of set.years) {
      if (link.kind === 'same') {
        const a = getFigure(set, link.a.indicateur, annee, link.a.dimension, link.a.modalite);
        const b = getFigure(set, link.b.indicateur, annee, link.b.dimension, link.b.modalite);
        if (a !== undefined && b !== undefined) builder.equal(annee, a, b);
        continue;
      }
      // Parts of a whole, for the totals and for each cell of the shared breakdown.
      const whole = getFigure(set, link.whole, annee);
      const parts = link.parts.flatMap((id) => getFigure(set, id, annee) ?? []);
      if (whole !== undefined && parts.length > 0) builder.atMost(annee, parts, whole);
      for (const cell of set.breakdowns.get(breakdownKey(link.whole, annee, link.dimension)) ?? []) {
        const cellParts = link.parts.flatMap((id) => getFigure(set, id, annee, link.dimension, cell.modalite) ?? []);
        if (cellParts.length > 0) builder.atMost(annee, cellParts, cell);
      }
    }
  }
  return system;
}
