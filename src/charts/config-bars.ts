// Bars: vertical, horizontal and stacked (either orientation).
import type { ChartConfiguration } from 'chart.js';
import { fitLabel, suppressedText } from './labels.js';
import { createPalette } from './palette.js';
import { createValueLabelsPlugin } from './value-labels.js';
import {
  CHAR_WIDTH,
  CHART_WIDTH,
  FONT_SIZE,
  baseOptions,
  categoryScale,
  titleHeight,
  toData,
  valueScale,
  type BuiltConfig,
  type ConfigContext,
} from './config-common.js';
import type { HorizontalBarChartSpec, StackedBarChartSpec, VerticalBarChartSpec } from './types.js';

type BarSpec = VerticalBarChartSpec | HorizontalBarChartSpec | StackedBarChartSpec;

const VERTICAL_HEIGHT = 300;
const LEGEND_HEIGHT = 32;
/** Width kept for category labels on the left of horizontal bars (about 30 characters). */
const HORIZONTAL_LABEL_CHARS = 30;

export function buildBarConfig(spec: BarSpec, context: ConfigContext): BuiltConfig {
  const stacked = spec.type === 'bar-stacked';
  const format = spec.format ?? 'integer';
  const palette = createPalette(context.color, spec.series.length);
  const legend = spec.series.length > 1;
  const rows = spec.labels.length;

  // Vertical: each label gets its slot's width, on up to 3 lines. When a label would lose
  // letters there, the bars are laid out horizontally instead: a truncated category is useless.
  const slotChars = Math.floor((CHART_WIDTH - 70) / Math.max(rows, 1) / CHAR_WIDTH) - 1;
  const verticalLabels = spec.labels.map((label) => fitLabel(label, Math.max(4, slotChars), 3));
  const truncated = verticalLabels.some((label) => [label].flat().some((line) => line.endsWith('…')));
  const horizontal =
    spec.type === 'bar-horizontal' || (spec.type === 'bar-stacked' && spec.orientation === 'horizontal') || truncated;
  const labels = horizontal ? spec.labels.map((label) => fitLabel(label, HORIZONTAL_LABEL_CHARS, 2)) : verticalLabels;

  const barsPerRow = stacked ? 1 : spec.series.length;
  const rowHeight = Math.max(30, barsPerRow * 15 + 14);
  const height =
    (horizontal ? Math.max(140, rows * rowHeight + 46) : VERTICAL_HEIGHT) + (legend ? LEGEND_HEIGHT : 0) + titleHeight(spec, context);

  const valueAxis = valueScale(format, { stacked, grace: horizontal ? '14%' : '10%' });
  const categoryAxis = categoryScale({ stacked });
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels,
      datasets: spec.series.map((series, index) => ({
        label: series.name,
        data: toData(series.values),
        backgroundColor: palette[index] ?? context.color,
        // Stacked segments are separated by a thin white line, like slices of the doughnut.
        borderWidth: stacked ? 1 : 0,
        borderColor: '#ffffff',
        borderRadius: stacked ? 0 : 2,
        maxBarThickness: horizontal ? 26 : 56,
        categoryPercentage: horizontal ? 0.78 : 0.72,
        barPercentage: stacked ? 0.85 : 0.92,
      })),
    },
    options: {
      ...baseOptions(spec, context, legend),
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: [
      createValueLabelsPlugin({
        mode: stacked ? 'inside' : 'end',
        horizontal,
        format,
        suppressedMarker: suppressedText(spec),
        sourceValues: spec.series.map((series) => series.values),
        stackTotals: stacked && spec.series.length > 1,
        fontSize: FONT_SIZE - 1,
        ...(context.recorder === undefined ? {} : { recorder: context.recorder }),
      }),
    ],
  };
  return { config, width: CHART_WIDTH, height };
}
