// What the config may say about the data files (`colonnes`, `valeurs`), read from the ingestion
// contract itself so that a column added there is accepted here without a second list to keep.
import { CATEGORIES } from '../ingest/categories.js';
import { CellFailure, type CategoryDefinition } from '../ingest/cells.js';
import { createRowSchemas, DATASET_IDS, type DatasetId, listFields, type ValueSynonyms } from '../ingest/contract.js';

/** A closed-list column of a file and the values its synonyms may point to. */
export interface CategoryColumn {
  dataset: DatasetId;
  column: string;
  /** Canonical values and their printed labels (`negatif` → `Négatif`). */
  labels: ReadonlyMap<string, string>;
  /** Canonical value a word stands for, `undefined` when it names none. */
  resolve(word: string): string | undefined;
}

/** Contract columns of each file, in declaration order (what `colonnes` may map). */
export const CONTRACT_COLUMNS: Readonly<Record<DatasetId, readonly { name: string; description: string }[]>> = (() => {
  const schemas = createRowSchemas();
  const result = {} as Record<DatasetId, { name: string; description: string }[]>;
  for (const id of DATASET_IDS) {
    result[id] = listFields(schemas[id]).map(({ name, spec }) => ({ name, description: spec.description }));
  }
  return result;
})();

/**
 * The category columns. `createRowSchemas` asks `values[dataset][column]` exactly for the columns
 * whose value list the config may extend: a recording proxy tells which ones, and each one's
 * definition is the catalogue entry whose canonical values that column's parser accepts.
 */
export const CATEGORY_COLUMNS: readonly CategoryColumn[] = (() => {
  const asked: { dataset: DatasetId; column: string }[] = [];
  const probe = new Proxy({} as Record<string, unknown>, {
    get: (_target, dataset) =>
      new Proxy({} as Record<string, unknown>, {
        get: (_inner, column) => {
          if (typeof dataset === 'string' && typeof column === 'string') asked.push({ dataset: dataset as DatasetId, column });
          return undefined;
        },
      }),
  });
  const schemas = createRowSchemas(probe as ValueSynonyms);
  const definitions = Object.values(CATEGORIES) as CategoryDefinition<string>[];
  return asked.map(({ dataset, column }) => {
    const parse = listFields(schemas[dataset]).find((field) => field.name === column)?.spec.parse;
    const definition = definitions.find((candidate) =>
      Object.keys(candidate.values).every((value) => parse !== undefined && parse(value) === value),
    );
    if (!parse || !definition) throw new Error(`config: no category definition found for ${dataset}.${column}`);
    const labels = new Map(Object.entries(definition.values).map(([value, { label }]) => [value, label]));
    return {
      dataset,
      column,
      labels,
      resolve(word: string): string | undefined {
        const result = parse(word);
        return result instanceof CellFailure ? undefined : (result as string);
      },
    };
  });
})();
