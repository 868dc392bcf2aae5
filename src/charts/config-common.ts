// Shared look of every chart: A4-friendly size, font sizes that stay ≥ 9 pt once printed, light
// grey grid, French ticks. Sizes are CSS pixels (96 per inch); charts are printed at this size.
import type { ChartConfiguration, ScaleOptions } from 'chart.js';
import { CSS_FONT_FAMILY } from './fonts.js';
import { fitLabel, formatTick } from './labels.js';
import { CHART_NEUTRALS } from './palette.js';
import type { ChartSpec, ChartValue, ChartValueFormat } from './types.js';

/** 16 cm: the text width of an A4 page with 2,5 cm margins. */
export const CHART_WIDTH = 605;
/** 13 px = 9,75 pt: the smallest text in a chart (ticks, legends, value labels). */
export const FONT_SIZE = 13;
export const TITLE_FONT_SIZE = 16;

export interface ConfigContext {
  readonly color: string;
  readonly showTitle: boolean;
  /** Receives every value label drawn (tests). */
  readonly recorder?: string[];
}

export interface BuiltConfig {
  /** chart.js configuration; one of the chart types the specs map to. */
  readonly config: ChartConfiguration<'bar'> | ChartConfiguration<'line'> | ChartConfiguration<'doughnut'>;
  readonly width: number;
  readonly height: number;
}

/** A title drawn in the chart is wrapped on at most two lines. */
function fitTitle(title: string): string | string[] {
  return fitLabel(title, 72, 2);
}

/** Height taken by a title drawn in the chart (only with `showTitle`). */
export function titleHeight(spec: ChartSpec, context: ConfigContext): number {
  if (!context.showTitle) return 0;
  const lines = [fitTitle(spec.title)].flat().length;
  return lines * Math.ceil(TITLE_FONT_SIZE * 1.2) + 14;
}

/** Options every chart shares: no animation, no tooltip (paper), title only on request. */
export function baseOptions(spec: ChartSpec, context: ConfigContext, legend: boolean) {
  return {
    responsive: false,
    animation: false as const,
    devicePixelRatio: 1,
    layout: { padding: { top: 6, right: 10, bottom: 2, left: 2 } },
    plugins: {
      tooltip: { enabled: false },
      title: {
        display: context.showTitle,
        text: fitTitle(spec.title),
        align: 'start' as const,
        color: CHART_NEUTRALS.text,
        font: { family: CSS_FONT_FAMILY, size: TITLE_FONT_SIZE, weight: 600 },
        padding: { top: 0, bottom: 12 },
      },
      legend: {
        display: legend,
        position: 'top' as const,
        align: 'start' as const,
        labels: {
          color: CHART_NEUTRALS.text,
          font: { family: CSS_FONT_FAMILY, size: FONT_SIZE },
          boxWidth: 12,
          boxHeight: 12,
          padding: 14,
        },
      },
    },
  };
}

type LinearScale = ScaleOptions<'linear'>;

/** The value axis: starts at 0, French ticks, light grid, room above the tallest bar for its label. */
export function valueScale(format: ChartValueFormat, extra: LinearScale = {}): LinearScale {
  return {
    type: 'linear',
    beginAtZero: true,
    grace: '10%',
    border: { display: false },
    grid: { color: CHART_NEUTRALS.grid, lineWidth: 1, tickLength: 0 },
    ticks: {
      color: CHART_NEUTRALS.mutedText,
      font: { family: CSS_FONT_FAMILY, size: FONT_SIZE },
      padding: 6,
      // Enough ticks to read values off, few enough that "12 500 €" labels never touch.
      maxTicksLimit: 7,
      ...(format === 'integer' ? { precision: 0 } : {}),
      callback: (value: string | number) => formatTick(Number(value), format),
    },
    ...extra,
  };
}

/** The category axis: no vertical grid, every label shown (wrapped beforehand), never rotated. */
export function categoryScale(extra: Record<string, unknown> = {}) {
  return {
    type: 'category' as const,
    border: { display: true, color: CHART_NEUTRALS.axis },
    grid: { display: false },
    ticks: {
      color: CHART_NEUTRALS.text,
      font: { family: CSS_FONT_FAMILY, size: FONT_SIZE },
      autoSkip: false,
      maxRotation: 0,
      minRotation: 0,
      padding: 6,
    },
    ...extra,
  };
}

/** chart.js data array: suppressed cells stay `null` so nothing is drawn for them. */
export function toData(values: readonly ChartValue[]): (number | null)[] {
  return values.map((value) => (typeof value === 'number' ? value : null));
}

/** Average width of a character of the document font at FONT_SIZE, to wrap labels. */
export const CHAR_WIDTH = FONT_SIZE * 0.5;
