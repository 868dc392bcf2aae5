// Builds chart specs from published figures for the `{{graphique}}` helper.
import type { ChartSpec, ChartValue } from '../charts/types.js';
import { capitalize } from './blocks.js';
import { describeDimension, describeModalite, formatValue } from './figure-text.js';
import { checkDimension, failAt, type HelperLocation } from './resolve-figure.js';
import type { PublishedValue, ReportFigures } from './types.js';

export const CHART_TYPES = ['barres', 'barres-horizontales', 'empilees', 'anneau', 'mensuel', 'pyramide'] as const;
export type ChartKind = (typeof CHART_TYPES)[number];

/** Separator of crossed dimensions (`tranche_age›genre`), as produced by the figures stage. */
export const CROSS = '›';

function formatOf(unit: string): ChartSpec['format'] {
  return unit === '€' ? 'euros' : unit === '%' ? 'percent' : 'integer';
}

function chooseKind(dimension: string, cells: readonly PublishedValue[]): ChartKind {
  if (dimension === 'mois') return 'mensuel';
  if (cells.length <= 5) return 'anneau';
  const longLabels = cells.some((c) => c.modalite.length > 14);
  return cells.length > 7 || longLabels ? 'barres-horizontales' : 'barres';
}

/** A cell as charts take it: its number, or its secrecy mark (« < 3 », « s »), never 0. */
function chartValue(cell: PublishedValue, threshold: number): ChartValue {
  return cell.valeur ?? formatValue(cell, threshold);
}

function monthValues(figures: ReportFigures, id: string, year: number): ChartValue[] {
  return Array.from({ length: 12 }, (_, index) => {
    const cell = figures.get(id, year, 'mois', `${year}-${String(index + 1).padStart(2, '0')}`);
    return cell ? chartValue(cell, figures.threshold) : 0;
  });
}

/** Splits the cells of a crossed dimension into rows × columns. */
function crossTable(cells: readonly PublishedValue[], threshold: number) {
  const rows: string[] = [];
  const columns: string[] = [];
  const values = new Map<string, ChartValue>();
  for (const cell of cells) {
    const [row = '', column = ''] = cell.modalite.split(CROSS).map((part) => part.trim());
    if (!rows.includes(row)) rows.push(row);
    if (!columns.includes(column)) columns.push(column);
    values.set(`${row}\u0000${column}`, chartValue(cell, threshold));
  }
  // An absent combination is a true 0 (no row has it); a hidden one keeps its mark.
  return { rows, columns, value: (row: string, column: string): ChartValue => values.get(`${row}\u0000${column}`) ?? 0 };
}

export function buildChartSpec(
  figures: ReportFigures,
  id: string,
  hash: Record<string, unknown>,
  year: number,
  location: HelperLocation,
): ChartSpec {
  const by = typeof hash.par === 'string' ? hash.par : undefined;
  if (by === undefined) failAt(location, `le graphique de « ${id} » doit dire par quoi ventiler (ex. par="mois")`);
  const requested = hash.type;
  if (requested !== undefined && !CHART_TYPES.includes(requested as ChartKind)) {
    failAt(location, `type de graphique inconnu « ${String(requested)} »`, `types possibles : ${CHART_TYPES.join(', ')}`);
  }
  const second = typeof hash.selon === 'string' ? hash.selon : undefined;
  const dimension = checkDimension(figures, id, second ? `${by}${CROSS}${second}` : by, location);
  const cells = figures.breakdown(id, dimension, year);
  const total = figures.get(id, year);
  const libelle = total?.libelle ?? cells[0]?.libelle ?? id;
  const unit = total?.unite ?? cells[0]?.unite ?? '';
  const kind = (requested as ChartKind | undefined) ?? (second ? 'empilees' : chooseKind(by, cells));
  const title =
    typeof hash.titre === 'string'
      ? hash.titre
      : `${capitalize(libelle)} par ${describeDimension(by)}${second ? ` et ${describeDimension(second)}` : ''} en ${year}`;
  const base = { title, format: formatOf(unit), suppressedBelow: figures.threshold };
  if (kind === 'mensuel') {
    if (by !== 'mois') failAt(location, 'le graphique « mensuel » se fait par="mois"');
    const previous = figures.breakdown(id, 'mois', year - 1);
    return {
      ...base,
      type: 'line-monthly',
      year,
      values: monthValues(figures, id, year),
      ...(previous.length > 0 && { previousValues: monthValues(figures, id, year - 1) }),
    };
  }
  if (kind === 'pyramide' || kind === 'empilees') {
    if (!second) failAt(location, `le graphique « ${kind} » croise deux ventilations : ajoutez selon="…" (ex. par="tranche_age" selon="genre")`);
    const table = crossTable(cells, figures.threshold);
    if (kind === 'pyramide') {
      const [leftName, rightName] = table.columns;
      if (leftName === undefined || rightName === undefined) failAt(location, `la pyramide demande au moins deux modalités de ${describeDimension(second)}`);
      return {
        ...base,
        type: 'pyramid',
        bands: table.rows,
        left: { name: leftName, values: table.rows.map((row) => table.value(row, leftName)) },
        right: { name: rightName, values: table.rows.map((row) => table.value(row, rightName)) },
      };
    }
    return {
      ...base,
      type: 'bar-stacked',
      labels: table.rows,
      series: table.columns.map((column) => ({ name: column, values: table.rows.map((row) => table.value(row, column)) })),
    };
  }
  const drawn = cells.filter((cell) => cell.valeur !== 0);
  const labels = drawn.map((cell) => cell.label ?? describeModalite(cell.dimension, cell.modalite));
  const values = drawn.map((cell) => chartValue(cell, figures.threshold));
  // The doughnut's whole is the published total only when masked cells hide part of it.
  const masked = drawn.some((cell) => cell.valeur === null);
  if (kind === 'anneau') return { ...base, type: 'doughnut', labels, values, ...(masked && total?.valeur != null && { total: total.valeur }) };
  const series = [{ name: capitalize(libelle), values }];
  return kind === 'barres' ? { ...base, type: 'bar-vertical', labels, series } : { ...base, type: 'bar-horizontal', labels, series };
}
