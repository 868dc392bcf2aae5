export { renderChart, renderChartWith } from './render-chart.js';
export { createPalette, contrastRatio } from './palette.js';
export { fontFiles, FONT_FAMILY, type FontFile } from './fonts.js';
export { describeChart } from './alt-text.js';
export { formatChartValue, monthLabels } from './labels.js';
export type { DrawSvg } from './draw-svg.js';
export type * from './types.js';
