// Maps a chart spec to a chart.js configuration and its size.
import { buildBarConfig } from './config-bars.js';
import type { BuiltConfig, ConfigContext } from './config-common.js';
import { buildDoughnutConfig } from './config-doughnut.js';
import { buildLineConfig } from './config-line.js';
import { buildPyramidConfig } from './config-pyramid.js';
import type { ChartSpec } from './types.js';
import { validateChartSpec } from './validate-spec.js';

export function buildChartConfig(spec: ChartSpec, context: ConfigContext): BuiltConfig {
  validateChartSpec(spec);
  switch (spec.type) {
    case 'bar-vertical':
    case 'bar-horizontal':
    case 'bar-stacked':
      return buildBarConfig(spec, context);
    case 'line-monthly':
      return buildLineConfig(spec, context);
    case 'doughnut':
      return buildDoughnutConfig(spec, context);
    case 'pyramid':
      return buildPyramidConfig(spec, context);
  }
}
