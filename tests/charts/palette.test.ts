import { describe, expect, it } from 'vitest';
import { contrastRatio, createPalette, parseHexColor, textColorOn, tint } from '../../src/charts/palette.js';
import { UsageError } from '../../src/shared/errors.js';

describe('createPalette', () => {
  it('starts with the association colour when it reads well on white', () => {
    expect(createPalette('#1d6f8c', 4)[0]).toBe('#1d6f8c');
  });

  it('is deterministic and depends on the colour', () => {
    expect(createPalette('#1d6f8c', 8)).toEqual(createPalette('#1d6f8c', 8));
    expect(createPalette('#c2185b', 8)).not.toEqual(createPalette('#1d6f8c', 8));
  });

  it('accepts #rgb and any case, like the equivalent #rrggbb', () => {
    expect(createPalette('#ABC', 5)).toEqual(createPalette('#aabbcc', 5));
  });

  it.each(['#1d6f8c', '#c2185b', '#ffeeaa', '#e6b400', '#777777', '#0b1f5c', '#ffffff', '#000000'])(
    'gives %s distinct colours, each with 3:1 contrast on white',
    (base) => {
      const palette = createPalette(base, 12);
      expect(palette).toHaveLength(12);
      expect(new Set(palette).size).toBe(12);
      for (const color of palette) {
        expect(color).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('darkens a pale association colour instead of using it as is', () => {
    const [first] = createPalette('#ffeeaa', 1);
    expect(first).not.toBe('#ffeeaa');
    expect(contrastRatio(first ?? '', '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('never hands out the chart.js default blue', () => {
    expect(createPalette('#1d6f8c', 12)).not.toContain('#36a2eb');
  });

  it('rejects a colour that is not hexadecimal with a French message', () => {
    expect(() => createPalette('bleu', 3)).toThrow(UsageError);
    expect(() => parseHexColor('#12345')).toThrow(/Couleur invalide.*#12345/);
  });
});

describe('colour helpers', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('picks white text on dark fills and dark text on light ones', () => {
    expect(textColorOn('#1d6f8c')).toBe('#ffffff');
    expect(textColorOn('#ffeeaa')).not.toBe('#ffffff');
  });

  it('tints towards white', () => {
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('#1d6f8c', 0)).toBe('#1d6f8c');
  });
});
