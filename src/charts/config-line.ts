// Monthly line: year N solid in the association colour, year N−1 dashed in grey behind it.
import type { ChartConfiguration } from 'chart.js';
import { monthLabels, suppressedText } from './labels.js';
import { CHART_NEUTRALS, createPalette } from './palette.js';
import { createValueLabelsPlugin } from './value-labels.js';
import { CHART_WIDTH, FONT_SIZE, baseOptions, categoryScale, titleHeight, toData, valueScale, type BuiltConfig, type ConfigContext } from './config-common.js';
import type { MonthlyLineChartSpec } from './types.js';

/** Last year's line: a neutral grey that still has 3:1 contrast on white. */
const PREVIOUS_YEAR_COLOR = '#7b848a';

export function buildLineConfig(spec: MonthlyLineChartSpec, context: ConfigContext): BuiltConfig {
  const format = spec.format ?? 'integer';
  const [color = context.color] = createPalette(context.color, 1);
  const current = {
    label: String(spec.year),
    data: toData(spec.values),
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2.5,
    pointRadius: 3,
    pointBackgroundColor: color,
    tension: 0,
    spanGaps: false,
    order: 0,
  };
  const previous =
    spec.previousValues === undefined
      ? []
      : [
          {
            label: String(spec.year - 1),
            data: toData(spec.previousValues),
            borderColor: PREVIOUS_YEAR_COLOR,
            backgroundColor: PREVIOUS_YEAR_COLOR,
            borderWidth: 2,
            borderDash: [6, 4],
            pointRadius: 2,
            pointBackgroundColor: PREVIOUS_YEAR_COLOR,
            tension: 0,
            spanGaps: false,
            order: 1,
          },
        ];
  const legend = previous.length > 0;
  const options = baseOptions(spec, context, legend);
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: { labels: monthLabels(), datasets: [current, ...previous] },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        // Legend keys drawn as line segments (solid / dashed) rather than boxes.
        legend: {
          ...options.plugins.legend,
          labels: {
            ...options.plugins.legend.labels,
            usePointStyle: true,
            pointStyleWidth: 28,
            // Built here: chart.js takes legend styles from the points, which have no dash.
            generateLabels: () =>
              [current, ...previous].map((dataset, index) => ({
                text: dataset.label,
                datasetIndex: index,
                pointStyle: 'line' as const,
                strokeStyle: dataset.borderColor,
                fillStyle: dataset.borderColor,
                lineWidth: dataset.borderWidth,
                lineDash: index === 0 ? [] : [5, 3],
                hidden: false,
                fontColor: CHART_NEUTRALS.text,
              })),
          },
        },
      },
      scales: {
        // Points sit in the middle of each month slot so that labels above them stay inside.
        x: categoryScale({ offset: true }),
        y: valueScale(format, { grace: '12%' }),
      },
    },
    // Values of year N only: two rows of numbers on crossing lines would be unreadable.
    plugins: [
      createValueLabelsPlugin({
        mode: 'end',
        horizontal: false,
        format,
        suppressedMarker: suppressedText(spec),
        datasets: [0],
        fontSize: FONT_SIZE - 1,
        ...(context.recorder === undefined ? {} : { recorder: context.recorder }),
      }),
    ],
  };
  return { config, width: CHART_WIDTH, height: 290 + (legend ? 32 : 0) + titleHeight(spec, context) };
}
