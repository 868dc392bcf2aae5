// The JSON outputs of `check --json` and `chiffres --format json` are documented by
// schemas/check.schema.json and schemas/chiffres.schema.json (issue 9 §3). No JSON-Schema
// validator is installed: real outputs of the demo are validated with the zod schemas the files
// are generated from, and the committed files must equal the regenerated ones.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkJsonSchema, chiffresJsonSchema, createOutputSchemaFiles } from '../../src/cli/output-schemas.js';
import { ensureBuilt, ROOT, runRapport } from './cli-helpers.js';
import { breakCell, copyDemo, DEMO, editLines } from './demo-copy.js';

beforeAll(ensureBuilt);

describe('shipped JSON Schemas of the outputs', () => {
  it.each(Object.entries(createOutputSchemaFiles()))('schemas/%s equals the freshly generated one (run « npm run schemas »)', (name, fresh) => {
    expect(readFileSync(resolve(ROOT, 'schemas', name), 'utf8')).toBe(fresh);
  });

  it('are JSON Schemas with a French title and description, closed to undocumented fields', () => {
    for (const content of Object.values(createOutputSchemaFiles())) {
      const schema = JSON.parse(content) as Record<string, unknown>;
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['title']).toMatch(/^rapport (check|chiffres)/);
      expect(schema['description']).toMatch(/sortie standard|Export JSON/);
      expect(schema['additionalProperties']).toBe(false);
    }
  });

  it('are referenced by the user docs', () => {
    expect(readFileSync(resolve(ROOT, 'docs', 'verification.md'), 'utf8')).toContain('schemas/check.schema.json');
    expect(readFileSync(resolve(ROOT, 'docs', 'chiffres.md'), 'utf8')).toContain('schemas/chiffres.schema.json');
  });
});

describe('real outputs validate against them', () => {
  it('check --json of the demo (warnings, findings, every file summary)', async () => {
    const result = await runRapport(['check', DEMO, '--json']);
    const document = checkJsonSchema.parse(JSON.parse(result.stdout));
    expect(document.warnings.length).toBeGreaterThan(0);
    expect(document.summaries).toHaveLength(5);
  });

  it('check --json of a broken copy (errors with line, column and value; a refused file)', async () => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 12, 'Résultat', 'pas fait');
    // A file without its required columns is refused.
    editLines(folder, 'domiciliations.csv', (lines) => lines.splice(0, lines.length, 'Bonjour;Monde', 'a;b'));
    const result = await runRapport(['check', folder, '--json']);
    expect(result.code).toBe(1);
    const document = checkJsonSchema.parse(JSON.parse(result.stdout));
    expect(document.errors.some((error) => error.line === 12 && error.value === 'pas fait')).toBe(true);
    expect(document.summaries.some((summary) => summary.refused)).toBe(true);
  });

  it('chiffres --format json of the demo, published (masked cells, evolutions, series) and --complet', async () => {
    const published = chiffresJsonSchema.parse(JSON.parse((await runRapport(['chiffres', DEMO, '--format', 'json', '-q'])).stdout));
    expect(published.secret_statistique.cellules_masquees.length).toBeGreaterThan(0);
    expect(published.chiffres.some((figure) => figure.masque !== undefined && typeof figure.valeur === 'string')).toBe(true);
    expect(published.chiffres.some((figure) => figure.evolution !== undefined && figure.serie !== undefined)).toBe(true);
    expect(published.constats.length).toBeGreaterThan(0);
    const complete = chiffresJsonSchema.parse(JSON.parse((await runRapport(['chiffres', DEMO, '--format', 'json', '--complet', '-q'])).stdout));
    expect(complete.avertissement).toMatch(/ne pas diffuser/);
  });

  it('an undocumented field is refused (the validation can fail)', async () => {
    const document = JSON.parse((await runRapport(['check', DEMO, '--json'])).stdout) as Record<string, unknown>;
    expect(checkJsonSchema.safeParse({ ...document, extra: 1 }).success).toBe(false);
    expect(checkJsonSchema.safeParse({ ...document, version: 2 }).success).toBe(false);
  });
});
