// Maps the header row of a file to contract columns: normalization, French joiners, synonyms,
// config mapping, privacy refusal, duplicates and missing required columns.
import { counterKey, headerKey, normalizeHeader } from '../shared/normalize.js';
import { type DatasetId, type FieldSpec, IGNORED_COLUMNS, PERSONAL_COLUMNS } from './contract.js';
import { holdsPersonalData } from './cells.js';
import { isPersonalHeader } from './personal-headers.js';
import { suggestColumn } from './suggest-column.js';
import { formatYamlLines } from '../shared/yaml-lines.js';

export type ColumnTarget =
  | { kind: 'field'; name: string; spec: FieldSpec }
  | { kind: 'counter'; id: string }
  | { kind: 'ignored' };

export interface HeaderProblem {
  code: string;
  column?: string;
  message: string;
  expected?: string;
  /** Problems that make the file unusable; others are warnings. */
  fatal: boolean;
}

export interface HeaderMapping {
  targets: ColumnTarget[];
  /** contract column → original header */
  columns: Record<string, string>;
  counters: Record<string, string>;
  problems: HeaderProblem[];
}

function acceptedNames(name: string, spec: FieldSpec): string {
  return [name, ...(spec.synonyms ?? [])].map((word) => `« ${word} »`).join(', ');
}

/** What to paste in rapport.yaml to read `header` as `name` (indented under the message). */
function describeMapping(dataset: DatasetId, name: string, header: string): string {
  return `renommez l'en-tête en « ${name} », ou ajoutez à rapport.yaml :\n${formatYamlLines(['colonnes', dataset, name], header)
    .map((line) => `      ${line}`)
    .join('\n')}`;
}

/**
 * `configured` is the config's `colonnes` for this file (contract column ← export header):
 * those headers win over the built-in synonyms.
 */
export function mapHeaders(
  dataset: DatasetId,
  headers: readonly string[],
  fields: readonly { name: string; spec: FieldSpec }[],
  configured: Readonly<Record<string, string>> = {},
): HeaderMapping {
  const byKey = new Map<string, { name: string; spec: FieldSpec }>();
  // Synonyms first, then canonical names, so that a canonical name always wins a clash.
  for (const field of fields) for (const synonym of field.spec.synonyms ?? []) byKey.set(headerKey(synonym), field);
  for (const field of fields) byKey.set(headerKey(field.name), field);
  const configuredByKey = new Map<string, string>();
  for (const [name, header] of Object.entries(configured)) configuredByKey.set(headerKey(header), name);
  const ignored = new Set((IGNORED_COLUMNS[dataset] ?? []).map(headerKey));

  const targets: ColumnTarget[] = [];
  const columns: Record<string, string> = {};
  const counters: Record<string, string> = {};
  const problems: HeaderProblem[] = [];
  const seen = new Map<string, string>();
  /** Headers no column recognized (ignored, or counters of maraudes.csv), for suggestions. */
  const unknown: string[] = [];

  headers.forEach((header, index) => {
    const normalized = normalizeHeader(header);
    const key = headerKey(header);
    if (normalized === '') {
      targets.push({ kind: 'ignored' });
      problems.push({
        code: 'colonne_sans_entete',
        column: `n° ${index + 1}`,
        message: `la colonne n° ${index + 1} n'a pas d'en-tête : elle est ignorée`,
        fatal: false,
      });
      return;
    }
    // A header row that is really a data row may hold an e-mail or a phone number: never print it.
    if (holdsPersonalData(header)) {
      targets.push({ kind: 'ignored' });
      problems.push({
        code: 'donnee_personnelle',
        column: `n° ${index + 1}`,
        message:
          `l'en-tête de la colonne n° ${index + 1} ressemble à un e-mail ou à un numéro de téléphone (non affiché) : le fichier est refusé. ` +
          'La première ligne doit être la ligne des titres de colonnes, sans aucune donnée personnelle',
        fatal: true,
      });
      return;
    }
    // `N° de téléphone`, `No sécu`: the number marker does not make the column less personal.
    const unnumbered = key.replace(/^(?:n|no|num|numero)_/, '');
    if (PERSONAL_COLUMNS.has(normalized) || PERSONAL_COLUMNS.has(key) || PERSONAL_COLUMNS.has(unnumbered) || isPersonalHeader(header)) {
      targets.push({ kind: 'ignored' });
      problems.push({
        code: 'donnee_personnelle',
        column: header,
        message:
          `la colonne « ${header} » contient des données personnelles identifiantes : le fichier est refusé. ` +
          'Supprimez cette colonne de l\'export ; seul un code pseudonyme est accepté, dans la colonne « personne »',
        fatal: true,
      });
      return;
    }
    const configuredName = configuredByKey.get(key);
    const field = configuredName !== undefined ? fields.find((f) => f.name === configuredName) : byKey.get(key);
    const target: ColumnTarget = field
      ? { kind: 'field', name: field.name, spec: field.spec }
      : ignored.has(key)
        ? { kind: 'ignored' }
        : dataset === 'maraudes'
          ? { kind: 'counter', id: counterKey(header) }
          : { kind: 'ignored' };
    const identity = target.kind === 'field' ? `champ:${target.name}` : target.kind === 'counter' ? `compteur:${target.id}` : undefined;
    if (identity !== undefined) {
      const previous = seen.get(identity);
      if (previous !== undefined) {
        problems.push({
          code: 'colonne_en_double',
          column: header,
          message:
            `les colonnes « ${previous} » et « ${header} » désignent la même donnée` +
            `${target.kind === 'counter' ? ` (même compteur « ${target.id} »)` : ''} : gardez-en une seule`,
          fatal: true,
        });
        targets.push({ kind: 'ignored' });
        return;
      }
      seen.set(identity, header);
    }
    if (target.kind === 'field') columns[target.name] = header;
    if (target.kind === 'counter') counters[target.id] = header;
    if (!field && target.kind === 'ignored' && !ignored.has(key)) unknown.push(header);
    if (target.kind === 'counter') unknown.push(header);
    targets.push(target);
  });

  // Suggestions come once every header is read: never a column the file already has.
  const free = fields.filter((f) => columns[f.name] === undefined);
  const suggested = new Map(unknown.map((header) => [header, suggestColumn(dataset, header, free)]));
  const missing = new Set(fields.filter((f) => f.spec.required && columns[f.name] === undefined).map((f) => f.name));
  for (const header of unknown) {
    const name = suggested.get(header);
    // maraudes.csv: an unknown column is a counter, suggested only when a required column lacks;
    // a header proposed for a missing column is said once, in that error.
    if (dataset === 'maraudes' || (name !== undefined && missing.has(name))) continue;
    problems.push({
      code: 'colonne_inconnue',
      column: header,
      ...(name === undefined
        ? {
            message: `colonne « ${header} » inconnue : elle est ignorée`,
            expected: `les colonnes ${fields.map((f) => f.name).join(', ')} (ou une correspondance dans « colonnes » de rapport.yaml)`,
          }
        : { message: `colonne « ${header} » inconnue : elle est ignorée ; vouliez-vous dire « ${name} » ? Pour la lire ainsi, ${describeMapping(dataset, name, header)}` }),
      fatal: false,
    });
  }

  for (const field of fields) {
    if (field.spec.required && columns[field.name] === undefined) {
      const candidate = unknown.find((header) => suggested.get(header) === field.name);
      problems.push({
        code: 'colonne_manquante',
        column: field.name,
        ...(candidate === undefined
          ? {
              message: `colonne obligatoire « ${field.name} » absente : le fichier ne peut pas être utilisé`,
              expected: `un en-tête parmi ${acceptedNames(field.name, field.spec)} (ou une correspondance dans « colonnes » de rapport.yaml)`,
            }
          : {
              message:
                `colonne obligatoire « ${field.name} » absente : le fichier ne peut pas être utilisé ; est-ce la colonne « ${candidate} » ? ` +
                `Si oui, ${describeMapping(dataset, field.name, candidate)}`,
            }),
        fatal: true,
      });
    }
  }
  for (const [name, header] of Object.entries(configured)) {
    if (!headers.some((h) => headerKey(h) === headerKey(header))) {
      problems.push({
        code: 'colonne_configuree_absente',
        column: header,
        message: `rapport.yaml associe la colonne « ${name} » à l'en-tête « ${header} », absent du fichier`,
        fatal: false,
      });
    }
  }
  return { targets, columns, counters, problems };
}
