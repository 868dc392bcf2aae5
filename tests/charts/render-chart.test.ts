import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render-chart.js';
import { createPalette } from '../../src/charts/palette.js';
import type { ChartSpec } from '../../src/charts/types.js';
import { RenderError, UsageError } from '../../src/shared/errors.js';
import { checkWellFormedSvg, svgIds } from './svg-check.js';
import { SPECS } from './specs.js';

const COLOR = '#1d6f8c';

/** cairo writes colours as percentages: what the SVG must contain for a palette colour. */
function cairoFill(hex: string): string {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  return `rgb(${channels.map((channel) => `${Number((channel * 100).toFixed(2))}%`).join(',')})`;
}

describe('renderChart', () => {
  it.each(Object.entries(SPECS))('renders %s as a well-formed, accessible, A4-sized SVG', async (_, spec) => {
    const chart = await renderChart(spec, { color: COLOR });
    expect(chart.svg.startsWith('<svg ')).toBe(true);
    expect(chart.svg).not.toContain('<?xml');
    expect(checkWellFormedSvg(chart.svg)).toEqual([]);
    expect(chart.width).toBe(605); // 16 cm at 96 px per inch
    expect(chart.height).toBeGreaterThan(100);
    expect(chart.height).toBeLessThan(900); // fits on an A4 page with its caption
    expect(chart.svg).toContain(`viewBox="0 0 ${chart.width} ${chart.height}"`);
    expect(chart.svg).toContain(`width="${chart.width}" height="${chart.height}"`);
    expect(chart.svg).toContain('role="img"');
    expect(chart.svg).toContain(`aria-label="${chart.alt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
    // The alternative once: a <title> beside aria-label was read again as the description.
    expect(chart.svg).not.toMatch(/<title[\s>]/);
    expect(chart.title).toBe(spec.title);
    expect(chart.alt.startsWith(spec.title)).toBe(true);
    expect(chart.fromCache).toBe(false);
    // Drawn with the association colour, never with chart.js's default blue (54, 162, 235).
    expect(chart.svg).toContain(cairoFill(createPalette(COLOR, 1)[0] ?? ''));
    expect(chart.svg).not.toContain(cairoFill('#36a2eb'));
    // Text is drawn as glyph outlines: many paths, no <text> relying on the reader's fonts.
    expect(chart.svg).not.toContain('<text');
    expect((chart.svg.match(/<path /g) ?? []).length).toBeGreaterThan(10);
  });

  it('prefixes every id so that several charts can be inlined in one page', async () => {
    const first = await renderChart(SPECS.stacked, { color: COLOR });
    const second = await renderChart(SPECS.pyramid, { color: COLOR });
    const a = svgIds(first.svg);
    const b = svgIds(second.svg);
    expect(a.defined.length).toBeGreaterThan(0);
    for (const id of a.referenced) expect(a.defined).toContain(id);
    for (const id of b.referenced) expect(b.defined).toContain(id);
    expect(a.defined.filter((id) => b.defined.includes(id))).toEqual([]);
  });

  it('gives the same bytes for the same spec (reproducible documents)', async () => {
    const first = await renderChart(SPECS.horizontal, { color: COLOR });
    const second = await renderChart(SPECS.horizontal, { color: COLOR });
    expect(second.svg).toBe(first.svg);
    const { defined } = svgIds(first.svg);
    expect(new Set(defined).size).toBe(defined.length);
  });

  it('escapes data in the alt text: a label never becomes markup', async () => {
    const spec: ChartSpec = {
      type: 'bar-horizontal',
      title: 'Sites & "lieux"',
      labels: ['<script>alert(1)</script>', 'Gare du Nord'],
      series: [{ name: 'Maraudes', values: [5, 7] }],
    };
    const chart = await renderChart(spec, { color: COLOR });
    expect(chart.alt).toContain('<script>alert(1)</script> 5');
    expect(chart.svg).not.toContain('<script');
    expect(chart.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 5');
    expect(chart.svg).toContain('Sites &amp; &quot;lieux&quot;');
    expect(checkWellFormedSvg(chart.svg)).toEqual([]);
  });

  it('draws the title only on request', async () => {
    const without = await renderChart(SPECS.vertical, { color: COLOR });
    const withTitle = await renderChart(SPECS.vertical, { color: COLOR, showTitle: true });
    expect(withTitle.height).toBeGreaterThan(without.height);
  });

  it('depends on the colour', async () => {
    const teal = await renderChart(SPECS.doughnut, { color: COLOR });
    const pink = await renderChart(SPECS.doughnut, { color: '#c2185b' });
    expect(pink.svg).toContain(cairoFill('#c2185b'));
    expect(pink.svg).not.toBe(teal.svg);
  });

  it('refuses a spec whose values do not match its labels, naming the chart', async () => {
    const spec: ChartSpec = { type: 'bar-vertical', title: 'Tests', labels: ['VIH', 'VHB'], series: [{ name: 'Tests', values: [1] }] };
    const error = await renderChart(spec, { color: COLOR }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).message).toContain('Tests');
    expect((error as RenderError).details.join('\n')).toContain('1 valeur pour 2 attendues');
  });

  it('refuses a month series that is not 12 values and negative pyramid values', async () => {
    await expect(renderChart({ type: 'line-monthly', title: 'M', year: 2023, values: [1, 2] }, { color: COLOR })).rejects.toThrow(RenderError);
    const pyramid: ChartSpec = { type: 'pyramid', title: 'P', bands: ['a'], left: { name: 'F', values: [-1] }, right: { name: 'H', values: [1] } };
    await expect(renderChart(pyramid, { color: COLOR })).rejects.toThrow(RenderError);
  });

  it('refuses an invalid colour with a usage error', async () => {
    await expect(renderChart(SPECS.vertical, { color: 'rouge' })).rejects.toThrow(UsageError);
  });
});
