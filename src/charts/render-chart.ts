// Entry point of the charts stage: a spec in, an accessible inline SVG out, cached on disk.
import { describeChart } from './alt-text.js';
import { chartCacheKey, readCachedChart, writeCachedChart } from './chart-cache.js';
import { buildChartConfig } from './chart-config.js';
import { drawChartSvg, type DrawSvg } from './draw-svg.js';
import { parseHexColor, toHex } from './palette.js';
import { finalizeSvg } from './svg-output.js';
import type { ChartSpec, RenderChartOptions, RenderedChart } from './types.js';

/**
 * Renders `spec` as SVG with chart.js, or returns the cached SVG of an identical spec, colour
 * and renderer version when `options.cacheDir` is given (chart.js is then not called).
 */
export async function renderChart(spec: ChartSpec, options: RenderChartOptions): Promise<RenderedChart> {
  return renderChartWith(spec, options, drawChartSvg);
}

/** `renderChart` with the drawing function injected (tests count the calls to chart.js). */
export async function renderChartWith(spec: ChartSpec, options: RenderChartOptions, draw: DrawSvg): Promise<RenderedChart> {
  // Normalised so that "#ABC" and "#aabbcc" share cache entries; throws on an invalid colour.
  const color = toHex(parseHexColor(options.color));
  const showTitle = options.showTitle ?? false;
  const key = chartCacheKey({ spec, color, showTitle });
  if (options.cacheDir !== undefined) {
    const cached = await readCachedChart(options.cacheDir, key);
    if (cached !== undefined) return { ...cached, fromCache: true };
  }
  const built = buildChartConfig(spec, { color, showTitle });
  const alt = describeChart(spec);
  const raw = await draw(built);
  const svg = finalizeSvg(raw, { idPrefix: `ch${key.slice(0, 10)}`, width: built.width, height: built.height, alt });
  const chart = { svg, alt, title: spec.title, width: built.width, height: built.height };
  if (options.cacheDir !== undefined) await writeCachedChart(options.cacheDir, key, chart);
  return { ...chart, fromCache: false };
}
