// Interval check of hidden cells, as statistical offices do: from every published figure and the
// constraints between figures, the smallest and largest value each hidden cell can take. A cell
// is worked out (determined) when a single whole number fits: ceil(min) = floor(max).
import { solve } from 'yalps';
import type { SecrecyConstraint } from './secrecy-constraints.js';
import type { SuppressionReason } from './types.js';

/** Programs pushing many cells at once before one program per cell. */
const SPREAD_ROUNDS = 8;
/** Margin of the LP solver's floating-point answers. */
const EPSILON = 1e-6;

export interface AuditInput {
  constraints: readonly SecrecyConstraint[];
  /** True values: the hidden cells' values are used only to shorten the search, never published. */
  values: ReadonlyMap<string, number>;
  hidden: ReadonlyMap<string, SuppressionReason>;
  threshold: number;
  /** Answers of groups already checked, by their hidden cells: repeated checks skip unchanged groups. */
  cache?: Map<string, string[]>;
  /** Check only the groups linked to these cells (needs `index`). */
  only?: ReadonlySet<string>;
  /** Constraints of each cell. */
  index?: ReadonlyMap<string, readonly SecrecyConstraint[]>;
  /**
   * Cells already shown free for a subset of the hidden cells (a witness solution stays valid
   * when more cells are hidden), and where to record newly proven ones.
   */
  proven?: { known: ReadonlySet<string>; add?: (key: string) => void };
  /** Counts the work done in linear programs, in cells × programs (a budget for optional searches). */
  stats?: { solves: number };
}

/** What a reader knows of a hidden cell: « < 3 » is 1 or 2; « s » any value ≥ 0. */
export function boundsOf(reason: SuppressionReason, threshold: number): [number, number] {
  return reason === 'seuil' ? [1, threshold - 1] : [0, Infinity];
}

interface Reduced {
  kind: 'eq' | 'ge';
  /** Hidden terms only. */
  terms: [string, number][];
  /** Σ coef × hidden (=|≥) rhs. */
  rhs: number;
}

/** The constraints linked to `only` through hidden cells, or all of them. */
function select(input: AuditInput): Iterable<SecrecyConstraint> {
  const { only, index } = input;
  if (only === undefined || index === undefined) return input.constraints;
  const selected = new Set<SecrecyConstraint>();
  const reached = new Set(only);
  const stack = [...only];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    for (const constraint of index.get(key) ?? []) {
      if (selected.has(constraint)) continue;
      selected.add(constraint);
      for (const term of constraint.terms.keys()) {
        if (!input.hidden.has(term) || reached.has(term)) continue;
        reached.add(term);
        stack.push(term);
      }
    }
  }
  return selected;
}

function reduce(input: AuditInput): Reduced[] {
  const reduced: Reduced[] = [];
  for (const constraint of select(input)) {
    const terms: [string, number][] = [];
    let rhs = 0;
    for (const [key, coef] of constraint.terms) {
      if (coef === 0) continue;
      if (input.hidden.has(key)) terms.push([key, coef]);
      else rhs -= coef * (input.values.get(key) ?? 0);
    }
    if (terms.length > 0) reduced.push({ kind: constraint.kind, terms, rhs });
  }
  return reduced;
}

/** Groups constraints sharing a hidden cell: each group is solved on its own. */
function components(constraints: readonly Reduced[]): Reduced[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let node = key; node !== root; ) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const constraint of constraints) {
    for (const [key] of constraint.terms) if (!parent.has(key)) parent.set(key, key);
    const first = find(constraint.terms[0]?.[0] ?? '');
    for (const [key] of constraint.terms) parent.set(find(key), first);
  }
  const groups = new Map<string, Reduced[]>();
  for (const constraint of constraints) {
    const root = find(constraint.terms[0]?.[0] ?? '');
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [constraint]);
    else group.push(constraint);
  }
  return [...groups.values()];
}

/** One equation Σ a·x = r over boxes: each cell's range in closed form. */
function auditSingle(constraint: Reduced, bounds: (key: string) => [number, number]): string[] {
  // Sums of the other terms' ranges, infinite ends counted apart (∞ − ∞ must not happen).
  let low = 0;
  let high = 0;
  let lowInfinite = 0;
  let highInfinite = 0;
  const parts = constraint.terms.map(([key, coef]) => {
    const [l, u] = bounds(key);
    const ends = [coef * l, coef * u];
    const part = { key, coef, min: Math.min(...ends), max: Math.max(...ends) };
    if (Number.isFinite(part.min)) low += part.min;
    else lowInfinite += 1;
    if (Number.isFinite(part.max)) high += part.max;
    else highInfinite += 1;
    return part;
  });
  const determined: string[] = [];
  for (const part of parts) {
    const [l, u] = bounds(part.key);
    const othersLow = lowInfinite - (Number.isFinite(part.min) ? 0 : 1) > 0 ? -Infinity : low - (Number.isFinite(part.min) ? part.min : 0);
    const othersHigh = highInfinite - (Number.isFinite(part.max) ? 0 : 1) > 0 ? Infinity : high - (Number.isFinite(part.max) ? part.max : 0);
    // a·x = r − others, others ∈ [othersLow, othersHigh].
    const ends = [(constraint.rhs - othersLow) / part.coef, (constraint.rhs - othersHigh) / part.coef];
    const min = Math.max(l, Math.min(...ends));
    const max = Math.min(u, Math.max(...ends));
    if (Math.ceil(min - EPSILON) >= Math.floor(max + EPSILON)) determined.push(part.key);
  }
  return determined;
}

/**
 * Several constraints: linear programs. The true values are a solution, so a cell is free as
 * soon as some solution moves it by 1 or more; each solution found frees every cell it moves.
 * `targets`: the cells to decide (default all); `first`: stop at the first determined one.
 */
function auditLinked(
  group: readonly Reduced[],
  bounds: (key: string) => [number, number],
  values: ReadonlyMap<string, number>,
  targets?: readonly string[],
  first = false,
  proven?: { known: ReadonlySet<string>; add?: (key: string) => void },
  stats?: { solves: number },
  prefer?: ReadonlySet<string>,
): string[] {
  const keys = [...new Set(group.flatMap((constraint) => constraint.terms.map(([key]) => key)))];
  // A cell pinned by one sum alone needs no linear program.
  const alone = new Set(group.flatMap((constraint) => (constraint.kind === 'eq' ? auditSingle(constraint, bounds) : [])));
  // Cells next to a change are checked first: that is where a determined cell usually appears.
  const wanted = (targets ?? keys).filter((key) => keys.includes(key)).sort((a, b) => Number(!prefer?.has(a)) - Number(!prefer?.has(b)));
  const quick = wanted.filter((key) => alone.has(key));
  if (quick.length > 0 && (first || targets !== undefined)) return first ? quick.slice(0, 1) : quick;
  const constraints = new Map<string, { equal?: number; min?: number; max?: number }>();
  const variables = new Map<string, Map<string, number>>(keys.map((key) => [key, new Map<string, number>()]));
  group.forEach((constraint, index) => {
    constraints.set(`c${index}`, constraint.kind === 'eq' ? { equal: constraint.rhs } : { min: constraint.rhs });
    for (const [key, coef] of constraint.terms) variables.get(key)?.set(`c${index}`, coef);
  });
  keys.forEach((key, index) => {
    const [l, u] = bounds(key);
    if (l > 0 || Number.isFinite(u)) constraints.set(`b${index}`, { min: l, ...(Number.isFinite(u) && { max: u }) });
    variables.get(key)?.set(`b${index}`, 1);
  });
  const free = new Set(keys.filter((key) => proven?.known.has(key)));
  const markFree = (key: string) => {
    if (free.has(key)) return;
    free.add(key);
    proven?.add?.(key);
  };
  const extreme = (direction: 'maximize' | 'minimize', objective: ReadonlyMap<string, number>) => {
    // Work of a program grows with its size: counted in cells × programs.
    if (stats !== undefined) stats.solves += keys.length;
    const solution = solve(
      {
        direction,
        objective: 'objective',
        constraints,
        variables: [...variables].map(([name, coefs]) => {
          const weight = objective.get(name);
          return [name, weight === undefined ? coefs : new Map([...coefs, ['objective', weight]])] as const;
        }),
      },
      { includeZeroVariables: true },
    );
    if (solution.status === 'unbounded') {
      if (objective.size === 1) for (const key of objective.keys()) markFree(key);
      return;
    }
    if (solution.status !== 'optimal') return;
    for (const [key, value] of solution.variables) if (Math.abs(value - (values.get(key) ?? 0)) >= 1 - EPSILON) markFree(key);
  };
  // Pushing many cells at once (all up, all down, then half up half down) often frees most of
  // them in a few programs.
  const open = () => wanted.filter((key) => !alone.has(key) && !free.has(key));
  // Signs follow a fixed pattern per round (never random: the same data gives the same cells).
  for (let round = 0; round < SPREAD_ROUNDS; round += 1) {
    const rest = open();
    if (rest.length <= 2) break;
    const direction = round % 2 === 0 ? 'maximize' : 'minimize';
    const pattern = Math.floor(round / 2);
    extreme(direction, new Map(rest.map((key, index) => [key, pattern === 0 || ((index >> (pattern - 1)) & 1) === 0 ? 1 : -1])));
    if (round > 0 && open().length === rest.length) break; // nothing more to gain this way
  }
  const determined: string[] = [];
  for (const key of wanted) {
    if (!alone.has(key)) {
      for (const direction of ['maximize', 'minimize'] as const) {
        if (free.has(key)) break;
        extreme(direction, new Map([[key, 1]]));
      }
      if (free.has(key)) continue;
    }
    determined.push(key);
    if (first) break;
  }
  return determined;
}

export interface AuditMode {
  /** Decide only this cell (hidden). */
  target?: string;
  /** Stop at the first determined cell found. */
  first?: boolean;
  /** Cells to check first. */
  prefer?: ReadonlySet<string>;
}

/** Hidden cells whose value a reader can work out from the published figures, in no particular order. */
export function findDeterminedCells(input: AuditInput, mode: AuditMode = {}): string[] {
  const bounds = (key: string): [number, number] => boundsOf(input.hidden.get(key) ?? 'secondaire', input.threshold);
  const partial = mode.target !== undefined || mode.first === true;
  const determined: string[] = [];
  for (const group of components(reduce(input))) {
    const signature = [...new Set(group.flatMap((constraint) => constraint.terms.map(([key]) => `${key}\u0002${input.hidden.get(key) ?? ''}`)))].sort().join('\u0003');
    const known = input.cache?.get(signature);
    let found: string[];
    if (known !== undefined) found = mode.target === undefined ? known : known.filter((key) => key === mode.target);
    else {
      const only = group[0];
      const targets = mode.target === undefined ? undefined : [mode.target];
      found =
        group.length === 1 && only !== undefined && only.kind === 'eq'
          ? auditSingle(only, bounds).filter((key) => targets === undefined || targets.includes(key))
          : auditLinked(group, bounds, input.values, targets, mode.first, input.proven, input.stats, mode.prefer);
      if (!partial) input.cache?.set(signature, found);
    }
    determined.push(...found);
    if (mode.first === true && determined.length > 0) return determined.slice(0, 1);
  }
  return determined;
}
