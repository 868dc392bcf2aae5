import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfigJsonSchema, createDataJsonSchema, createSchemaFiles } from '../../src/config/index.js';

const SCHEMAS = resolve(import.meta.dirname, '../../schemas');

describe('shipped JSON Schemas', () => {
  it.each(Object.entries(createSchemaFiles()))('schemas/%s equals the freshly generated one (run « npm run schemas »)', (name, fresh) => {
    expect(readFileSync(resolve(SCHEMAS, name), 'utf8')).toBe(fresh);
  });

  it('describes rapport.yaml in French and refuses unknown keys', () => {
    const schema = createConfigJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string; properties?: Record<string, { description?: string; default?: unknown }> }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['association', 'annee', 'sections', 'colonnes', 'valeurs', 'glossaire', 'partenaires', 'confidentialite', 'reponses_multiples']),
    );
    expect(schema.properties['association']?.properties?.['couleur']?.description).toMatch(/Couleur principale/);
    expect(schema.properties['confidentialite']?.properties?.['seuil']?.default).toBe(3);
    // Column names come from the ingestion contract: completion offers exactly what ingestion reads.
    const trodColumns = (schema.properties['colonnes']?.properties?.['trod'] as { properties: object }).properties;
    expect(Object.keys(trodColumns)).toEqual([
      'date', 'depistage', 'resultat', 'lieu', 'personne', 'genre', 'tranche_age', 'premier_depistage', 'orientation', 'nombre',
    ]);
  });

  it('documents every data file with its columns and accepted headers', () => {
    const schema = createDataJsonSchema() as { $defs: Record<string, { title: string; required: string[]; properties: Record<string, { 'x-entetes'?: string[] }> }> };
    expect(Object.keys(schema.$defs)).toEqual(['maraudes', 'trod', 'domiciliations', 'aides', 'indicateurs']);
    expect(schema.$defs['aides']?.title).toBe('aides_financieres.csv');
    expect(schema.$defs['trod']?.required).toEqual(['date', 'depistage', 'resultat']);
    expect(schema.$defs['trod']?.properties['depistage']?.['x-entetes']).toContain('type_test');
    expect(schema.$defs['maraudes']?.properties).not.toHaveProperty('compteurs');
  });
});
