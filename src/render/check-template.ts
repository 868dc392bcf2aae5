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

function lineOf(node: Node): number {
  return node.loc?.start.line ?? 1;
}

/** Throws a UsageError naming the file and line of the first forbidden construct of `ast`. */
export function checkTemplate(ast: hbs.AST.Program, section: SectionSource): void {
  const visit = (node: Node | null | undefined): void => {
    if (node === null || node === undefined) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child);
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
        for (const param of call.params) visit(param as Node);
        for (const pair of call.hash?.pairs ?? []) visit(pair.value as Node);
        if (node.type === 'BlockStatement') {
          visit((node as hbs.AST.BlockStatement).program);
          visit((node as hbs.AST.BlockStatement).inverse);
        }
        return;
      }
      default:
        return;
    }
  };
  visit(ast);
}
