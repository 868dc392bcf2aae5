import { describe, expect, it } from 'vitest';
import { buildChartConfig } from '../../src/charts/chart-config.js';
import { drawChartSvg } from '../../src/charts/draw-svg.js';
import type { ChartSpec } from '../../src/charts/types.js';
import { SPECS } from './specs.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Draws `spec` with chart.js and returns every value label the plugin drew, in order. */
async function drawnLabels(spec: ChartSpec): Promise<string[]> {
  const recorder: string[] = [];
  await drawChartSvg(buildChartConfig(spec, { color: '#1d6f8c', showTitle: false, recorder }));
  return recorder;
}

describe('value labels drawn on charts', () => {
  it('prints French numbers on bars and a "< 3" marker for suppressed cells', async () => {
    expect(await drawnLabels(SPECS.vertical)).toEqual(['73', '71', `12${NNBSP}345`, `<${NBSP}3`]);
  });

  it('draws each hidden cell\'s own mark (« s » for a complementary cell), no bar and never 0', async () => {
    const labels = await drawnLabels({
      type: 'bar-horizontal',
      title: 'Tests par lieu',
      labels: ['Centre', 'Gare', 'Port'],
      series: [{ name: 'Tests', values: [124, 's', `<${NBSP}3`] }],
      suppressedBelow: 3,
    });
    expect(labels).toEqual(['124', 's', `<${NBSP}3`]);
    const built = buildChartConfig({ type: 'bar-horizontal', title: 'x', labels: ['a', 'b'], series: [{ name: 'x', values: [4, 's'] }] }, { color: '#1d6f8c', showTitle: false });
    expect(built.config.data.datasets[0]?.data).toEqual([4, null]);
  });

  it('labels both sides of a pyramid with magnitudes, never negative numbers', async () => {
    const labels = await drawnLabels(SPECS.pyramid);
    expect(labels).toContain('95');
    expect(labels).toContain(`1${NNBSP}250`);
    expect(labels.filter((label) => label === `<${NBSP}3`)).toHaveLength(1);
    expect(labels.some((label) => label.includes('-') || label.includes('\u2212'))).toBe(false);
    expect(labels).toHaveLength(12);
  });

  it('prints stack totals except where a suppressed cell would be revealed by subtraction', async () => {
    const labels = await drawnLabels(SPECS.stacked);
    expect(labels).toContain('98'); // VIH: 70 + 13 + 15
    expect(labels).toContain('91'); // VHB: 65 + 14 + 12
    expect(labels).not.toContain('81'); // VHC: 68 + ? + 13 — no total
    expect(labels).toContain('70');
  });

  it('labels the points of year N only on a monthly line', async () => {
    const labels = await drawnLabels(SPECS.line);
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBe(`1${NNBSP}450`);
    expect(labels).not.toContain(`1${NNBSP}200`); // January of N−1
  });

  it('prints the whole in the hole of a doughnut, and count and share in its legend', async () => {
    expect(await drawnLabels(SPECS.doughnut)).toEqual(['756']);
    const built = buildChartConfig(SPECS.doughnut, { color: '#1d6f8c', showTitle: false });
    const generate = built.config.options?.plugins?.legend?.labels?.generateLabels as unknown as () => { text: string }[];
    expect(generate().map((item) => item.text)).toEqual([
      `Femme${NBSP}: 381 (50,4${NBSP}%)`,
      `Femme transgenre${NBSP}: 250 (33,1${NBSP}%)`,
      `Homme${NBSP}: 120 (15,9${NBSP}%)`,
      `Homme transgenre${NBSP}: <${NBSP}3`,
      `Autre${NBSP}: 3 (0,4${NBSP}%)`,
    ]);
  });

  it('formats axis ticks in French', () => {
    const built = buildChartConfig(SPECS.line, { color: '#1d6f8c', showTitle: false });
    const y = built.config.options?.scales?.['y'] as { ticks?: { callback?: (value: number) => string } } | undefined;
    expect(y?.ticks?.callback?.(1500)).toBe(`1${NNBSP}500`);
  });

  it('lays vertical bars out horizontally when a label would lose letters under its bar', () => {
    const labels = ['Alimentation', 'Transport', 'Titres de séjour', 'Santé', 'Hébergement', 'Téléphonie', 'Vêtements', 'Hygiène', 'Scolarité', 'Autre'];
    const many: ChartSpec = { type: 'bar-vertical', title: 'Aides', labels, series: [{ name: 'Aides', values: labels.map(() => 10) }] };
    const few: ChartSpec = { ...many, labels: labels.slice(0, 3), series: [{ name: 'Aides', values: [1, 2, 3] }] };
    const manyBuilt = buildChartConfig(many, { color: '#1d6f8c', showTitle: false });
    expect(manyBuilt.config.options?.indexAxis).toBe('y');
    expect(manyBuilt.config.data.labels).toEqual(labels);
    expect(buildChartConfig(few, { color: '#1d6f8c', showTitle: false }).config.options?.indexAxis).toBe('x');
  });
});
