// Reading a section's `{{…}}` as a person writes them in Word or LibreOffice: typographic quotes
// around helper arguments are accepted, and Handlebars' English syntax errors are said in French
// at the line of the user's file (the front matter counted), with what to add or remove.
import Handlebars from 'handlebars';
import { failAt } from './resolve-figure.js';
import type { SectionSource } from './types.js';

/** Opening typographic quote → the characters that may close it (Word also types ”…” and “…“). */
const CLOSING: Readonly<Record<string, string>> = {
  '“': '”“',
  '”': '”',
  '„': '“”',
  '«': '»',
  '‹': '›',
  '‘': '’‘',
  '’': '’',
  '‚': '‘’',
};
const SPACES = /^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g;

/** One `{{…}}`: typographic quotes outside straight-quoted strings become straight quotes. */
function normalizeMustache(mustache: string): string {
  let out = '';
  let index = 0;
  while (index < mustache.length) {
    const char = mustache[index] as string;
    if (char === '"' || char === "'") {
      // A straight-quoted string is copied as is: its apostrophes and guillemets are text.
      const end = mustache.indexOf(char, index + 1);
      const stop = end < 0 ? mustache.length : end + 1;
      out += mustache.slice(index, stop);
      index = stop;
      continue;
    }
    const closers = CLOSING[char];
    let end = -1;
    if (closers !== undefined) {
      for (let next = index + 1; next < mustache.length && end < 0; next += 1) if (closers.includes(mustache[next] as string)) end = next;
    }
    if (end < 0) {
      out += char;
      index += 1;
      continue;
    }
    // « trod.tests » has (no-break) spaces inside the guillemets: they are not part of the id.
    const content = mustache.slice(index + 1, end).replace(SPACES, '');
    const quote = content.includes('"') ? "'" : '"';
    out += `${quote}${content}${quote}`;
    index = end + 1;
  }
  return out;
}

/**
 * `{{chiffre “trod.tests”}}`, `{{chiffre « trod.tests »}}`, `{{tableau ‘x’ par=”mois”}}` → straight
 * quotes, inside `{{…}}` only (French text keeps its guillemets). No line is added or removed.
 */
export function normalizeQuotes(body: string): string {
  return body.replace(/\{\{[^{}]*\}\}/g, normalizeMustache);
}

interface OpenBlock {
  name: string;
  line: number;
}

interface BlockScan {
  /** Blocks still open at the end, innermost last. */
  open: OpenBlock[];
  /** First `{{/x}}` closing nothing, or closing another block than the innermost open one. */
  badClose?: { name: string; line: number; expected?: OpenBlock };
  /** Line of the last `{{` without its `}}`. */
  unclosedMustache?: number;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Blocks and braces of a body, by a plain scan (Handlebars reports only where it gave up). */
function scanBlocks(body: string): BlockScan {
  const scan: BlockScan = { open: [] };
  const tags = /\{\{~?\s*([#^/])?\s*([^\s}~()]*)/g;
  for (let match = tags.exec(body); match !== null; match = tags.exec(body)) {
    const closeAt = body.indexOf('}}', match.index + 2);
    const nextOpen = body.indexOf('{{', match.index + 2);
    if (closeAt < 0 || (nextOpen >= 0 && nextOpen < closeAt)) scan.unclosedMustache = lineAt(body, match.index);
    const [, sigil, name = ''] = match;
    const line = lineAt(body, match.index);
    if (sigil === '#' || sigil === '^') scan.open.push({ name, line });
    else if (sigil === '/' && scan.badClose === undefined) {
      const innermost = scan.open[scan.open.length - 1];
      if (innermost?.name === name) scan.open.pop();
      else scan.badClose = { name, line, ...(innermost !== undefined && { expected: innermost }) };
    }
  }
  return scan;
}

const EXAMPLE = 'forme attendue : {{chiffre "trod.tests"}} ou {{tableau "trod.tests" par="depistage"}}';

/** Handlebars' parse error → French message at the right line of the file. */
function translateParseError(error: unknown, section: SectionSource, body: string): never {
  const text = error instanceof Error ? error.message : String(error);
  const reported = Number(/line (\d+)/.exec(text)?.[1] ?? (error as { lineNumber?: number }).lineNumber ?? 1);
  const got = /got '([A-Z_]+)'/.exec(text)?.[1];
  const scan = scanBlocks(body);
  const at = (line: number, message: string, hint: string): never => failAt({ section, line }, message, hint);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(text);
  if (mismatch !== null || (got === 'OPEN_ENDBLOCK' && scan.badClose !== undefined)) {
    const close = scan.badClose;
    const expected = close?.expected;
    if (close !== undefined && expected !== undefined) {
      at(close.line, `« {{/${close.name}}} » ne ferme pas le bloc « {{#${expected.name}}} » ouvert ligne ${section.bodyLine + expected.line - 1}`, `fermez d'abord ce bloc par « {{/${expected.name}}} »`);
    }
    if (close !== undefined) at(close.line, `« {{/${close.name}}} » ferme un bloc qui n'est pas ouvert`, `supprimez cette ligne, ou ouvrez le bloc avant par « {{#${close.name} …}} »`);
  }
  if (got === 'EOF') {
    const open = scan.open[scan.open.length - 1];
    if (scan.unclosedMustache !== undefined) at(scan.unclosedMustache, '« {{ » ouvert sans « }} » pour le fermer', `ajoutez « }} » à la fin de l'appel ; ${EXAMPLE}`);
    if (open !== undefined) at(open.line, `bloc « {{#${open.name}}} » jamais fermé`, `ajoutez « {{/${open.name}}} » à la fin du contenu de ce bloc`);
  }
  if (got === 'INVERSE' || got === 'OPEN_INVERSE' || got === 'OPEN_INVERSE_CHAIN') {
    at(reported, '« {{else}} » hors d\'un bloc', 'un « {{else}} » se place entre « {{#si …}} » et « {{/si}} »');
  }
  if (got === 'CLOSE' || got === 'CLOSE_UNESCAPED') {
    at(reported, '« {{…}} » incomplet : il manque un nom ou une valeur avant « }} »', `une option s'écrit nom="valeur", par ex. par="mois" ; ${EXAMPLE}`);
  }
  if (got === 'INVALID' || /Lexical error/.test(text)) {
    at(reported, '« {{…}} » mal formé : un guillemet ou une accolade manque, ou un caractère est en trop', `vérifiez que chaque " est fermé et que l'appel finit par « }} » ; ${EXAMPLE}`);
  }
  return at(reported, 'syntaxe « {{…}} » invalide', `vérifiez les accolades, les guillemets et les blocs {{#si}}…{{/si}} de cette ligne ; ${EXAMPLE}`);
}

/** The body parsed (quotes normalised), or a UsageError naming the file and line. */
export function parseSection(section: SectionSource): hbs.AST.Program {
  const body = normalizeQuotes(section.body);
  try {
    return Handlebars.parse(body);
  } catch (error) {
    translateParseError(error, section, body);
  }
}

/**
 * An error Handlebars raises while running a section (`{{#each}}` without a list, `{{#if}}`
 * with two arguments): French, at its line when Handlebars knows it. Other errors pass through.
 */
export function translateRuntimeError(error: unknown, section: SectionSource): void {
  if (!(error instanceof Handlebars.Exception)) return;
  const line = (error as { lineNumber?: number }).lineNumber ?? 1;
  const name = /#(\w+)/.exec(error.message)?.[1];
  failAt(
    { section, line },
    name !== undefined ? `bloc « {{#${name}}} » mal employé : un seul argument attendu (une liste pour #each)` : 'appel « {{…}} » refusé par le moteur de modèles',
    'les blocs et leurs arguments sont décrits dans docs/sections.md',
  );
}
