#!/usr/bin/env node
// Thin launcher: all logic lives in the compiled library (dist/), built by `npm run setup`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run-cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("Erreur : rapport n'est pas compilé (dossier dist/ absent).\n→ lancez « npm run setup » dans le dossier de rapport, puis recommencez.\n");
  process.exit(2);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv);
