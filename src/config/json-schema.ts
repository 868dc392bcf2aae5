// JSON Schemas shipped in `schemas/`, generated from the zod schemas (never written by hand):
// `rapport.schema.json` gives editors completion and checks on rapport.yaml; `donnees.schema.json`
// documents the columns of each data file.
import { z } from 'zod';
import { createRowSchemas, DATASET_FILES, DATASET_IDS, listFields } from '../ingest/contract.js';
import { configSchema } from './schema.js';

export type JsonSchema = Record<string, unknown>;

/** The input side: what the user writes (defaults make keys optional, shorthands are allowed). */
export function createConfigJsonSchema(): JsonSchema {
  return { ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) };
}

/**
 * One schema per data file, describing a row as read from the CSV: every cell is text, the
 * description says what it must contain, `x-entetes` lists the other headers recognized.
 * The maraudes `compteurs` record is not a column: it stands for every other column.
 */
export function createDataJsonSchema(): JsonSchema {
  const schemas = createRowSchemas();
  const files: Record<string, unknown> = {};
  for (const id of DATASET_IDS) {
    const { $schema: _ignored, ...row } = z.toJSONSchema(schemas[id], { io: 'input', unrepresentable: 'any' });
    const properties = { ...(row.properties ?? {}) } as Record<string, JsonSchema>;
    // Other columns are ignored with a warning, except in maraudes.csv where they are counters.
    const counters = properties['compteurs']?.['additionalProperties'];
    delete properties['compteurs'];
    for (const { name, spec } of listFields(schemas[id])) {
      const property = properties[name];
      if (property && (spec.synonyms ?? []).length > 0) properties[name] = { ...property, 'x-entetes': [...(spec.synonyms ?? [])] };
    }
    const required = (row.required ?? []).filter((name) => name !== 'compteurs');
    files[id] = {
      title: DATASET_FILES[id],
      ...row,
      properties,
      ...(id === 'indicateurs' ? describeWideForm(required) : { required }),
      ...(counters === undefined ? {} : { additionalProperties: counters }),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: "Fichiers de données du rapport d'activité",
    description:
      'Une ligne de chaque fichier CSV, telle que lue (toutes les cellules sont du texte). ' +
      'Les en-têtes sont reconnus sans tenir compte des majuscules, des accents ni des mots de liaison ; ' +
      '`x-entetes` liste les autres en-têtes acceptés. Les colonnes inconnues de maraudes.csv sont des compteurs.',
    $defs: files,
  };
}

/** The files written to `schemas/`: one shared serialization, so the drift test compares like with like. */
export function createSchemaFiles(): Record<string, string> {
  const serialize = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    'rapport.schema.json': serialize(createConfigJsonSchema()),
    'donnees.schema.json': serialize(createDataJsonSchema()),
  };
}

/**
 * indicateurs.csv has two forms: long (`annee` and `valeur` columns) or wide (one column per
 * year, named `2023`, `Année 2023` or `2023 (réalisé)`, holding that year's value).
 */
function describeWideForm(required: readonly string[]): JsonSchema {
  // The wide form may name its rows by their labels alone (a table copied from a printed report).
  const common = required.filter((name) => name !== 'annee' && name !== 'valeur' && name !== 'indicateur');
  return {
    required: common,
    anyOf: [
      { title: 'forme longue', description: 'une ligne par chiffre et par année', required: [...required] },
      {
        title: 'forme large',
        description:
          'une ligne par chiffre, une colonne par année (en-tête « 2023 », « Année 2023 » ou « 2023 (réalisé) ») contenant la valeur ' +
          "de l'année ; cellule vide : pas de valeur cette année-là ; pas de colonne annee ni valeur ; sans colonne indicateur, " +
          'la colonne libelle (sinon la première colonne) nomme chaque ligne (famille indicateurs.*)',
        not: { anyOf: [{ required: ['annee'] }, { required: ['valeur'] }] },
        patternProperties: { '^(?:[Aa]nn[ée]e |[Ee]xercice )?(?:19|20)\\d{2}(?: .*)?$': { type: 'string', description: "valeur de l'année (nombre)" } },
      },
    ],
  };
}
