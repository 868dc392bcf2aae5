import type { Command } from 'commander';
import type { Finding } from '../figures/index.js';
import type { DataIssue } from '../ingest/index.js';
import { readProject, verifyProject } from '../pipeline/prepare-report.js';
import { ExitCode, RapportError } from '../shared/errors.js';
import { formatCheckJson, formatCheckText } from './format-check.js';
import { isQuiet, writeError, writeOut } from './output.js';
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
      // The same reading and verifications as build (src/pipeline/prepare-report.ts), without the browser.
      const data = await readProject({ folder, ...(options.annee !== undefined && { year: options.annee }) });
      if (data.yearNotice !== undefined && options.json !== true) writeError(data.yearNotice);
      const { report } = data.collected;
      let findings: Finding[] = [];
      let conflicts: DataIssue[] = [];
      let blocking: RapportError | undefined;
      let warnings: string[] = [];
      if (report.ok) {
        try {
          // Figures are computed in the same single pass: they bring the consistency checks.
          const figures = data.collected.finish();
          findings = figures.findings;
          conflicts = figures.errors;
          if (conflicts.length === 0) warnings = await verifyProject(data, { report, figures });
        } catch (error) {
          if (!(error instanceof RapportError)) throw error;
          blocking = error;
        }
      }
      const checked = conflicts.length > 0 ? { ...report, errors: [...report.errors, ...conflicts], ok: false } : report;
      writeOut(options.json ? formatCheckJson(checked, findings, blocking) : formatCheckText(checked, folder, findings, { quiet: isQuiet(), blocked: blocking !== undefined }));
      if (options.json !== true) for (const warning of warnings) writeError(`Avertissement : ${warning}`);
      // Build's own message and exit code, on stderr after the summary of the files.
      if (blocking !== undefined) throw blocking;
      process.exitCode = checked.ok ? ExitCode.ok : ExitCode.invalidData;
    });
}
