// zod issues → French config problems: one per issue (one per unknown key), with the key path,
// the value received, the line from the YAML source and, for a misspelt key, the closest known key.
import type { z } from 'zod';
import { formatNumber } from '../shared/format.js';
import { type ConfigProblem, formatKeyPath } from './config-error.js';
import { suggestClosest } from '../shared/suggest.js';
import type { YamlSource } from './yaml-source.js';
import { describeFunderPlace } from './schema-funders.js';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const EXPECTED: Record<string, string> = {
  string: 'texte attendu',
  number: 'nombre attendu',
  int: 'nombre entier attendu',
  boolean: 'oui ou non attendu (true / false)',
  object: 'liste de clés attendue (clé: valeur)',
  array: 'liste attendue (une ligne « - » par élément)',
};

/**
 * Per-parse zod error map: every message zod writes is French. It also records, for each object
 * holding an unknown key, the keys it accepts, so the problem can suggest the closest one.
 */
export function createFrenchErrorMap(knownKeys: WeakMap<object, readonly string[]>) {
  return (issue: RawIssue): string => {
    switch (issue.code) {
      case 'unrecognized_keys': {
        const def = (issue.inst as z.core.$ZodType | undefined)?._zod.def as { shape?: object } | undefined;
        if (def?.shape && typeof issue.input === 'object' && issue.input !== null) knownKeys.set(issue.input, Object.keys(def.shape));
        return 'clé inconnue';
      }
      case 'invalid_type':
        return issue.input === undefined ? 'clé obligatoire manquante' : (EXPECTED[issue.expected] ?? `${issue.expected} attendu`);
      case 'too_small':
        if (issue.origin === 'array') return `au moins ${formatNumber(Number(issue.minimum))} élément(s) attendu(s)`;
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'texte vide' : `au moins ${issue.minimum} caractères attendus`;
        return `nombre supérieur ou égal à ${formatNumber(Number(issue.minimum))} attendu`;
      case 'too_big':
        if (issue.origin === 'array') return `au plus ${formatNumber(Number(issue.maximum))} élément(s) attendu(s)`;
        if (issue.origin === 'string') return `au plus ${issue.maximum} caractères attendus`;
        return `nombre inférieur ou égal à ${formatNumber(Number(issue.maximum))} attendu`;
      case 'invalid_value':
        return `une de ces valeurs attendue : ${issue.values.map(String).join(', ')}`;
      case 'invalid_key':
        return 'clé invalide';
      case 'invalid_union':
        return 'valeur invalide';
      default:
        return 'valeur invalide';
    }
  };
}

/** How a received value is named in a message: « bleu », 20,5, une valeur vide, une liste… */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'une valeur vide';
  if (typeof value === 'string') return value.length > 60 ? `« ${value.slice(0, 57)}… »` : `« ${value} »`;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return `« ${value ? 'true' : 'false'} »`;
  if (Array.isArray(value)) return 'une liste';
  return 'une liste de clés';
}

/**
 * In a union, the branch the user meant: the only one failing for a reason other than "wrong
 * kind or shape of value" (a `{ fichier: 3 }` meant the object form). None or several: the
 * union's own message, which lists the accepted forms.
 */
function pickUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const mismatch = (issue: Issue) =>
    issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format');
  const meant = branches.filter((issues) => !issues.every(mismatch));
  return meant.length === 1 ? meant[0] : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

export function describeIssues(
  issues: readonly Issue[],
  source: YamlSource,
  knownKeys: WeakMap<object, readonly string[]>,
  prefix: readonly PropertyKey[] = [],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = pickUnionBranch(issue.errors);
      if (branch) {
        problems.push(...describeIssues(branch, source, knownKeys, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const holder = valueAt(source.data, path);
      const known = (holder !== null && typeof holder === 'object' ? knownKeys.get(holder) : undefined) ?? [];
      for (const key of issue.keys) {
        const closest = suggestClosest(key, known);
        const advice = closest
          ? `vouliez-vous dire « ${closest} » ?`
          : known.length > 0
            ? `clés possibles : ${known.filter((name) => !name.startsWith('$')).join(', ')}`
            : 'aucune clé attendue ici';
        const place = source.locate(path, key);
        problems.push({ file: source.file, ...place, key: formatKeyPath([...path, key]), message: nameFunder(source, path, `clé inconnue ; ${advice}`) });
      }
      continue;
    }
    const received = valueAt(source.data, path);
    let message = issue.message;
    if (issue.code === 'invalid_key') {
      message = `clé « ${String(path[path.length - 1])} » invalide : ${issue.issues.map((inner) => inner.message).join(', ')}`;
    } else if (received === null && source.commentInsteadOfValue(path) !== undefined) {
      message = 'valeur vide : en YAML, « # » commence un commentaire ; mettez la valeur entre guillemets (ex. couleur: "#1f5f73")';
    } else if (received !== undefined && !message.includes(', reçu ') && !(issue.code === 'custom' && issue.params?.['sansValeurRecue'] === true)) {
      // Some schema messages name the value themselves, to put a suggestion after it.
      message += `, reçu ${describeValue(received)}`;
    }
    problems.push({ file: source.file, ...source.locate(path), key: formatKeyPath(path), message: nameFunder(source, path, message) });
  }
  return problems;
}

/** A funder's problem names the funder and the indicator, not only their positions in the lists. */
function nameFunder(source: YamlSource, path: readonly PropertyKey[], message: string): string {
  const place = describeFunderPlace(source.data, path);
  return place === undefined ? message : `${place} : ${message}`;
}
