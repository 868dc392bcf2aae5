// Alt text of a chart, generated from its data in French, so that a reader of the tagged PDF
// (or anyone who cannot see the chart) gets every number the chart shows.
import { formatPercent } from '../shared/format.js';
import { computeShares, describeValue, formatChartValue, monthName } from './labels.js';
import { describeMarks } from '../shared/secrecy-marks.js';
import { isHidden, type ChartSeries, type ChartSpec, type ChartValue } from './types.js';

// French typography: no-break space before ":" and ";".
const COLON = '\u00a0: ';
const SEMICOLON = '\u00a0; ';

/** E.g. "Tests par dépistage : VIH 73, VHB 71, VHC 71". */
export function describeChart(spec: ChartSpec): string {
  const body = describeBody(spec);
  const hidden = hiddenValues(spec);
  const note = hidden.length > 0 ? ` ${suppressionNote(spec, hidden)}` : '';
  return `${body}${note}`;
}

function describeBody(spec: ChartSpec): string {
  switch (spec.type) {
    case 'bar-vertical':
    case 'bar-horizontal':
    case 'bar-stacked':
      return describeSeries(spec.title, spec.labels, spec.series, spec);
    case 'doughnut': {
      const shares = computeShares(spec.values, spec.total);
      const items = spec.labels.map((label, index) => {
        const value = spec.values[index] ?? null;
        const share = shares[index] ?? null;
        return `${label} ${describeValue(value, spec)}${share === null ? '' : ` (${formatPercent(share)})`}`;
      });
      return `${spec.title}${COLON}${items.join(', ')}`;
    }
    case 'line-monthly': {
      const parts = [describeYear(spec.year, spec.values, spec)];
      if (spec.previousValues !== undefined) parts.push(describeYear(spec.year - 1, spec.previousValues, spec));
      return `${spec.title}. ${parts.join(SEMICOLON)}`;
    }
    case 'pyramid': {
      const rows = spec.bands.map((band, index) => {
        const left = `${spec.left.name} ${describeValue(spec.left.values[index] ?? null, spec)}`;
        const right = `${spec.right.name} ${describeValue(spec.right.values[index] ?? null, spec)}`;
        return `${band}${COLON}${left}, ${right}`;
      });
      return `${spec.title}. ${rows.join(SEMICOLON)}`;
    }
  }
}

function describeSeries(
  title: string,
  labels: readonly string[],
  series: readonly ChartSeries[],
  spec: ChartSpec,
): string {
  const list = (values: readonly ChartValue[]): string =>
    labels.map((label, index) => `${label} ${describeValue(values[index] ?? null, spec)}`).join(', ');
  const only = series.length === 1 ? series[0] : undefined;
  if (only !== undefined) return `${title}${COLON}${list(only.values)}`;
  return `${title}. ${series.map((one) => `${one.name}${COLON}${list(one.values)}`).join(SEMICOLON)}`;
}

/** "2023 : 206 au total, maximum 24 en mars, minimum 12 en août". */
function describeYear(year: number, values: readonly ChartValue[], spec: ChartSpec): string {
  const visible = values.flatMap((value, index) => (typeof value === 'number' ? [{ value, month: index + 1 }] : []));
  const masked = values.length - visible.length;
  const total = visible.reduce((sum, item) => sum + item.value, 0);
  const parts = [`${formatChartValue(total, spec.format)} au total`];
  if (masked > 0) parts[0] += ` hors ${masked} mois masqué${masked > 1 ? 's' : ''}`;
  const max = visible.reduce<(typeof visible)[number] | undefined>((best, item) => (best === undefined || item.value > best.value ? item : best), undefined);
  const min = visible.reduce<(typeof visible)[number] | undefined>((best, item) => (best === undefined || item.value < best.value ? item : best), undefined);
  if (max !== undefined && min !== undefined && max.value !== min.value) {
    parts.push(`maximum ${formatChartValue(max.value, spec.format)} en ${monthName(max.month)}`);
    parts.push(`minimum ${formatChartValue(min.value, spec.format)} en ${monthName(min.month)}`);
  }
  return `${year}${COLON}${parts.join(', ')}`;
}

function hiddenValues(spec: ChartSpec): ChartValue[] {
  switch (spec.type) {
    case 'bar-vertical':
    case 'bar-horizontal':
    case 'bar-stacked':
      return spec.series.flatMap((one) => one.values.filter(isHidden));
    case 'doughnut':
      return spec.values.filter(isHidden);
    case 'line-monthly':
      return [...spec.values, ...(spec.previousValues ?? [])].filter(isHidden);
    case 'pyramid':
      return [...spec.left.values, ...spec.right.values].filter(isHidden);
  }
}

/** Says that hidden cells have no bar (nothing drawn, not 0) and what each mark means. */
function suppressionNote(spec: ChartSpec, hidden: readonly ChartValue[]): string {
  if (spec.suppressedBelow === undefined) return '(Certaines données sont masquées par confidentialité : aucune barre n’est dessinée pour elles.)';
  const marks = hidden.map((value) => describeValue(value, spec));
  const notes = describeMarks(marks, spec.suppressedBelow);
  return `(Valeurs masquées, sans barre dessinée. ${notes.join(' ')})`;
}
