// Population pyramid: two horizontal bar series mirrored around 0 (the left one is drawn with
// negated values), one row per band, youngest at the bottom; axis and labels show magnitudes.
import type { ChartConfiguration, ScriptableScaleContext } from 'chart.js';
import { fitLabel, suppressedText } from './labels.js';
import { CHART_NEUTRALS, createPalette } from './palette.js';
import { createValueLabelsPlugin } from './value-labels.js';
import { CHART_WIDTH, FONT_SIZE, baseOptions, categoryScale, titleHeight, toData, valueScale, type BuiltConfig, type ConfigContext } from './config-common.js';
import type { ChartValue, PyramidChartSpec } from './types.js';

const ROW_HEIGHT = 26;

export function buildPyramidConfig(spec: PyramidChartSpec, context: ConfigContext): BuiltConfig {
  const format = spec.format ?? 'integer';
  const palette = createPalette(context.color, 2);
  const magnitudes = [...spec.left.values, ...spec.right.values].flatMap((value) => (typeof value === 'number' ? [Math.abs(value)] : []));
  // Symmetric axis with room for the value labels at the ends of the longest bars.
  const rough = niceCeiling(Math.max(1, ...magnitudes) * 1.22);
  // Counts need whole ticks at ±limit/2: the limit is then even.
  const limit = format === 'integer' ? Math.max(2, Math.ceil(rough / 2) * 2) : rough;
  const negate = (values: readonly ChartValue[]): (number | null)[] => values.map((value) => (typeof value === 'number' ? -value : null));
  const bar = { borderWidth: 0, borderRadius: 1, categoryPercentage: 0.86, barPercentage: 1 };
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.bands.map((band) => fitLabel(band, 16, 1)),
      datasets: [
        { ...bar, label: spec.left.name, data: negate(spec.left.values), backgroundColor: palette[0] ?? context.color },
        { ...bar, label: spec.right.name, data: toData(spec.right.values), backgroundColor: palette[1] ?? context.color },
      ],
    },
    options: {
      ...baseOptions(spec, context, true),
      indexAxis: 'y',
      scales: {
        x: valueScale(format, {
          stacked: true,
          beginAtZero: false,
          grace: 0,
          min: -limit,
          max: limit,
          ticks: { ...valueScale(format).ticks, stepSize: limit / 2 },
          // The shared 0 is the axis of the pyramid: drawn darker than the grid.
          grid: { color: (context: ScriptableScaleContext) => (context.tick?.value === 0 ? CHART_NEUTRALS.axis : CHART_NEUTRALS.grid), tickLength: 0 },
        }),
        // Bands are given youngest first: reversed so that the youngest sit at the bottom.
        y: categoryScale({ stacked: true, reverse: true, border: { display: false } }),
      },
    },
    plugins: [
      createValueLabelsPlugin({
        mode: 'end',
        horizontal: true,
        format,
        suppressedMarker: suppressedText(spec),
        sourceValues: [spec.left.values, spec.right.values],
        leftward: [0],
        fontSize: FONT_SIZE - 1,
        ...(context.recorder === undefined ? {} : { recorder: context.recorder }),
      }),
    ],
  };
  const height = Math.max(160, spec.bands.length * ROW_HEIGHT + 82) + titleHeight(spec, context);
  return { config, width: CHART_WIDTH, height };
}

/** Smallest "round" number (1, 1.2, 1.5, 2… × 10^k) at or above `value`. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((candidate) => candidate * power >= value) ?? 10;
  return step * power;
}
