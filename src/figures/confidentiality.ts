// Statistical secrecy of published outputs: small cells of breakdowns hidden (« < 3 »), plus
// complementary cells (« s ») until no hidden cell can be worked out from any published sum
// (totals, margins of crossed tables, typology subtotals, the same count under another id).
// Totals are never hidden.
import { formatMask } from '../shared/secrecy-marks.js';
import { CATALOGUE } from './catalogue.js';
import { figureKey } from './lookup.js';
import { type AuditMode, findDeterminedCells } from './secrecy-audit.js';
import { buildSecrecySystem, keyOf, type SecrecyConstraint, type SecrecySystem } from './secrecy-constraints.js';
import type { FigureSet, PublishedFigure, PublishedFigures, SuppressedCell, SuppressionReason } from './types.js';

export { COMPLEMENTARY_MARK } from '../shared/secrecy-marks.js';

/** How a hidden cell is printed in exports: `< 3` for a small count, `s` otherwise (shared/secrecy-marks.ts). */
export function maskOf(reason: SuppressionReason, threshold: number, unit?: string): string {
  return formatMask(reason, threshold, { space: ' ', ...(unit !== undefined && { unit }) });
}

export interface ConfidentialityOptions {
  /** Config `reponses_multiples`: those breakdowns add up to at least their total, not exactly. */
  multiAnswerDimensions?: readonly string[];
}

/** Safety stop; each round hides, re-marks or releases at least one cell, so it is never reached in practice. */
const MAX_ROUNDS = 10_000;
/** Candidates tried (each by a check of its group) before settling for the best-ranked one. */
const MAX_TRIALS = 8;
/**
 * Work (cells × linear programs) the final give-back pass may do: it only removes needless complementary
 * cells, so on very large linked tables (hundreds of origins × age bands) it stops early rather
 * than slow the build down. A count, not a time: the same data always gives the same cells.
 */
const CLEANUP_WORK = 40_000;

function indexConstraints(constraints: readonly SecrecyConstraint[]): Map<string, SecrecyConstraint[]> {
  const byKey = new Map<string, SecrecyConstraint[]>();
  for (const constraint of constraints) {
    for (const key of constraint.terms.keys()) {
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [constraint]);
      else list.push(constraint);
    }
  }
  return byKey;
}

/**
 * Cells equal to a figure that is never hidden (`trod.tests` « positif » = total of
 * `trod.positifs`): hiding them protects nothing, their value is published anyway.
 */
function findPinned(system: SecrecySystem): Set<string> {
  const pinned = new Set<string>();
  for (const constraint of system.constraints) {
    if (constraint.kind !== 'eq') continue;
    const maskable = [...constraint.terms].filter(([key, coef]) => coef !== 0 && system.maskable.has(key));
    if (maskable.length === 1) pinned.add((maskable[0] as [string, number])[0]);
  }
  return pinned;
}

/** Adds complementary cells until no hidden cell is determined by the constraints. */
function protect(set: FigureSet, system: SecrecySystem, hidden: Map<string, SuppressionReason>, threshold: number): void {
  const byKey = indexConstraints(system.constraints);
  const pinned = findPinned(system);
  for (const key of pinned) hidden.delete(key);
  const order = new Map(set.figures.map((figure, index) => [keyOf(figure), index]));
  const breakdownCells = new Map<string, string[]>();
  for (const [key, breakdown] of system.breakdownOf) {
    const cells = breakdownCells.get(breakdown);
    if (cells === undefined) breakdownCells.set(breakdown, [key]);
    else cells.push(key);
  }
  const released = new Set<string>();
  const cache = new Map<string, string[]>();
  const hiddenCount = (constraint: SecrecyConstraint) => [...constraint.terms.keys()].filter((key) => hidden.has(key)).length;

  // While cells are only added (or widened from « < 3 » to « s »), a cell once shown free stays free.
  const provenFree = new Set<string>();
  const stats = { solves: 0 };
  let growing = true;
  const audit = (only?: ReadonlySet<string>, mode: AuditMode = {}) =>
    findDeterminedCells(
      {
        constraints: system.constraints,
        values: system.values,
        hidden,
        threshold,
        cache,
        index: byKey,
        ...(only !== undefined && { only }),
        stats,
        ...(growing && { proven: { known: provenFree, ...(mode.target === undefined && { add: (key: string) => provenFree.add(key) }) } }),
      },
      mode,
    );
  // Hiding a cell alone in some other published sum only moves the problem there.
  const exposures = (candidate: string, cell: string) =>
    (byKey.get(candidate) ?? []).filter((constraint) => !constraint.terms.has(cell) && hiddenCount(constraint) === 0).length;

  /**
   * A visible cell of a sum holding the determined cell: the first one that frees it when hidden,
   * trying those exposing no other sum first, then non-zero ones, smallest first.
   */
  const choosePartner = (cell: string): string | undefined => {
    const seen = new Set<string>();
    const candidates: { key: string; value: number; exposed: number }[] = [];
    for (const constraint of byKey.get(cell) ?? []) {
      for (const [key, coef] of constraint.terms) {
        if (coef === 0 || key === cell || seen.has(key) || !system.maskable.has(key) || hidden.has(key) || pinned.has(key) || released.has(key)) continue;
        seen.add(key);
        candidates.push({ key, value: system.values.get(key) ?? 0, exposed: exposures(key, cell) });
      }
    }
    candidates.sort(
      (a, b) => a.exposed - b.exposed || Number(a.value === 0) - Number(b.value === 0) || a.value - b.value || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0),
    );
    for (const candidate of candidates.slice(0, MAX_TRIALS)) {
      hidden.set(candidate.key, 'secondaire');
      const freed = audit(new Set([cell]), { target: cell }).length === 0;
      hidden.delete(candidate.key);
      if (freed) return candidate.key;
    }
    return candidates[0]?.key;
  };

  const primary = new Set([...hidden].filter(([, reason]) => reason === 'seuil').map(([key]) => key));
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const determined = audit().sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    if (determined.length === 0) break;
    // Cells of constraints changed in this round are checked again in the next one.
    const touched = new Set<SecrecyConstraint>();
    const touch = (key: string) => byKey.get(key)?.forEach((constraint) => touched.add(constraint));
    for (const cell of determined) {
      if (!hidden.has(cell) || (byKey.get(cell) ?? []).some((constraint) => touched.has(constraint))) continue;
      const partner = choosePartner(cell);
      if (partner !== undefined) {
        hidden.set(partner, 'secondaire');
        touch(partner);
        touch(cell);
        continue;
      }
      // Nothing else protects it: its breakdown's cells are not published (all « s »), then
      // those of the breakdowns it adds up with; the final pass gives back what is not needed.
      const neighbours = (byKey.get(cell) ?? []).flatMap((constraint) => [...constraint.terms.keys()]);
      const breakdowns = [system.breakdownOf.get(cell), ...neighbours.map((key) => system.breakdownOf.get(key))];
      let widened = false;
      for (const breakdown of new Set(breakdowns)) {
        const members = breakdownCells.get(breakdown ?? '') ?? [];
        if (!members.some((key) => hidden.get(key) !== 'secondaire' && !released.has(key))) continue;
        for (const key of members) {
          if (released.has(key)) continue;
          hidden.set(key, 'secondaire');
          touch(key);
        }
        widened = true;
        break;
      }
      if (widened) continue;
      // Still worked out with all of them hidden: its value is published elsewhere (a total).
      provenFree.clear();
      hidden.delete(cell);
      released.add(cell);
      touch(cell);
    }
  }
  growing = false;
  const budget = stats.solves + CLEANUP_WORK;
  // Greedy choices overshoot: give back complementary cells that are not needed. First sums
  // whose only hidden cells are complementary ones protecting each other, then each cell, largest first.
  const giveBack = (key: string) => (primary.has(key) ? hidden.set(key, 'seuil') : hidden.delete(key));
  // The groups a change can affect: those of the cells sharing a sum with the changed ones.
  const around = (keys: readonly string[]) => new Set(keys.flatMap((key) => (byKey.get(key) ?? []).flatMap((constraint) => [...constraint.terms.keys()])));
  for (const constraint of system.constraints) {
    const members = [...constraint.terms.keys()].filter((key) => hidden.has(key));
    if (members.length < 2 || members.some((key) => hidden.get(key) !== 'secondaire' || primary.has(key))) continue;
    if (stats.solves > budget) break;
    for (const key of members) giveBack(key);
    if (audit(around(members), { first: true, prefer: around(members) }).length > 0) for (const key of members) hidden.set(key, 'secondaire');
  }
  const complementary = [...hidden].filter(([, reason]) => reason === 'secondaire').map(([key]) => key);
  complementary.sort((a, b) => (system.values.get(b) ?? 0) - (system.values.get(a) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const key of complementary) {
    if (stats.solves > budget) break;
    giveBack(key);
    if (audit(around([key]), { first: true, prefer: around([key]) }).length > 0) hidden.set(key, 'secondaire');
  }
}

export function applyConfidentiality(set: FigureSet, threshold: number, options: ConfidentialityOptions = {}): PublishedFigures {
  const hidden = new Map<string, SuppressionReason>();
  if (threshold > 0) {
    const system = buildSecrecySystem(set, options.multiAnswerDimensions ?? []);
    for (const key of system.maskable) {
      const value = system.values.get(key) ?? 0;
      if (value > 0 && value < threshold) hidden.set(key, 'seuil');
    }
    protect(set, system, hidden, threshold);
    // Rates and amounts follow the counts they are computed from (taux de positivité, montant).
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
    figures.push({ ...figure, valeur: maskOf(reason, threshold, figure.unite), masque: reason });
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
