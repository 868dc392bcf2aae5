// Text printed in charts and in their alt text: values (always Intl fr-FR through
// shared/format.ts), suppressed cells, month names, and long category labels made to fit.
import { formatEuros, formatInteger, formatNumber, formatPercent } from '../shared/format.js';
import { monthNameFr } from '../shared/dates.js';
import type { ChartSpec, ChartValue, ChartValueFormat } from './types.js';

/** A value as printed on a chart label or in alt text: 12345 → "12 345", 50.3 → "50,3 %". */
export function formatChartValue(value: number, format: ChartValueFormat = 'integer'): string {
  switch (format) {
    case 'integer':
      return formatInteger(value);
    case 'number':
      return formatNumber(value, 1);
    case 'euros':
      return formatEuros(value, true);
    case 'percent':
      return formatPercent(value);
  }
}

/**
 * An axis tick: same format as labels, but pyramids give negative positions for the left side
 * and a tick always shows the absolute value there.
 */
export function formatTick(value: number, format: ChartValueFormat = 'integer'): string {
  const magnitude = Math.abs(value);
  // Percent ticks are round numbers: "50 %" rather than "50,0 %".
  if (format === 'percent') return `${formatNumber(magnitude, 1)}\u00a0%`;
  return formatChartValue(magnitude, format);
}

/** What a suppressed cell reads as: "< 3" when the threshold is known. */
export function suppressedText(spec: Pick<ChartSpec, 'suppressedBelow'>): string {
  return spec.suppressedBelow === undefined ? 'donnée masquée' : `<\u00a0${formatInteger(spec.suppressedBelow)}`;
}

/** A value or its secrecy mark (« < 3 », « s »), for alt text and legends. */
export function describeValue(value: ChartValue, spec: Pick<ChartSpec, 'format' | 'suppressedBelow'>): string {
  if (typeof value === 'string') return value;
  return value === null ? suppressedText(spec) : formatChartValue(value, spec.format);
}

const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

/** The 12 short French month labels used on axes: "janv.", "févr.", "mars"… */
export function monthLabels(): string[] {
  return Array.from({ length: 12 }, (_, month) => shortMonth.format(new Date(Date.UTC(2000, month, 1))));
}

/** Full month name for alt text: 1 → "janvier". */
export function monthName(month: number): string {
  return monthNameFr(month);
}

/**
 * Wraps a category label on at most `maxLines` lines of about `maxChars` characters, breaking
 * between words; whatever does not fit ends with an ellipsis. Returns a string when one line is
 * enough (chart.js draws an array as several lines).
 */
export function fitLabel(label: string, maxChars: number, maxLines = 2): string | string[] {
  const words = label.trim().split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    let line = words[index] ?? '';
    index += 1;
    while (index < words.length && `${line} ${words[index] ?? ''}`.length <= maxChars) {
      line = `${line} ${words[index] ?? ''}`;
      index += 1;
    }
    lines.push(line);
  }
  const overflow = index < words.length;
  const fitted = lines.map((line, lineIndex) => {
    if (line.length > maxChars) return ellipsize(line, maxChars);
    if (overflow && lineIndex === lines.length - 1) {
      return line.length < maxChars ? `${line}…` : ellipsize(line, maxChars);
    }
    return line;
  });
  return fitted.length <= 1 ? (fitted[0] ?? '') : fitted;
}

/** Cuts `text` to `maxChars` characters, the last one being an ellipsis. */
function ellipsize(text: string, maxChars: number): string {
  return `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/**
 * Share (in percent) of each doughnut value in the whole: `spec.total` when given (suppressed
 * cells make the visible sum too small), else the sum of the visible values.
 */
export function computeShares(values: readonly ChartValue[], total?: number): (number | null)[] {
  const whole = total ?? values.reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
  return values.map((value) => (typeof value !== 'number' || whole <= 0 ? null : (value / whole) * 100));
}
