// Issue 9 §1: a section's `{{…}}` mistakes said in French at the line of the user's file, Word's
// typographic quotes accepted, an unquoted id told to be quoted. Bodies start at line 5 of
// sections/essai.md (a three-line front matter): body line N is file line N + 4.
import { describe, expect, it } from 'vitest';
import { expandSection, type Placeholders } from '../../src/render/helpers.js';
import { normalizeQuotes } from '../../src/render/section-syntax.js';
import { RapportError } from '../../src/shared/errors.js';
import { section } from './fake-figures.js';
import { failure, figures, say } from './sample-figures.js';

/** English words Handlebars uses in its errors: none may reach the user. */
const ENGLISH = /Parse error|Expecting|got '|doesn't match|requires|Must pass|line \d/;

describe('Handlebars syntax errors, in French at the line of the file', () => {
  it.each([
    // The block opens at body line 3 and is never closed: Handlebars reports the end of the body (line 14).
    ['unclosed block', `a\n\n{{#si "trod.tests"}}\n${'texte\n'.repeat(10)}`, 7, 'bloc « {{#si}} » jamais fermé', 'ajoutez « {{/si}} »'],
    ['unclosed mustache', 'a\n\n{{chiffre "trod.tests"\nb\nc\n', 7, '« {{ » ouvert sans « }} »', 'ajoutez « }} »'],
    ['single closing brace', 'a\n{{chiffre "trod.tests"}\nb\n', 6, 'mal formé', 'chaque " est fermé'],
    ['unterminated string', 'a\n{{chiffre "trod.tests}}\nb\n', 6, 'mal formé', 'chaque " est fermé'],
    ['option without value', 'a\n\n\n{{tableau "trod.tests" par=}}\n', 8, 'il manque un nom ou une valeur', 'par="mois"'],
    ['close without open', 'a\n{{/si}}\n', 6, '« {{/si}} » ferme un bloc qui n\'est pas ouvert', 'ouvrez le bloc'],
    ['close of another block', 'a\n{{#si "trod.tests"}}\nb\n{{/tableau}}\n', 8, '« {{/tableau}} » ne ferme pas le bloc « {{#si}} » ouvert ligne 6', '« {{/si}} »'],
    ['else alone', 'a\n\n{{else}}\n', 7, '« {{else}} » hors d\'un bloc', '{{#si …}}'],
    ['if with two arguments', 'a\n{{#if precedente objectifs}}x{{/if}}\n', 6, '« {{#if}} » attend un seul argument, reçu 2', '{{#si "trod.tests"}}'],
  ])('%s', (_name, body, line, message, hint) => {
    const error = failure(body);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(new RegExp(`^sections/essai\\.md, ligne ${line} : `));
    expect(error.message).toContain(message);
    expect(error.hint).toContain(hint);
    expect(`${error.message} ${error.hint}`).not.toMatch(ENGLISH);
  });

  it('Parse error on line 14 was shown under « ligne 18 »: the unclosed block is named at its own line of the file', () => {
    // Front matter of 4 lines: the body starts at line 5. The block opens at body line 5 (file line 9).
    const body = `${'texte\n'.repeat(4)}{{#si "trod.tests"}}\n${'suite\n'.repeat(8)}`;
    const error = catchError(() => expandSection(section(body, 'sections/essai.md', 5), figures, placeholders()));
    expect(error.message).toMatch(/^sections\/essai\.md, ligne 9 : bloc « \{\{#si\}\} » jamais fermé/);
    expect(error.message).not.toContain('ligne 18');
  });
});

describe("Word's quotes around helper arguments", () => {
  it.each([
    ['“…”', '{{chiffre “trod.tests”}}'],
    ['”…”', '{{chiffre ”trod.tests”}}'],
    ['« … » with no-break spaces', '{{chiffre «\u00a0trod.tests\u00a0»}}'],
    ['« … » with narrow spaces', '{{chiffre «\u202ftrod.tests\u202f»}}'],
    ['‘…’', '{{chiffre ‘trod.tests’}}'],
    ['an option', '{{chiffre “trod.tests” depistage=”VIH”}}'],
  ])('%s are read as straight quotes', (_name, body) => {
    expect(say(body)).toBe(say(body.includes('VIH') ? '{{chiffre "trod.tests" depistage="VIH"}}' : '{{chiffre "trod.tests"}}'));
  });

  it('keeps the text outside {{…}} and apostrophes inside quoted strings as written, and every line', () => {
    const body = 'Le « point » d’accueil\n{{tableau "trod.tests" par="depistage" titre="Tests d’aujourd’hui « VIH »"}}\n{{chiffre\n“trod.tests”}}';
    const normalized = normalizeQuotes(body);
    expect(normalized).toBe('Le « point » d’accueil\n{{tableau "trod.tests" par="depistage" titre="Tests d’aujourd’hui « VIH »"}}\n{{chiffre\n"trod.tests"}}');
    expect(normalized.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('an error after a normalised line still names the right line', () => {
    const error = failure('{{chiffre «\u00a0trod.tests\u00a0»}}\n\n{{chiffre “trod.test”}}');
    expect(error.message).toMatch(/^sections\/essai\.md, ligne 7 : chiffre inconnu « trod\.test »/);
  });
});

describe('an id written without quotes', () => {
  it('{{chiffre trod.tests}} is told to quote it', () => {
    const error = failure('a\n{{chiffre trod.tests}}');
    expect(error.message).toMatch(/^sections\/essai\.md, ligne 6 : identifiant sans guillemets « trod\.tests »/);
    expect(error.hint).toContain('mettez l\'identifiant entre guillemets : {{chiffre "trod.tests"}}');
  });

  it('an option value without quotes too', () => {
    const error = failure('{{tableau "trod.tests" par=depistage}}');
    expect(error.hint).toContain('par="depistage"');
  });

  it('{{trod.tests}} alone is not a variable: it says how to print a figure', () => {
    const error = failure('{{trod.tests}}');
    expect(error.message).toContain('« {{trod.tests}} » n\'est pas une variable des sections');
    expect(error.hint).toContain('{{chiffre "trod.tests"}}');
  });

  it('variables and each-block items stay allowed', () => {
    expect(say('{{annee}} {{#if precedente}}{{annee_precedente}}{{/if}}')).toBe('2023 2022');
  });

  it('an item field inside {{#each}} of an empty list is not taken for an unknown variable (chiffres-cles without families)', () => {
    const body = '{{#each familles}}\n## {{titre}}\n\n{{tuiles motif limite=3}}\n{{/each}}fin';
    const html = expandSection({ ...section(body), variables: { familles: [] } }, figures, placeholders());
    expect(html).toBe('fin');
  });
});

function placeholders(): Placeholders {
  return { html: [], charts: new Map() };
}

function catchError(run: () => unknown): RapportError {
  try {
    run();
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('an error inside a built-in template is ours, said with the data that caused it', () => {
  it('names the chapter, the template line, the year and the files, and never asks to correct the section', () => {
    const builtin = { ...section('Texte.\n{{chiffre "maraudes.site"}}', 'templates/sections/maraudes.md', 5), id: 'maraudes', builtin: 'le rapport 2023 et maraudes.csv : années 2024, 2025' };
    const error = catchError(() => expandSection(builtin, figures, placeholders()));
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      'chapitre intégré « maraudes » (templates/sections/maraudes.md, ligne 6) : chiffre inconnu « maraudes.site » — vouliez-vous dire « maraudes.sites » ? — avec le rapport 2023 et maraudes.csv : années 2024, 2025',
    );
    expect(error.hint).toContain("ce n'est pas une erreur de vos fichiers");
    expect(error.hint).toContain('--annee');
    expect(error.hint).not.toContain('corrigez la section');
  });
});
