import { describe, expect, it } from 'vitest';
import { undoubleTitle } from '../../src/pdf/repair-outline.js';

describe('bookmark titles doubled by Chromium for a heading at the top of a page', () => {
  it('"ÉditoÉdito" becomes "Édito"', () => {
    expect(undoubleTitle('ÉditoÉdito')).toBe('Édito');
    expect(undoubleTitle('Maraudes et aller-versMaraudes et aller-vers')).toBe('Maraudes et aller-vers');
  });

  it('leaves ordinary titles alone, even with a repeated part', () => {
    expect(undoubleTitle('Édito')).toBe('Édito');
    expect(undoubleTitle('Nos missions')).toBe('Nos missions');
    expect(undoubleTitle('abab c')).toBe('abab c');
    expect(undoubleTitle('')).toBe('');
  });
});
