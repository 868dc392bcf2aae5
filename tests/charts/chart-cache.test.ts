import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, chartCacheKey } from '../../src/charts/chart-cache.js';
import { drawChartSvg, type DrawSvg } from '../../src/charts/draw-svg.js';
import { renderChartWith } from '../../src/charts/render-chart.js';
import { rm } from 'node:fs/promises';
import { SPECS } from './specs.js';

const COLOR = '#1d6f8c';
let cacheDir: string;
let draws: number;
/** The real chart.js drawing, counted. */
const countingDraw: DrawSvg = async (built) => {
  draws += 1;
  return drawChartSvg(built);
};

beforeEach(() => {
  cacheDir = join(mkdtempSync(join(tmpdir(), 'rapport-charts-')), 'sortie', '.cache', 'graphiques');
  draws = 0;
});
afterEach(async () => {
  await rm(join(cacheDir, '..', '..', '..'), { recursive: true, force: true });
});

describe('chart cache', () => {
  it('draws a spec once, then serves the identical SVG without calling chart.js', async () => {
    const first = await renderChartWith(SPECS.stacked, { color: COLOR, cacheDir }, countingDraw);
    const second = await renderChartWith(SPECS.stacked, { color: COLOR, cacheDir }, countingDraw);
    expect(draws).toBe(1);
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.svg).toBe(first.svg);
    expect(second.alt).toBe(first.alt);
    expect([second.width, second.height]).toEqual([first.width, first.height]);
    // One entry, no temporary file left behind by the atomic write.
    expect(readdirSync(cacheDir)).toEqual([`${chartCacheKey({ spec: SPECS.stacked, color: COLOR, showTitle: false })}.json`]);
  });

  it('never reaches chart.js on a hit (a drawing function that throws is not called)', async () => {
    await renderChartWith(SPECS.line, { color: COLOR, cacheDir }, countingDraw);
    const refuse: DrawSvg = () => Promise.reject(new Error('chart.js called on a cache hit'));
    await expect(renderChartWith(SPECS.line, { color: COLOR, cacheDir }, refuse)).resolves.toMatchObject({ fromCache: true });
  });

  it('ignores key order but not values, colour or title', async () => {
    const reordered = { series: SPECS.vertical.series, labels: SPECS.vertical.labels, title: SPECS.vertical.title, type: SPECS.vertical.type, suppressedBelow: 3 } as const;
    await renderChartWith(SPECS.vertical, { color: COLOR, cacheDir }, countingDraw);
    await renderChartWith(reordered, { color: COLOR.toUpperCase(), cacheDir }, countingDraw);
    expect(draws).toBe(1);
    await renderChartWith({ ...SPECS.vertical, series: [{ name: 'Tests', values: [73, 71, 12345, 4] }] }, { color: COLOR, cacheDir }, countingDraw);
    await renderChartWith(SPECS.vertical, { color: '#c2185b', cacheDir }, countingDraw);
    await renderChartWith(SPECS.vertical, { color: COLOR, cacheDir, showTitle: true }, countingDraw);
    expect(draws).toBe(4);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2)],
    ['an entry whose SVG was cut', (text: string) => JSON.stringify({ ...JSON.parse(text), svg: '<svg><g>' })],
    ['an entry of another key', (text: string) => JSON.stringify({ ...JSON.parse(text), key: 'other' })],
    ['binary garbage', () => '\u0000\u0001\u0002'],
  ])('redraws over %s and repairs the entry', async (_, corrupt) => {
    const first = await renderChartWith(SPECS.pyramid, { color: COLOR, cacheDir }, countingDraw);
    const [entry = ''] = readdirSync(cacheDir);
    const path = join(cacheDir, entry);
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    const second = await renderChartWith(SPECS.pyramid, { color: COLOR, cacheDir }, countingDraw);
    expect(draws).toBe(2);
    expect(second.fromCache).toBe(false);
    expect(second.svg).toBe(first.svg);
    const third = await renderChartWith(SPECS.pyramid, { color: COLOR, cacheDir }, countingDraw);
    expect(third.fromCache).toBe(true);
    expect(draws).toBe(2);
  });

  it('still renders when the cache folder cannot be written', async () => {
    const blocked = join(cacheDir, '..', 'fichier');
    await renderChartWith(SPECS.vertical, { color: COLOR, cacheDir }, countingDraw); // creates the parent
    writeFileSync(blocked, 'not a folder');
    const chart = await renderChartWith(SPECS.doughnut, { color: COLOR, cacheDir: join(blocked, 'graphiques') }, countingDraw);
    expect(chart.svg.startsWith('<svg')).toBe(true);
  });

  it('draws every time without a cache folder', async () => {
    await renderChartWith(SPECS.vertical, { color: COLOR }, countingDraw);
    await renderChartWith(SPECS.vertical, { color: COLOR }, countingDraw);
    expect(draws).toBe(2);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it('keeps null (suppressed cells) distinct from 0', () => {
    expect(chartCacheKey({ values: [null] })).not.toBe(chartCacheKey({ values: [0] }));
  });
});
