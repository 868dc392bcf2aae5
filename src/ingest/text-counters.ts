// Any unknown column of maraudes.csv is a counter. A column of words there (the type of outing,
// the team, the district) fails on every row: instead of hundreds of « nombre entier attendu »,
// one message says what happened and gives the rapport.yaml lines that map it, or how to ignore it.
import { formatInteger } from '../shared/format.js';
import { formatYamlLines } from '../shared/yaml-lines.js';
import { CellFailure, INTEGER_EXPECTED } from './cells.js';
import type { FieldSpec } from './contract.js';
import { formatLineList } from './describe-issue.js';
import type { IssueCollector } from './issue-collector.js';
import type { HeaderMapping } from './map-headers.js';

/** Non-empty cells of a counter column, and those that hold letters (words, not typos of numbers). */
export interface CounterStats {
  filled: number;
  words: number;
}

const LETTER = /\p{L}/u;

/** A refused counter cell with letters: a word, not a typo of a number. */
export function holdsWords(raw: string): boolean {
  return LETTER.test(raw);
}

/** Text columns of maraudes.csv a config line can map (site is required: it is always there by now). */
const TEXT_TARGETS = ['creneau', 'type'] as const;

/**
 * Rewords the failures of the counter columns made mostly of words (more than half of their
 * filled cells): one message per column, with the mapping to paste, once the file is read.
 */
export function explainTextCounters(
  issues: IssueCollector,
  stats: ReadonlyMap<string, CounterStats>,
  mapping: HeaderMapping,
  fields: readonly { name: string; spec: FieldSpec }[],
): void {
  for (const [header, { filled, words }] of stats) {
    if (words === 0 || words * 2 <= filled) continue;
    const [group] = issues.findGroups(
      (g) => g.code === 'valeur_invalide' && g.column === header && g.first.expected === INTEGER_EXPECTED && g.values.length > 0,
    );
    if (group === undefined) continue;
    // Masked values (an e-mail typed in the column) stay masked: the group is left as it is.
    if (!group.first.message.includes(`« ${group.first.value ?? ''} »`)) continue;
    const free = TEXT_TARGETS.filter((name) => mapping.columns[name] === undefined);
    const spec = (name: string) => fields.find((f) => f.name === name)?.spec;
    const creneau = spec('creneau');
    const target =
      free.includes('creneau') && creneau !== undefined && group.values.every((value) => !(creneau.parse(value) instanceof CellFailure))
        ? 'creneau'
        : free.includes('type')
          ? 'type'
          : undefined;
    const shown = group.values.map((value) => `« ${value} »`).join(', ');
    const lines = [
      `colonne de texte lue comme un compteur : ${formatInteger(group.count)} valeur${group.count > 1 ? 's' : ''} non numérique${group.count > 1 ? 's' : ''} ` +
        `(${shown}${group.moreValues === true ? '…' : ''}), ${formatLineList(group.lines)}.`,
      '  Dans maraudes.csv, toute colonne autre que date, site, type, creneau, nombre et les commentaires est un compteur : un nombre entier par ligne.',
    ];
    if (target !== undefined) {
      const what = target === 'type' ? 'le type de maraude' : 'le créneau (jour ou nuit)';
      lines.push(
        `  Si elle donne ${what}, ajoutez ces lignes à rapport.yaml (en début de ligne, ou complétez la rubrique « colonnes » existante) :`,
        ...formatYamlLines(['colonnes', 'maraudes', target], header).map((line) => `      ${line}`),
      );
    }
    lines.push(`  ${target === undefined ? 'Pour' : 'Sinon, pour'} qu'elle soit ignorée : renommez son en-tête « Commentaire », ou supprimez la colonne de l'export.`);
    group.code = 'colonne_texte_compteur';
    group.summary = lines.join('\n');
  }
}
