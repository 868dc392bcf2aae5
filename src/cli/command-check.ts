import type { Command } from 'commander';
import { describeConfigFile, listMultiAnswerDimensions, loadConfig } from '../config/index.js';
import { checkLabelKeys } from '../pipeline/compute-figures.js';
import { checkFunderIndicators } from '../pipeline/check-funders.js';
import { createFigureCollector, type Finding } from '../figures/index.js';
import { ingestFolder, type DataIssue } from '../ingest/index.js';
import { ExitCode } from '../shared/errors.js';
import { formatCheckJson, formatCheckText } from './format-check.js';
import { isQuiet, writeOut } from './output.js';
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
      // The config maps the association's own headers and values: check must read as build does.
      const config = await loadConfig(folder);
      const year = options.annee ?? config.annee;
      const multiAnswer = listMultiAnswerDimensions(config);
      // Figures are computed in the same single pass: they bring the consistency checks.
      const collector = createFigureCollector({
        ...(year !== undefined && { reportYear: year }),
        multiAnswerDimensions: multiAnswer,
        labels: config.libelles.chiffres,
        categories: config.categories,
      });
      const report = await ingestFolder(
        { folder, ...(year !== undefined && { year }), columns: config.colonnes, files: config.fichiers, values: config.valeurs, categories: config.categories },
        collector.sink,
      );
      let findings: Finding[] = [];
      let conflicts: DataIssue[] = [];
      if (report.ok && report.year !== undefined) {
        const set = collector.finish(report);
        checkLabelKeys(config.libelles, set.figures, describeConfigFile(config, folder));
        checkFunderIndicators(config, set.figures, describeConfigFile(config, folder));
        findings = set.findings;
        conflicts = set.errors;
      }
      const checked = conflicts.length > 0 ? { ...report, errors: [...report.errors, ...conflicts], ok: false } : report;
      writeOut(options.json ? formatCheckJson(checked, findings) : formatCheckText(checked, folder, findings, { quiet: isQuiet() }));
      process.exitCode = checked.ok ? ExitCode.ok : ExitCode.invalidData;
    });
}
