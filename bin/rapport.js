#!/usr/bin/env node
// Thin launcher: all logic lives in the compiled library (dist/), built by `npm run setup`.
let cli;
try {
  cli = await import('../dist/cli/run-cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write("Erreur : rapport n'est pas compilé (dossier dist/ absent).\n→ lancez « npm run setup » dans le dossier de rapport, puis recommencez.\n");
  process.exit(2);
}
process.exitCode = await cli.runCli(process.argv);
