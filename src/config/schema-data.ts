// The `colonnes` and `valeurs` keys: built from the ingestion contract (column names, closed
// value lists), so the editor offers exactly the columns ingestion knows, with their meaning.
import { z } from 'zod';
import { DATASET_FILES, DATASET_IDS, type DatasetId, EXTENSIBLE_CATEGORIES } from '../ingest/contract.js';
import type { AddedValue, CategoryExtensions, ColumnMapping, FileNames, ValueSynonyms } from '../ingest/types.js';
import { headerKey } from '../shared/normalize.js';
import { CATEGORY_COLUMNS, type CategoryColumn, CONTRACT_COLUMNS } from './contract-keys.js';

const header = z.string().trim().min(1, { error: "en-tête vide : indiquez l'en-tête tel qu'il est écrit dans l'export" });

function createDatasetColumns(dataset: DatasetId) {
  const shape: Record<string, z.ZodOptional<typeof header>> = {};
  for (const { name, description } of CONTRACT_COLUMNS[dataset]) {
    shape[name] = header.optional().meta({ description: `En-tête de l'export qui contient la colonne « ${name} » : ${description}.` });
  }
  return z
    .strictObject(shape)
    .superRefine((mapping, ctx) => {
      // Two contract columns read from the same header would silently lose one of them.
      const seen = new Map<string, string>();
      for (const [column, value] of Object.entries(mapping)) {
        if (value === undefined) continue;
        const previous = seen.get(headerKey(value));
        if (previous !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [column],
            input: value,
            message: `en-tête déjà attribué à la colonne « ${previous} »`,
          });
        }
        seen.set(headerKey(value), column);
      }
    })
    .meta({ description: `Colonnes de ${DATASET_FILES[dataset]} : colonne attendue par rapport ← en-tête de votre export.` });
}

export const columnsSchema = z
  .strictObject(Object.fromEntries(DATASET_IDS.map((id) => [id, createDatasetColumns(id).optional()])))
  .default({})
  .meta({
    description:
      "En-têtes propres à vos exports, par fichier : colonne attendue ← en-tête de l'export (ex. trod: { depistage: \"Type de test\" }). " +
      'Utile quand un en-tête n\'est pas reconnu automatiquement.',
  })
  .transform((value) => value as ColumnMapping);

function createColumnValues(dataset: DatasetId) {
  const shape: Record<string, z.ZodType> = {};
  for (const category of CATEGORY_COLUMNS.filter((entry) => entry.dataset === dataset)) {
    const labels = [...category.labels.values()];
    const target = z
      .string()
      .refine((word) => category.resolve(word) !== undefined, {
        error: `valeur reconnue attendue (${labels.join(', ')})`,
      })
      // Ingestion looks the target up by exact key: hand it the canonical value, never a variant.
      .transform((word) => category.resolve(word) ?? word)
      .meta({ description: `Valeur reconnue : ${labels.join(', ')}.`, examples: labels });
    shape[category.column] = z
      .record(z.string().trim().min(1, { error: 'mot vide' }), target)
      .optional()
      .meta({ description: `Synonymes de valeurs de la colonne « ${category.column} » : mot de l'export → valeur reconnue.` });
  }
  return z.strictObject(shape).meta({ description: `Synonymes de valeurs de ${DATASET_FILES[dataset]}.` });
}

const datasetsWithCategories = DATASET_IDS.filter((id) => CATEGORY_COLUMNS.some((entry) => entry.dataset === id));

export const valuesSchema = z
  .strictObject(Object.fromEntries(datasetsWithCategories.map((id) => [id, createColumnValues(id).optional()])))
  .default({})
  .meta({
    description:
      'Synonymes de valeurs pour les colonnes à liste fermée, par fichier puis colonne : mot de votre export → valeur reconnue ' +
      '(ex. trod: { resultat: { "Réactif faible": Positif } }).',
  })
  .transform((value) => value as ValueSynonyms);

const word = z.string().trim().min(1, { error: 'mot vide' });

/** One added value: its synonyms, or { libelle, synonymes } (and for TROD results, how it counts). */
function createAddedValue(results: boolean) {
  const shape = {
    libelle: word.optional().meta({ description: 'Libellé imprimé (par défaut la valeur telle qu\'écrite).' }),
    synonymes: z.array(word).default([]).meta({ description: 'Autres écritures acceptées dans le fichier.' }),
    ...(results && {
      positif: z.boolean({ error: 'true ou false attendu' }).default(false).meta({ description: 'Compté avec les tests positifs (par défaut non).' }),
      valide: z
        .boolean({ error: 'true ou false attendu' })
        .default(true)
        .meta({ description: 'Résultat valide, compté au dénominateur du taux de positivité (par défaut oui) ; false : compté avec les invalides.' }),
    }),
  };
  return z
    .union([z.array(word), z.null(), z.strictObject(shape)], {
      error: results ? 'liste de synonymes, ou { libelle, synonymes, positif, valide }' : 'liste de synonymes, ou { libelle, synonymes }',
    })
    .transform((value, ctx): AddedValue => {
      if (value === null || Array.isArray(value)) return { label: '', synonyms: value ?? [], positive: false, valid: true };
      const entry = value as { libelle?: string; synonymes: string[]; positif?: boolean; valide?: boolean };
      if (entry.positif === true && entry.valide === false) {
        ctx.addIssue({ code: 'custom', input: value, message: 'un résultat positif est forcément valide, reçu « positif: true » et « valide: false »' });
      }
      return { label: entry.libelle ?? '', synonyms: entry.synonymes, positive: entry.positif ?? false, valid: entry.valide ?? true };
    });
}

function createColumnAdditions(category: CategoryColumn) {
  const labels = [...category.labels.values()].join(', ');
  return z
    .record(
      z.string().trim().min(1, { error: 'valeur vide' }).regex(/^[^›]+$/, { error: 'le caractère « › » est réservé' }),
      createAddedValue(category.dataset === 'trod' && category.column === 'resultat'),
    )
    .superRefine((values, ctx) => {
      // A word that already means a built-in value would silently change which value it counts as.
      for (const [value, definition] of Object.entries(values)) {
        for (const text of [value, ...definition.synonyms]) {
          const existing = category.resolve(text);
          if (existing !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [value],
              input: text,
              message: `mot déjà reconnu, reçu « ${text} » : il désigne la valeur intégrée « ${category.labels.get(existing) ?? existing} » ; retirez-le (valeurs intégrées : ${labels})`,
            });
          }
        }
      }
    })
    .transform((values) =>
      Object.fromEntries(Object.entries(values).map(([value, definition]) => [value, { ...definition, label: definition.label || value }])),
    )
    .optional()
    .meta({ description: `Valeurs ajoutées à la colonne « ${category.column} » (valeurs intégrées : ${labels}) : valeur → synonymes, ou { libelle, synonymes }.` });
}

const extensibleDatasets = DATASET_IDS.filter((id) => (EXTENSIBLE_CATEGORIES[id] ?? []).length > 0);

export const categoriesSchema = z
  .strictObject(
    Object.fromEntries(
      extensibleDatasets.map((dataset) => {
        const columns = CATEGORY_COLUMNS.filter((entry) => entry.dataset === dataset && (EXTENSIBLE_CATEGORIES[dataset] ?? []).includes(entry.column));
        const shape = Object.fromEntries(columns.map((category) => [category.column, createColumnAdditions(category)]));
        return [dataset, z.strictObject(shape).optional().meta({ description: `Valeurs ajoutées aux listes fermées de ${DATASET_FILES[dataset]}.` })];
      }),
    ),
  )
  .default({})
  .meta({
    description:
      'Valeurs ajoutées aux listes fermées, par fichier puis colonne (ex. trod: { depistage: { VHA: [hépatite A] } }) : ' +
      'valeur → synonymes, ou { libelle, synonymes } ; pour trod.resultat aussi positif (false par défaut) et valide (true par défaut).',
  })
  .transform((value) => value as CategoryExtensions);

/** A file of the data folder, by its name alone: the report reads that folder and nothing else. */
const dataFileName = z
  .string()
  .trim()
  .min(1, { error: 'nom de fichier vide' })
  .regex(/^[^/\\]+$/, { error: 'nom de fichier seul attendu, sans dossier : placez le fichier dans le dossier « donnees » du projet' })
  .regex(/\.csv$/i, { error: 'fichier CSV attendu (extension .csv) : exportez-le en CSV depuis le tableur' });

/** `fichiers`: contract file → the association's own file name (`maraudes: "Tournées 2013.csv"`). */
export const filesSchema = z
  .strictObject(
    Object.fromEntries(
      DATASET_IDS.map((id) => [id, dataFileName.optional().meta({ description: `Nom de votre fichier qui tient lieu de ${DATASET_FILES[id]}, dans le dossier des données.` })]),
    ),
  )
  .superRefine((files, ctx) => {
    // One file read as two kinds of data would count its rows twice, as something else.
    const seen = new Map<string, string>();
    for (const [id, name] of Object.entries(files)) {
      if (name === undefined) continue;
      const key = name.normalize('NFC').toLowerCase();
      const previous = seen.get(key);
      if (previous !== undefined) ctx.addIssue({ code: 'custom', path: [id], input: name, message: `fichier déjà attribué à « ${previous} »` });
      seen.set(key, id);
    }
  })
  .default({})
  .meta({
    description:
      'Noms de vos fichiers, quand ils diffèrent des noms attendus : fichier attendu ← nom de votre fichier ' +
      '(ex. maraudes: "Tournées 2013.csv"), dans le dossier des données.',
  })
  .transform((value) => value as FileNames);
