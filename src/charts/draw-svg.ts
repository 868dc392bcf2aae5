// The one place that calls chart.js: draws a configuration on a cairo SVG canvas through
// chartjs-node-canvas. Loaded lazily so that a build served from the cache never loads chart.js.
import type { ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { CHART_NEUTRALS } from './palette.js';
import { CSS_FONT_FAMILY, registerChartFonts } from './fonts.js';
import { FONT_SIZE, type BuiltConfig } from './config-common.js';

/** Draws a built configuration and returns the raw SVG document produced by cairo. */
export type DrawSvg = (built: BuiltConfig) => Promise<string>;

// chartjs-node-canvas fixes the size per instance and loads a fresh chart.js for each one:
// instances are kept per size (charts of a report share a handful of sizes).
const renderers = new Map<string, ChartJSNodeCanvas>();

export const drawChartSvg: DrawSvg = async (built) => {
  await registerChartFonts();
  const key = `${built.width}x${built.height}`;
  let renderer = renderers.get(key);
  if (renderer === undefined) {
    const { ChartJSNodeCanvas } = await import('chartjs-node-canvas');
    renderer = new ChartJSNodeCanvas({
      width: built.width,
      height: built.height,
      type: 'svg',
      chartCallback: (chartJs) => {
        // Defaults for whatever an option does not set: never the system font nor chart.js grey.
        chartJs.defaults.font.family = CSS_FONT_FAMILY;
        chartJs.defaults.font.size = FONT_SIZE;
        chartJs.defaults.color = CHART_NEUTRALS.text;
        chartJs.defaults.borderColor = CHART_NEUTRALS.grid;
      },
    });
    renderers.set(key, renderer);
  }
  // The config union is a valid chart.js configuration; the library types it as the generic one.
  const buffer = renderer.renderToBufferSync(built.config as unknown as ChartConfiguration, 'image/svg+xml');
  return buffer.toString('utf8');
};
