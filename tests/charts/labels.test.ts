import { describe, expect, it } from 'vitest';
import { computeShares, describeValue, fitLabel, formatChartValue, formatTick, monthLabels, suppressedText } from '../../src/charts/labels.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatChartValue', () => {
  it('formats numbers the French way through Intl', () => {
    expect(formatChartValue(12345)).toBe(`12${NNBSP}345`);
    expect(formatChartValue(133892)).toBe(`133${NNBSP}892`);
    expect(formatChartValue(50.27, 'percent')).toBe(`50,3${NBSP}%`);
    expect(formatChartValue(2.5, 'number')).toBe('2,5');
    expect(formatChartValue(1234.5, 'euros')).toBe(`1${NNBSP}235${NBSP}€`);
  });

  it('prints ticks as magnitudes (pyramids use negative positions on the left)', () => {
    expect(formatTick(-1200)).toBe(`1${NNBSP}200`);
    expect(formatTick(50, 'percent')).toBe(`50${NBSP}%`);
  });
});

describe('suppressed cells', () => {
  it('reads "< 3" when the threshold is known, "donnée masquée" otherwise', () => {
    expect(suppressedText({ suppressedBelow: 3 })).toBe(`<${NBSP}3`);
    expect(suppressedText({})).toBe('donnée masquée');
    expect(describeValue(null, { suppressedBelow: 5 })).toBe(`<${NBSP}5`);
    expect(describeValue(4, { suppressedBelow: 5 })).toBe('4');
  });
});

describe('monthLabels', () => {
  it('gives the 12 short French month names', () => {
    const labels = monthLabels();
    expect(labels).toHaveLength(12);
    expect(labels.slice(0, 3)).toEqual(['janv.', 'févr.', 'mars']);
    expect(labels[7]).toBe('août');
    expect(labels[11]).toBe('déc.');
  });
});

describe('fitLabel', () => {
  it('keeps a short label on one line', () => {
    expect(fitLabel('Belleville', 20)).toBe('Belleville');
  });

  it('wraps between words', () => {
    expect(fitLabel('Porte de la Chapelle', 12)).toEqual(['Porte de la', 'Chapelle']);
  });

  it('ends with an ellipsis what does not fit', () => {
    const lines = fitLabel('Autres pays d’Afrique subsaharienne hors Nigéria et Ghana', 20, 2);
    expect(Array.isArray(lines)).toBe(true);
    const last = (lines as string[])[1] ?? '';
    expect(last.endsWith('…')).toBe(true);
    for (const line of lines as string[]) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('cuts a single word longer than the line', () => {
    expect(fitLabel('Anticonstitutionnellement', 10, 1)).toBe('Anticonst…');
  });
});

describe('computeShares', () => {
  it('divides by the given total when cells are suppressed', () => {
    const [first, second] = computeShares([381, null], 756);
    expect(first).toBeCloseTo(50.4, 1);
    expect(second).toBeNull();
  });

  it('divides by the visible sum without a total', () => {
    expect(computeShares([1, 3])).toEqual([25, 75]);
  });
});
