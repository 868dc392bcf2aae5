// Streaming accumulators: per year, a total and one cell per (dimension, modalite), each
// holding a few measures. Memory grows with distinct modalites, never with rows.
import { CROSS, DIMENSIONS, labelModalite, NOT_GIVEN } from './catalogue.js';
import type { MonthCoverage } from './row-checks.js';
import type { Figure, FigureSource } from './types.js';

/** Grouping key of a crossed cell from the keys of its two parts. */
export function crossKey(rowKey: string, columnKey: string): string {
  return `${rowKey}\u0001${columnKey}`;
}

export interface Cell {
  /** Modalite as stored in figures (canonical value, first-seen spelling or `2023-01`). */
  modalite: string;
  values: number[];
}

export class YearTally {
  readonly total: number[];
  /** One map per dimension of the tally, in the tally's order: key → cell. */
  readonly cells: Map<string, Cell>[];
  /** The same cells by a small number standing for the key (hot path: no string hashing). */
  private readonly byId: (Cell | undefined)[][];

  constructor(width: number, dimensionCount: number) {
    this.total = new Array<number>(width).fill(0);
    this.cells = Array.from({ length: dimensionCount }, () => new Map<string, Cell>());
    this.byId = Array.from({ length: dimensionCount }, () => []);
  }

  /** Like `cell`, found by `id` (a TextEntry id, a month number…), which must stand for one key only. */
  cellById(dimension: number, id: number, key: string, modalite: string): number[] {
    const cells = this.byId[dimension] as (Cell | undefined)[];
    const cell = cells[id];
    if (cell !== undefined) return cell.values;
    this.cell(dimension, key, modalite);
    const created = (this.cells[dimension] as Map<string, Cell>).get(key) as Cell;
    cells[id] = created;
    return created.values;
  }

  /** Measures of a cell, created at 0; `key` groups, `modalite` is what figures show. */
  cell(dimension: number, key: string, modalite: string): number[] {
    const cells = this.cells[dimension] as Map<string, Cell>;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { modalite, values: new Array<number>(this.total.length).fill(0) };
      cells.set(key, cell);
    }
    return cell.values;
  }
}

export class Tally {
  readonly years = new Map<number, YearTally>();

  constructor(
    readonly dimensions: readonly string[],
    readonly width: number,
  ) {}

  year(year: number): YearTally {
    let tally = this.years.get(year);
    if (tally === undefined) {
      tally = new YearTally(this.width, this.dimensions.length);
      this.years.set(year, tally);
    }
    return tally;
  }
}

/** Months with rows, read from a tally's `mois` cells (no per-row cost). */
export function coverMonths(tally: Tally, dimension: number, coverage: MonthCoverage): void {
  for (const [annee, year] of tally.years) {
    for (const key of year.cells[dimension]?.keys() ?? []) coverage.addMonth(annee, Number(key.slice(5, 7)));
  }
}

/** How one measure of a tally becomes figures. */
export interface MeasureSpec {
  indicateur: string;
  libelle: string;
  unite: string;
  measure: number;
  /** Dimensions of the tally this figure is broken down by. */
  dimensions: readonly string[];
  /** Stored value → figure value (cents → euros). */
  scale?: (value: number) => number;
}

function figure(spec: MeasureSpec, annee: number, source: FigureSource, value: number, dimension = '', modalite = ''): Figure {
  const result: Figure = {
    indicateur: spec.indicateur,
    annee,
    dimension,
    modalite,
    valeur: spec.scale ? spec.scale(value) : value,
    unite: spec.unite,
    libelle: spec.libelle,
    source,
  };
  if (dimension !== '') result.libelleModalite = labelModalite(dimension, modalite);
  return result;
}

/**
 * Emits totals and breakdowns for years ≤ `lastYear`. A breakdown is emitted only when at least
 * one row of the year fills its column; rows leaving it empty form a `non_renseigne` cell so
 * parts always add up to the total. Closed lists show every value (0 included), months run from
 * January to the last month with data, so lookups of an absent value find a 0, not nothing.
 */
export function emitTally(
  tally: Tally,
  specs: readonly MeasureSpec[],
  lastYear: number,
  source: FigureSource,
  out: Figure[],
  /** Last month (1–12) with data in the dataset that year, when the tally may know less. */
  lastMonthOf?: (annee: number) => number,
): void {
  for (const [annee, year] of tally.years) {
    if (annee > lastYear) continue;
    for (const spec of specs) {
      out.push(figure(spec, annee, source, year.total[spec.measure] ?? 0));
      for (const dimension of spec.dimensions) {
        const index = tally.dimensions.indexOf(dimension);
        const cells = year.cells[index];
        if (cells === undefined || cells.size === 0 || (cells.size === 1 && cells.has(NOT_GIVEN))) continue;
        const modalites = dimension.includes(CROSS)
          ? listCrossModalites(tally, year, dimension, spec.measure)
          : listModalites(dimension, cells, annee, spec.measure, lastMonthOf?.(annee) ?? 0);
        for (const [modalite, value] of modalites) {
          out.push(figure(spec, annee, source, value, dimension, modalite));
        }
      }
    }
  }
}

/**
 * Cells of a crossed breakdown (`tranche_age›genre`, for pyramids) as a full grid over the
 * modalites of its two parts that year, 0 where no row falls. Emitted only when some row fills
 * both parts.
 */
function listCrossModalites(tally: Tally, year: YearTally, dimension: string, measure: number): [string, number][] {
  const [rowDimension = '', columnDimension = ''] = dimension.split(CROSS);
  const cross = year.cells[tally.dimensions.indexOf(dimension)] ?? new Map<string, Cell>();
  const rows = year.cells[tally.dimensions.indexOf(rowDimension)] ?? new Map<string, Cell>();
  const columns = year.cells[tally.dimensions.indexOf(columnDimension)] ?? new Map<string, Cell>();
  const result: [string, number][] = [];
  let filled = false;
  for (const [rowKey, row] of rows) {
    for (const [columnKey, column] of columns) {
      const cell = cross.get(crossKey(rowKey, columnKey));
      if (cell !== undefined && rowKey !== NOT_GIVEN && columnKey !== NOT_GIVEN) filled = true;
      result.push([`${row.modalite}${CROSS}${column.modalite}`, cell?.values[measure] ?? 0]);
    }
  }
  return filled ? result : [];
}

function listModalites(dimension: string, cells: Map<string, Cell>, annee: number, measure: number, lastMonth: number): [string, number][] {
  const category = DIMENSIONS[dimension]?.category;
  const valueOf = (key: string) => cells.get(key)?.values[measure] ?? 0;
  const result: [string, number][] = [];
  if (category) {
    for (const value of Object.keys(category.values)) result.push([value, valueOf(value)]);
    // Values the config added (`categories`) follow the built-in ones, when the year has them.
    for (const [key, cell] of cells) if (key !== NOT_GIVEN && !(key in category.values)) result.push([cell.modalite, cell.values[measure] ?? 0]);
  } else if (dimension === 'mois') {
    let last = lastMonth;
    for (const key of cells.keys()) last = Math.max(last, Number(key.slice(5, 7)));
    for (let month = 1; month <= last; month += 1) {
      const key = `${annee}-${String(month).padStart(2, '0')}`;
      result.push([key, valueOf(key)]);
    }
    return result;
  } else {
    for (const [key, cell] of cells) if (key !== NOT_GIVEN) result.push([cell.modalite, cell.values[measure] ?? 0]);
  }
  if (cells.has(NOT_GIVEN)) result.push([NOT_GIVEN, valueOf(NOT_GIVEN)]);
  return result;
}

/** Rounds to `digits` decimals (money to the cent, rates to 0.1). */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
