// The test helpers that decide what counts as a remote reference or a French figure must
// themselves catch what they are meant to catch.
import { describe, expect, it } from 'vitest';
import { french, isInline, referencesOf, squash, yearOfDate } from './report-reading.js';

describe('referencesOf / isInline', () => {
  it('finds every way an HTML document can load or link to an address', () => {
    const html =
      '<img src="https://a.example/x.png"><a href=//b.example/>b</a><image xlink:href=\'http://c.example/i.svg\'/>' +
      '<img srcset="https://d.example/2x.png 2x"><div style="background:url(https://e.example/bg.png)"></div>' +
      '<style>@import "https://f.example/f.css"; .x{src:url(\'data:font/ttf;base64,AAAA\')}</style><a href="#s-maraudes">m</a>';
    const references = referencesOf(html);
    expect(references.filter((r) => !isInline(r))).toEqual([
      'https://a.example/x.png',
      '//b.example/',
      'http://c.example/i.svg',
      'https://d.example/2x.png 2x',
      'https://e.example/bg.png',
      'https://f.example/f.css',
    ]);
    expect(references.filter(isInline)).toEqual(['#s-maraudes', 'data:font/ttf;base64,AAAA']);
  });

  it('ignores escaped text and SVG namespace declarations', () => {
    expect(referencesOf('<p>&lt;img src=https://x.example/a.png&gt;</p><svg xmlns="http://www.w3.org/2000/svg"></svg>')).toEqual([]);
  });
});

describe('expected-value helpers', () => {
  it('write French figures with Intl fr-FR', () => {
    expect(french.integer(17855)).toBe('17\u202f855');
    expect(french.percent(48.80382)).toBe('48,8\u00a0%');
    expect(french.euros(9589.4)).toBe('9\u202f589,40\u00a0€');
    expect(squash('17\u202f855\u00a0€  x')).toBe('17 855 € x');
  });

  it('read the year of French and ISO dates only', () => {
    expect(yearOfDate('03/01/2025')).toBe(2025);
    expect(yearOfDate('2024-12-31')).toBe(2024);
    expect(yearOfDate('Total')).toBeUndefined();
  });
});
