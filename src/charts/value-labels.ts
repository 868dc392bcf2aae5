// A tiny chart.js plugin printing each value on the chart (printed reports have no tooltips),
// formatted in French through labels.ts. Written here rather than adding a plugin package: it is
// ~100 lines and the formatting must go through shared/format.ts anyway.
import type { Chart, ChartType, Plugin } from 'chart.js';
import { formatChartValue } from './labels.js';
import { CHART_NEUTRALS, textColorOn } from './palette.js';
import { CSS_FONT_FAMILY } from './fonts.js';
import type { ChartValue, ChartValueFormat } from './types.js';

export interface ValueLabelsOptions {
  /** `end`: after the end of each bar or above each point; `inside`: centred in stacked segments. */
  readonly mode: 'end' | 'inside';
  readonly horizontal: boolean;
  readonly format: ChartValueFormat;
  /** Marker drawn where a suppressed (`null`) bar would start, e.g. "< 3". */
  readonly suppressedMarker: string;
  /** The spec's values per dataset: a hidden cell's own mark (« < 3 », « s ») is drawn instead of `suppressedMarker`. */
  readonly sourceValues?: readonly (readonly ChartValue[])[];
  /** Only these datasets get labels (default: all). */
  readonly datasets?: readonly number[];
  /** Datasets drawn towards negative values (left side of a pyramid): labels go on their left. */
  readonly leftward?: readonly number[];
  /** Stacked bars: print each stack's total after it. */
  readonly stackTotals?: boolean;
  readonly fontSize: number;
  /** Every label text drawn, in order: lets tests check the strings without parsing the SVG paths. */
  readonly recorder?: string[];
}

interface Point {
  readonly x: number;
  readonly y: number;
  readonly base?: number;
  readonly width?: number;
  readonly height?: number;
}

const GAP = 4;

export function createValueLabelsPlugin<T extends ChartType>(options: ValueLabelsOptions): Plugin<T> {
  return {
    id: 'rapportValueLabels',
    afterDatasetsDraw(typedChart) {
      // The helpers only read datasets and element positions, the same for every chart type.
      const chart = typedChart as unknown as Chart<ChartType>;
      const { ctx } = chart;
      ctx.save();
      ctx.font = `600 ${options.fontSize}px ${CSS_FONT_FAMILY}`;
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        if (options.datasets !== undefined && !options.datasets.includes(datasetIndex)) return;
        if (!chart.isDatasetVisible(datasetIndex)) return;
        const meta = chart.getDatasetMeta(datasetIndex);
        const leftward = options.leftward?.includes(datasetIndex) ?? false;
        meta.data.forEach((element, index) => {
          const raw = dataset.data[index];
          const point = element as unknown as Point; // chart.js element props are not in its public types
          if (raw === null || raw === undefined) {
            const mark = options.sourceValues?.[datasetIndex]?.[index];
            if (meta.type === 'bar' && options.mode === 'end') drawEnd(chart, point, typeof mark === 'string' ? mark : options.suppressedMarker, leftward, options, true);
            return;
          }
          if (typeof raw !== 'number') return;
          const text = formatChartValue(Math.abs(raw), options.format);
          if (options.mode === 'inside') {
            const fill = Array.isArray(dataset.backgroundColor) ? undefined : dataset.backgroundColor;
            drawInside(chart, point, text, typeof fill === 'string' ? fill : CHART_NEUTRALS.text, options);
          } else {
            drawEnd(chart, point, text, leftward || raw < 0, options, false);
          }
        });
      });
      if (options.stackTotals === true) drawStackTotals(chart, options);
      ctx.restore();
    },
  };
}

function drawEnd(chart: Chart<ChartType>, point: Point, text: string, leftward: boolean, options: ValueLabelsOptions, muted: boolean): void {
  const { ctx } = chart;
  ctx.fillStyle = muted ? CHART_NEUTRALS.mutedText : CHART_NEUTRALS.text;
  if (options.horizontal) {
    const end = point.base === undefined ? point.x : leftward ? Math.min(point.x, point.base) : Math.max(point.x, point.base);
    ctx.textAlign = leftward ? 'right' : 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, end + (leftward ? -GAP : GAP), point.y);
  } else {
    const top = point.base === undefined ? point.y : Math.min(point.y, point.base);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    // A white halo keeps the label readable where a line (or last year's line) crosses it.
    ctx.save();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeText(text, point.x, top - GAP);
    ctx.restore();
    ctx.fillText(text, point.x, top - GAP);
  }
  options.recorder?.push(text);
}

function drawInside(chart: Chart<ChartType>, point: Point, text: string, fill: string, options: ValueLabelsOptions): void {
  const { ctx } = chart;
  const base = point.base ?? (options.horizontal ? point.x : point.y);
  const length = Math.abs((options.horizontal ? point.x : point.y) - base);
  const thickness = (options.horizontal ? point.height : point.width) ?? 0;
  const textWidth = ctx.measureText(text).width;
  // Only when the label fits in the segment: a label spilling over a neighbour misleads.
  const fits = options.horizontal
    ? length >= textWidth + 2 * GAP && thickness >= options.fontSize + 2
    : length >= options.fontSize + GAP && thickness >= textWidth + 2 * GAP;
  if (!fits) return;
  ctx.fillStyle = textColorOn(fill);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const x = options.horizontal ? (point.x + base) / 2 : point.x;
  const y = options.horizontal ? point.y : (point.y + base) / 2;
  ctx.fillText(text, x, y);
  options.recorder?.push(text);
}

/** Total of each stack after its end; skipped when a cell of the stack is suppressed. */
function drawStackTotals(chart: Chart<ChartType>, options: ValueLabelsOptions): void {
  const visible = chart.data.datasets.map((_, index) => index).filter((index) => chart.isDatasetVisible(index));
  const count = chart.data.labels?.length ?? 0;
  for (let index = 0; index < count; index += 1) {
    const values = visible.map((datasetIndex) => chart.data.datasets[datasetIndex]?.data[index]);
    if (values.some((value) => typeof value !== 'number')) continue;
    const total = values.reduce<number>((sum, value) => sum + (value as number), 0);
    const points = visible.map((datasetIndex) => chart.getDatasetMeta(datasetIndex).data[index] as unknown as Point | undefined);
    const ends = points.flatMap((point) => (point === undefined ? [] : [point]));
    if (ends.length === 0) continue;
    const outer = ends.reduce((best, point) => (options.horizontal ? (point.x > best.x ? point : best) : point.y < best.y ? point : best));
    chart.ctx.font = `700 ${options.fontSize}px ${CSS_FONT_FAMILY}`;
    drawEnd(chart, { x: outer.x, y: outer.y }, formatChartValue(total, options.format), false, options, false);
  }
}
