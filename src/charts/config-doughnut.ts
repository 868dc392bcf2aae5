// Doughnut of shares: the legend carries each count and share ("Femme : 381 (50,3 %)"), the
// hole carries the whole, so no number has to be read off the angle of a slice.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatPercent } from '../shared/format.js';
import { CSS_FONT_FAMILY } from './fonts.js';
import { computeShares, describeValue, fitLabel, formatChartValue } from './labels.js';
import { CHART_NEUTRALS, createPalette } from './palette.js';
import { CHART_WIDTH, FONT_SIZE, baseOptions, titleHeight, type BuiltConfig, type ConfigContext } from './config-common.js';
import type { DoughnutChartSpec } from './types.js';

const LEGEND_LABEL_CHARS = 28;

export function buildDoughnutConfig(spec: DoughnutChartSpec, context: ConfigContext): BuiltConfig {
  const palette = createPalette(context.color, spec.labels.length);
  const shares = computeShares(spec.values, spec.total);
  const legendTexts = spec.labels.map((label, index) => {
    const fitted = fitLabel(label, LEGEND_LABEL_CHARS, 1);
    const share = shares[index] ?? null;
    const value = describeValue(spec.values[index] ?? null, spec);
    return `${Array.isArray(fitted) ? fitted.join(' ') : fitted}\u00a0: ${value}${share === null ? '' : ` (${formatPercent(share)})`}`;
  });
  const whole = spec.total ?? spec.values.reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
  // The legend lists one row per slice: the chart grows with it so that no row is dropped.
  const height = Math.max(250, spec.labels.length * 24 + 40) + titleHeight(spec, context);
  const options = baseOptions(spec, context, true);
  const config: ChartConfiguration<'doughnut'> = {
    type: 'doughnut',
    data: {
      labels: [...spec.labels],
      datasets: [
        {
          // A suppressed share gets a zero-angle slice: nothing is drawn for it.
          data: spec.values.map((value) => (typeof value === 'number' ? value : 0)),
          backgroundColor: palette,
          borderColor: '#ffffff',
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...options,
      cutout: '58%',
      layout: { padding: { top: 6, right: 10, bottom: 6, left: 10 } },
      plugins: {
        ...options.plugins,
        legend: {
          ...options.plugins.legend,
          position: 'right',
          align: 'center',
          labels: {
            ...options.plugins.legend.labels,
            padding: 10,
            generateLabels: () =>
              legendTexts.map((text, index) => ({
                text,
                fillStyle: palette[index] ?? context.color,
                strokeStyle: palette[index] ?? context.color,
                lineWidth: 0,
                hidden: false,
                index,
                fontColor: CHART_NEUTRALS.text,
              })),
          },
        },
      },
    },
    plugins: [createCenterTotalPlugin(formatChartValue(whole, spec.format), context.recorder)],
  };
  return { config, width: CHART_WIDTH, height };
}

/** Prints the whole in the hole of the doughnut. */
function createCenterTotalPlugin(text: string, recorder: string[] | undefined): Plugin<'doughnut'> {
  return {
    id: 'rapportCenterTotal',
    afterDatasetsDraw(chart) {
      const meta = chart.getDatasetMeta(0);
      const arc = meta.data[0] as unknown as { x: number; y: number } | undefined; // arc centre: not in public types
      if (arc === undefined) return;
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = CHART_NEUTRALS.text;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = `700 ${FONT_SIZE + 9}px ${CSS_FONT_FAMILY}`;
      ctx.fillText(text, arc.x, arc.y - 6);
      ctx.fillStyle = CHART_NEUTRALS.mutedText;
      ctx.font = `400 ${FONT_SIZE}px ${CSS_FONT_FAMILY}`;
      ctx.fillText('au total', arc.x, arc.y + 14);
      ctx.restore();
      recorder?.push(text);
    },
  };
}
