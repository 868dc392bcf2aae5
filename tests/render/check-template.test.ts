// Issue 8 §2: partials and helpers outside the documented list were « Erreur interne inattendue »
// (or ran: `lookup`, `log`); they are now a section error naming the file and line (exit 2).
import { describe, expect, it } from 'vitest';
import { ALLOWED_HELPERS } from '../../src/render/check-template.js';
import { failure, say } from './sample-figures.js';

describe('section templates: only the documented helpers', () => {
  it.each([
    ['{{> evil}}', 'inclusion « {{> …}} » (partial)'],
    ['{{#> layout}}x{{/layout}}', '(partial)'],
    ['{{lookup . "annee"}}', 'aide inconnue « {{lookup}} »'],
    ['{{log "x"}}', 'aide inconnue « {{log}} »'],
    ['{{#with annee}}{{this}}{{/with}}', 'aide inconnue « {{with}} »'],
    ['{{chiffre (lookup . "x")}}', 'aide inconnue « {{lookup}} »'],
    ['{{#si "maraudes.preservatifs"}}{{> x}}{{/si}}', '(partial)'],
  ])('%s is a section error with file and line, exit 2', (body, message) => {
    const error = failure(`Première ligne.\n\n${body}`);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(message);
    // The body starts at line 5 of sections/essai.md: its third line is line 7 of the file.
    expect(error.message).toMatch(/^sections\/essai\.md, ligne 7 : /);
    expect(error.hint).toContain('docs/sections.md');
  });

  it('keeps variables, if/unless/each and the documented helpers', () => {
    expect(say('{{annee}}{{#if objectifs}}x{{/if}}{{#unless objectifs}}y{{/unless}}')).toMatch(/^\d{4}y$/);
    expect(ALLOWED_HELPERS).toEqual(expect.arrayContaining(['chiffre', 'si', 'tableau', 'graphique', 'if', 'each']));
    expect(ALLOWED_HELPERS).not.toContain('lookup');
  });
});
