// A section is a Handlebars template written by the association: only the documented helpers
// may run. Partials (`{{> x}}`), decorators and Handlebars' own `lookup`, `with`, `log` are
// refused before compiling, with the section file and line (exit 2), never an internal error.
// `hbs` is the global AST namespace declared by handlebars' types.
import { failAt } from './resolve-figure.js';
import type { SectionSource } from './types.js';

/** The helpers of docs/sections.md; `if`, `unless` and `each` are Handlebars' own, documented there too. */
export const ALLOWED_HELPERS: readonly string[] = [
  'chiffre', 'evolution', 'part', 'libelle', 'tuiles', 'tableau', 'tableaux', 'comparatif', 'typologie', 'graphique', 'objectifs', 'si',
  'if', 'unless', 'each',
];
const ALLOWED = new Set(ALLOWED_HELPERS);
export const HELPERS_HINT = `aides disponibles : ${ALLOWED_HELPERS.join(', ')} (voir docs/sections.md)`;

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** Variables every section may print (helpers.ts expandSection). */
const SECTION_VARIABLES = ['annee', 'annee_precedente', 'precedente', 'objectifs'];
/** Handlebars' own blocks: one argument each. */
const BLOCKS_WITH_ONE_ARGUMENT = new Set(['if', 'unless', 'each']);

/** Variable names of a section: the common ones, its own (`famille`), the keys of its lists' items (`titre`, `motif`). */
function listVariables(section: SectionSource): Set<string> {
  const names = new Set(SECTION_VARIABLES);
  for (const [name, value] of Object.entries(section.variables ?? {})) {
    names.add(name);
    if (Array.isArray(value)) for (const item of value as readonly Record<string, string>[]) for (const key of Object.keys(item)) names.add(key);
  }
  return names;
}

/** `{{chiffre trod.tests}}`: an unquoted word is read by Handlebars as a variable, which does not exist. */
function isUnknownVariable(node: Node, variables: ReadonlySet<string>, inEach: boolean): node is hbs.AST.PathExpression {
  if (node.type !== 'PathExpression') return false;
  const path = node as hbs.AST.PathExpression;
  if (path.data || path.original === 'this' || path.original.startsWith('this.') || path.original.startsWith('.')) return false;
  // Inside {{#each}}, a plain name may be a field of the items (an empty list gives none to know them by).
  if (inEach && path.parts.length === 1) return false;
  return !variables.has(path.parts[0] ?? '');
}

function lineOf(node: Node): number {
  return node.loc?.start.line ?? 1;
}

/** Throws a UsageError naming the file and line of the first forbidden construct of `ast`. */
export function checkTemplate(ast: hbs.AST.Program, section: SectionSource): void {
  const variables = listVariables(section);
  const known = `variables disponibles : ${[...variables].join(', ')}`;
  const visit = (node: Node | null | undefined, inEach = false): void => {
    if (node === null || node === undefined) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child, inEach);
        return;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        failAt({ section, line: lineOf(node) }, 'inclusion « {{> …}} » (partial) non prise en charge dans une section', HELPERS_HINT);
        break;
      case 'Decorator':
      case 'DecoratorBlock':
        failAt({ section, line: lineOf(node) }, 'décorateur « {{* …}} » non pris en charge dans une section', HELPERS_HINT);
        break;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const call = node as hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;
        const path = call.path as hbs.AST.PathExpression;
        const isCall = node.type !== 'MustacheStatement' || call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
        // `{{annee}}` is a variable; `{{x "a"}}`, `{{#x}}` and `(x)` call a helper.
        if (isCall && path.type === 'PathExpression' && !path.data && !ALLOWED.has(path.original)) {
          failAt({ section, line: lineOf(node) }, `aide inconnue « {{${path.original}}} »`, HELPERS_HINT);
        }
        const name = path.type === 'PathExpression' ? path.original : '';
        if (!isCall && isUnknownVariable(path, variables, inEach)) {
          failAt(
            { section, line: lineOf(node) },
            `« {{${path.original}}} » n'est pas une variable des sections`,
            `pour afficher un chiffre : {{chiffre "${path.original}"}} ; ${known}`,
          );
        }
        if (node.type === 'BlockStatement' && BLOCKS_WITH_ONE_ARGUMENT.has(name) && call.params.length !== 1) {
          failAt({ section, line: lineOf(node) }, `« {{#${name}}} » attend un seul argument, reçu ${call.params.length}`, `par ex. {{#if precedente}}…{{/if}} ; pour tester un chiffre : {{#si "trod.tests"}}…{{/si}}`);
        }
        for (const param of call.params) {
          if (isUnknownVariable(param as Node, variables, inEach)) {
            const word = (param as hbs.AST.PathExpression).original;
            failAt(
              { section, line: lineOf(node) },
              `identifiant sans guillemets « ${word} » dans {{${name}}}`,
              `mettez l'identifiant entre guillemets : {{${name} "${word}"}} (${known})`,
            );
          }
          visit(param as Node, inEach);
        }
        for (const pair of call.hash?.pairs ?? []) {
          if (isUnknownVariable(pair.value as Node, variables, inEach)) {
            const word = (pair.value as hbs.AST.PathExpression).original;
            failAt({ section, line: lineOf(node) }, `valeur sans guillemets ${pair.key}=${word} dans {{${name}}}`, `mettez la valeur entre guillemets : ${pair.key}="${word}"`);
          }
          visit(pair.value as Node, inEach);
        }
        if (node.type === 'BlockStatement') {
          visit((node as hbs.AST.BlockStatement).program, inEach || name === 'each');
          visit((node as hbs.AST.BlockStatement).inverse, inEach);
        }
        return;
      }
      default:
        return;
    }
  };
  visit(ast);
}
