// JSON Schemas of the machine-readable outputs, shipped in `schemas/` beside the config's and
// generated from the zod schemas the formatters are typed with (never written by hand).
// tests/cli/json-schemas.test.ts fails when a committed file drifts.
import { z } from 'zod';
import { chiffresJsonSchema } from '../figures/export-json-schema.js';
import { checkJsonSchema } from './check-json-schema.js';

export { checkJsonSchema, type CheckJson } from './check-json-schema.js';
export { chiffresJsonSchema, type ChiffresJson } from '../figures/export-json-schema.js';

/** `check.schema.json` (rapport check --json) and `chiffres.schema.json` (rapport chiffres --format json). */
export function createOutputSchemaFiles(): Record<string, string> {
  const serialize = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { io: 'output' }), null, 2)}\n`;
  return {
    'check.schema.json': serialize(checkJsonSchema),
    'chiffres.schema.json': serialize(chiffresJsonSchema),
  };
}
