import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { CSS_FONT_FAMILY, FONT_FAMILY, fontFiles, registerChartFonts } from '../../src/charts/fonts.js';

const SAMPLE = 'Dépistage 12 345 — Femme transgenre';

function measure(family: string, weight = 400): number {
  const context = createCanvas(400, 50, 'svg').getContext('2d');
  context.font = `${weight} 20px ${family}`;
  return context.measureText(SAMPLE).width;
}

/**
 * Widths of SAMPLE drawn with each TTF file registered alone under a name no system has, in a
 * fresh process: canvas keeps one family per font face, so registering the same faces again in
 * this process would rename the family under test.
 */
function referenceWidths(paths: readonly string[]): number[] {
  const script = `
    const { createCanvas, registerFont } = require('canvas');
    const paths = ${JSON.stringify(paths)};
    const widths = paths.map((path, index) => {
      registerFont(path, { family: 'RapportReference' + index });
      const context = createCanvas(400, 50, 'svg').getContext('2d');
      context.font = '20px RapportReference' + index;
      return context.measureText(${JSON.stringify(SAMPLE)}).width;
    });
    process.stdout.write(JSON.stringify(widths));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as number[];
}

describe('fontFiles', () => {
  it('resolves the three weights of Source Sans 3 to TrueType files of the npm package', () => {
    const files = fontFiles();
    expect(files.map((file) => file.weight)).toEqual([400, 600, 700]);
    for (const file of files) {
      expect(file.family).toBe('Source Sans 3');
      expect(isAbsolute(file.path)).toBe(true);
      expect(file.path).toContain('@expo-google-fonts/source-sans-3');
      expect(existsSync(file.path)).toBe(true);
      // TrueType magic number 0x00010000.
      expect([...readFileSync(file.path).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    }
  });
});

describe('registerChartFonts', () => {
  it('makes the family used by charts draw with the Source Sans 3 files, not a system font', async () => {
    await registerChartFonts();
    const reference = referenceWidths(fontFiles().map((file) => file.path));
    expect([400, 600, 700].map((weight) => measure(CSS_FONT_FAMILY, weight))).toEqual(reference);
    // Sanity: the fallback font of this machine has other metrics, so the check can fail.
    expect(reference).not.toContain(measure('RapportNoSuchFont'));
    // Unquoted, the family name is an invalid CSS shorthand and canvas keeps its default font.
    expect(CSS_FONT_FAMILY).toBe(`"${FONT_FAMILY}"`);
  });
});
