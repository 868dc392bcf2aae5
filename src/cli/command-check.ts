import type { Command } from 'commander';
import { ingestFolder } from '../ingest/index.js';
import { ExitCode } from '../shared/errors.js';
import { formatCheckJson, formatCheckText } from './format-check.js';
import { writeOut } from './output.js';
import { parseYearOption } from './parse-options.js';

interface CheckOptions {
  annee?: number;
  json?: boolean;
  debug?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('vérifie les fichiers CSV du dossier et liste toutes les erreurs, sans rien écrire')
    .argument('<dossier>', 'dossier du projet (les CSV sont lus dans <dossier>/donnees s\'il existe)')
    .option('--annee <AAAA>', "année du rapport (par défaut : la plus récente présente dans les données)", parseYearOption)
    .option('--json', 'affiche un document JSON (fichiers, erreurs, avertissements, résumés) au lieu du texte')
    .option('--debug', 'affiche le détail technique des erreurs internes')
    .action(async (folder: string, options: CheckOptions) => {
      const report = await ingestFolder({ folder, ...(options.annee !== undefined && { year: options.annee }) });
      writeOut(options.json ? formatCheckJson(report) : formatCheckText(report, folder));
      process.exitCode = report.ok ? ExitCode.ok : ExitCode.invalidData;
    });
}
