// The HTML as a web page (issue 11 §4), at the render stage: headings that never skip a level
// but keep their look in print, tables in named scrolling boxes, screen styles that cannot
// touch the PDF, one text alternative per chart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxTable } from '../../src/render/blocks.js';
import { renderMarkdown } from '../../src/render/markdown.js';

function headingsOf(markdown: string): string[] {
  const html = renderMarkdown(markdown, { html: [], charts: new Map() });
  return [...html.matchAll(/<(h\d)( class="[^"]*")?>([^<]*)<\/h\d>/g)].map((m) => `${m[1]}${m[2] ?? ''} ${m[3]}`);
}

describe('section headings', () => {
  it('make the section\'s highest level an h2, with the look of the level written (## → h2 that looks like an h3)', () => {
    expect(headingsOf('## Missions\n\ntexte\n\n### Détail\n\n## Équipe')).toEqual([
      'h2 class="niveau-3" Missions',
      'h3 class="niveau-4" Détail',
      'h2 class="niveau-3" Équipe',
    ]);
  });

  it('keep # as an h2 without a class, and never skip a level after it', () => {
    expect(headingsOf('# Un\n\n#### Quatre\n\n## Deux')).toEqual(['h2 Un', 'h3 class="niveau-5" Quatre', 'h3 Deux']);
  });

  it('close each heading with its own tag', () => {
    const html = renderMarkdown('## A\n\n#### B', { html: [], charts: new Map() });
    expect(html).toBe('<h2 class="niveau-3">A</h2>\n<h3 class="niveau-5">B</h3>\n');
  });
});

describe('table boxes', () => {
  it('scroll on screen, take the keyboard focus and are named after the caption', () => {
    const html = boxTable('<table><caption>Aides &#38; secours</caption><tbody></tbody></table><p class="note">n</p>');
    expect(html).toMatch(/^<div class="bloc" role="region" tabindex="0" aria-label="Aides &#38; secours"><table>/);
  });

  it('use the given name, escaped, for a table without caption', () => {
    expect(boxTable('<table></table>', 'Fichiers "sources"')).toContain('aria-label="Fichiers &#34;sources&#34;"');
  });
});

describe('screen styles', () => {
  it('are all inside @media screen, so the PDF (print media) never sees them', () => {
    const css = readFileSync(new URL('../../templates/screen.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    let depth = 0;
    const topLevel: string[] = [];
    let current = '';
    for (const char of css) {
      if (depth === 0) current += char;
      if (char === '{') {
        if (depth === 0) topLevel.push(current.slice(0, -1).trim());
        depth += 1;
      } else if (char === '}') {
        depth -= 1;
        if (depth === 0) current = '';
      }
    }
    expect(depth).toBe(0);
    expect(topLevel.length).toBeGreaterThan(0);
    for (const prelude of topLevel) expect(prelude).toMatch(/^@media screen\b/);
  });
});
