#!/usr/bin/env node
// Writes the JSON Schemas shipped in `schemas/` from the zod schemas, through the built code
// (`npm run schemas` builds first): the config and data files' (src/config/json-schema.ts) and the
// JSON outputs of check and chiffres (src/cli/output-schemas.ts). tests/config/json-schema.test.ts
// and tests/cli/json-schemas.test.ts fail when they drift.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
let createSchemaFiles;
let createOutputSchemaFiles;
try {
  ({ createSchemaFiles } = await import(join(root, 'dist/config/json-schema.js')));
  ({ createOutputSchemaFiles } = await import(join(root, 'dist/cli/output-schemas.js')));
} catch (error) {
  process.stderr.write(`Erreur : code compilé introuvable dans dist/ (lancez « npm run build ») : ${error.message}\n`);
  process.exit(1);
}

const folder = join(root, 'schemas');
mkdirSync(folder, { recursive: true });
for (const [name, content] of Object.entries({ ...createSchemaFiles(), ...createOutputSchemaFiles() })) {
  writeFileSync(join(folder, name), content);
  process.stdout.write(`schemas/${name}\n`);
}
