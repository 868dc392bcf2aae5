// Browser delay (option, then RAPPORT_DELAI_NAVIGATEUR) and SOURCE_DATE_EPOCH parsing.
import { describe, expect, it } from 'vitest';
import { parseDelayOption, readSourceDateEpoch, resolveBrowserTimeout } from '../../src/cli/build-env.js';

describe('browser delay', () => {
  it('the option wins over the variable; none gives the default (undefined)', () => {
    expect(resolveBrowserTimeout(30, { RAPPORT_DELAI_NAVIGATEUR: '90' })).toBe(30_000);
    expect(resolveBrowserTimeout(undefined, { RAPPORT_DELAI_NAVIGATEUR: '90' })).toBe(90_000);
    expect(resolveBrowserTimeout(undefined, { RAPPORT_DELAI_NAVIGATEUR: '2,5' })).toBe(2_500);
    expect(resolveBrowserTimeout(undefined, {})).toBeUndefined();
  });

  it.each(['0', '-5', 'abc', '3601', '1e3'])('refuses « %s » (option and variable)', (value) => {
    expect(() => parseDelayOption(value)).toThrow(/délai invalide/);
    expect(() => resolveBrowserTimeout(undefined, { RAPPORT_DELAI_NAVIGATEUR: value })).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining('RAPPORT_DELAI_NAVIGATEUR') }),
    );
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('reads seconds since 1970 as a UTC date; unset or empty is undefined', () => {
    expect(readSourceDateEpoch({ SOURCE_DATE_EPOCH: '1767139200' })?.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(readSourceDateEpoch({})).toBeUndefined();
    expect(readSourceDateEpoch({ SOURCE_DATE_EPOCH: ' ' })).toBeUndefined();
  });

  it.each(['hier', '-1', '1.5', '99999999999999'])('refuses « %s » with exit 2', (value) => {
    expect(() => readSourceDateEpoch({ SOURCE_DATE_EPOCH: value })).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
