// An attacker's view of a public `chiffres` export, written independently of the production
// constraint builder: every published sum as a linear constraint, then for each masked cell its
// smallest and largest possible value (linear programs). A masked cell is recomputable when one
// whole number only fits: ceil(min) = floor(max).
import { parse } from 'csv-parse/sync';
import { solve } from 'yalps';

const CROSS = '›';

interface Row {
  indicateur: string;
  annee: number;
  dimension: string;
  modalite: string;
  valeur: string;
  unite: string;
}

export interface AuditOptions {
  /** Typology groups printed in the report (nature → catégorie), per indicator. */
  hierarchies?: { indicateurs: string[]; dimension: string; parentDimension: string; parentOf: Record<string, string> }[];
}

function readExport(csv: string): Row[] {
  const records = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true, skip_empty_lines: true, comment: '#' }) as Record<string, string>[];
  return records.map((r) => ({
    indicateur: r.indicateur ?? '',
    annee: Number(r.annee),
    dimension: r.dimension ?? '',
    modalite: (r.modalite ?? '').replace(/^'(?=[=+\-@])/, ''),
    valeur: r.valeur ?? '',
    unite: r.unite ?? '',
  }));
}

const keyOf = (indicateur: string, annee: number, dimension = '', modalite = '') => `${indicateur}|${annee}|${dimension}|${modalite}`;
const number = (text: string) => Number(text.replace(',', '.'));
const isMark = (text: string) => /^(?:<\s*\d+|s|secret)$/.test(text.trim());

/** A recomputable masked cell: its key and the only value it can take. */
export interface Recomputed {
  cell: string;
  min: number;
  max: number;
}

/**
 * `publicCsv`: what is published. `completeCsv` (the `--complet` export of the same data): used
 * only to keep the identities that truly hold (a reader assumes them from the documentation) and
 * to check the interval contains the truth.
 */
export function auditExport(publicCsv: string, completeCsv: string, options: AuditOptions = {}): Recomputed[] {
  const published = new Map(readExport(publicCsv).map((row) => [keyOf(row.indicateur, row.annee, row.dimension, row.modalite), row]));
  const truth = new Map(readExport(completeCsv).map((row) => [keyOf(row.indicateur, row.annee, row.dimension, row.modalite), number(row.valeur)]));
  const counts = [...published.values()].filter((row) => row.unite !== '%' && row.unite !== '€');
  const constraints: { terms: Map<string, number>; kind: 'eq' | 'ge' }[] = [];
  const add = (kind: 'eq' | 'ge', terms: [string, number][]) => {
    if (terms.some(([key]) => !truth.has(key))) return;
    const residual = terms.reduce((sum, [key, coef]) => sum + coef * (truth.get(key) ?? 0), 0);
    if (kind === 'eq' ? Math.abs(residual) > 1e-6 : residual < -1e-6) return;
    const map = new Map<string, number>();
    for (const [key, coef] of terms) map.set(key, (map.get(key) ?? 0) + coef);
    constraints.push({ kind, terms: map });
  };
  // Breakdowns and their totals; rows and columns of crossed tables and their margins.
  const groups = new Map<string, Row[]>();
  for (const row of counts) {
    if (row.dimension === '') continue;
    const id = `${row.indicateur}|${row.annee}|${row.dimension}`;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  for (const cells of groups.values()) {
    const { indicateur, annee, dimension } = cells[0] as Row;
    add('eq', [...cells.map((c) => [keyOf(indicateur, annee, dimension, c.modalite), 1] as [string, number]), [keyOf(indicateur, annee), -1]]);
    if (!dimension.includes(CROSS)) continue;
    const parts = dimension.split(CROSS);
    parts.forEach((part, index) => {
      const lines = new Map<string, Row[]>();
      for (const cell of cells) {
        const value = cell.modalite.split(CROSS)[index] ?? '';
        lines.set(value, [...(lines.get(value) ?? []), cell]);
      }
      for (const [value, line] of lines) {
        add('eq', [...line.map((c) => [keyOf(indicateur, annee, dimension, c.modalite), 1] as [string, number]), [keyOf(indicateur, annee, part, value), -1]]);
      }
    });
  }
  const years = [...new Set(counts.map((row) => row.annee))];
  for (const hierarchy of options.hierarchies ?? []) {
    for (const indicateur of hierarchy.indicateurs) {
      for (const annee of years) {
        const byParent = new Map<string, string[]>();
        for (const row of counts) {
          if (row.indicateur !== indicateur || row.annee !== annee || row.dimension !== hierarchy.dimension) continue;
          const parent = hierarchy.parentOf[row.modalite];
          if (parent !== undefined) byParent.set(parent, [...(byParent.get(parent) ?? []), keyOf(indicateur, annee, row.dimension, row.modalite)]);
        }
        for (const [parent, members] of byParent) add('eq', [...members.map((m) => [m, 1] as [string, number]), [keyOf(indicateur, annee, hierarchy.parentDimension, parent), -1]]);
      }
    }
  }
  // The same count under two ids, and parts of a whole (positives are some of the tests).
  for (const annee of years) {
    add('eq', [[keyOf('trod.tests', annee, 'resultat', 'positif'), 1], [keyOf('trod.positifs', annee), -1]]);
    add('eq', [[keyOf('trod.tests', annee, 'resultat', 'invalide'), 1], [keyOf('trod.invalides', annee), -1]]);
    for (const row of counts) {
      if (row.annee !== annee || row.indicateur !== 'trod.tests' || (row.dimension !== 'depistage' && row.dimension !== '')) continue;
      const at = (id: string) => keyOf(id, annee, row.dimension, row.modalite);
      add('ge', [[at('trod.tests'), 1], [at('trod.positifs'), -1], [at('trod.invalides'), -1]]);
      add('ge', [[at('trod.positifs'), 1], [at('trod.positifs_orientes'), -1]]);
      add('ge', [[at('trod.tests'), 1], [at('trod.premiers_depistages'), -1]]);
    }
  }
  return solveIntervals(published, truth, constraints);
}

function solveIntervals(
  published: Map<string, Row>,
  truth: Map<string, number>,
  constraints: { terms: Map<string, number>; kind: 'eq' | 'ge' }[],
): Recomputed[] {
  const masked = (key: string) => isMark(published.get(key)?.valeur ?? '');
  const model = new Map<string, { equal?: number; min?: number; max?: number }>();
  const variables = new Map<string, Map<string, number>>();
  constraints.forEach((constraint, index) => {
    let rhs = 0;
    const unknown: [string, number][] = [];
    for (const [key, coef] of constraint.terms) {
      if (masked(key)) unknown.push([key, coef]);
      else rhs -= coef * number(published.get(key)?.valeur ?? '0');
    }
    if (unknown.length === 0) return;
    model.set(`c${index}`, constraint.kind === 'eq' ? { equal: rhs } : { min: rhs });
    for (const [key, coef] of unknown) {
      if (!variables.has(key)) variables.set(key, new Map());
      variables.get(key)?.set(`c${index}`, coef);
    }
  });
  for (const [key, coefs] of variables) {
    const mark = published.get(key)?.valeur.trim() ?? '';
    const below = /^<\s*(\d+)$/.exec(mark);
    if (below) {
      model.set(`b:${key}`, { min: 1, max: Number(below[1]) - 1 });
      coefs.set(`b:${key}`, 1);
    }
  }
  const found: Recomputed[] = [];
  for (const key of variables.keys()) {
    const extreme = (direction: 'minimize' | 'maximize') => {
      const solution = solve({
        direction,
        objective: 'objective',
        constraints: model,
        variables: [...variables].map(([name, coefs]) => [name, name === key ? new Map([...coefs, ['objective', 1]]) : coefs] as const),
      });
      if (solution.status === 'unbounded') return direction === 'maximize' ? Infinity : 0;
      if (solution.status !== 'optimal') throw new Error(`audit: ${solution.status} for ${key}`);
      return solution.result;
    };
    const min = extreme('minimize');
    const max = extreme('maximize');
    const value = truth.get(key) ?? NaN;
    if (value < min - 1e-6 || value > max + 1e-6) throw new Error(`audit: true value of ${key} outside [${min}, ${max}]`);
    if (Math.ceil(min - 1e-6) >= Math.floor(max + 1e-6)) found.push({ cell: key, min, max });
  }
  return found;
}
