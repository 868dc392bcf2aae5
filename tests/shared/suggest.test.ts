import { describe, expect, it } from 'vitest';
import { measureLevenshtein, suggestClosest } from '../../src/shared/suggest.js';

describe('measureLevenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(measureLevenshtein('couleur', 'couleur')).toBe(0);
    expect(measureLevenshtein('coleur', 'couleur')).toBe(1);
    expect(measureLevenshtein('chien', 'niche')).toBe(4);
    expect(measureLevenshtein('', 'abc')).toBe(3);
  });

  it('counts a swap of two neighbouring letters as one edit (bug: « --jsno » suggested nothing)', () => {
    expect(measureLevenshtein('jsno', 'json')).toBe(1);
    expect(measureLevenshtein('biuld', 'build')).toBe(1);
    expect(measureLevenshtein('ab', 'ba')).toBe(1);
    expect(suggestClosest('jsno', ['annee', 'json', 'debug', 'quiet'])).toBe('json');
  });
});

describe('suggestClosest', () => {
  const keys = ['association', 'annee', 'titre', 'sections', 'partenaires', 'financeurs', 'site_web'];

  it('finds a misspelt key, ignoring case and accents', () => {
    expect(suggestClosest('Associaton', keys)).toBe('association');
    expect(suggestClosest('année', keys)).toBe('annee');
    expect(suggestClosest('partenaire', keys)).toBe('partenaires');
  });

  it('accepts a key contained in a known one when it is the only one', () => {
    expect(suggestClosest('site', keys)).toBe('site_web');
    expect(suggestClosest('aides_financieres', ['maraudes', 'trod', 'aides'])).toBe('aides');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(suggestClosest('logo', keys)).toBeUndefined();
    expect(suggestClosest('', keys)).toBeUndefined();
  });
});
