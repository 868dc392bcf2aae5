// The `colonnes` and `valeurs` keys: built from the ingestion contract (column names, closed
// value lists), so the editor offers exactly the columns ingestion knows, with their meaning.
import { z } from 'zod';
import { DATASET_FILES, DATASET_IDS, type DatasetId } from '../ingest/contract.js';
import type { ColumnMapping, ValueSynonyms } from '../ingest/types.js';
import { headerKey } from '../shared/normalize.js';
import { CATEGORY_COLUMNS, CONTRACT_COLUMNS } from './contract-keys.js';

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
