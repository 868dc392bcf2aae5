import type { Command } from 'commander';
import { relative } from 'node:path';
import type { BuildStage } from '../pipeline/build-report.js';
import { formatNumber } from '../shared/format.js';
import { writeError, writeOut } from './output.js';
import { parseYearOption } from './parse-options.js';
import { readVersion } from '../shared/version.js';

interface BuildCommandOptions {
  annee?: number;
  sortie?: string;
  section?: string;
  quiet?: boolean;
  debug?: boolean;
}

function seconds(milliseconds: number): string {
  return `${formatNumber(milliseconds / 1000, milliseconds < 10_000 ? 2 : 1)}\u00a0s`;
}

/** Progress on stderr: a line per stage with its time; a TTY also gets "…" while it runs. */
function createProgress(quiet: boolean) {
  const tty = process.stderr.isTTY === true;
  return (stage: BuildStage, phase: 'start' | 'end', milliseconds?: number) => {
    if (quiet) return;
    if (phase === 'start') {
      if (tty) process.stderr.write(`  ${stage}…`);
      return;
    }
    const line = `  ${stage} : ${seconds(milliseconds ?? 0)}`;
    if (tty) process.stderr.write(`\r\x1b[K${line}\n`);
    else writeError(line);
  };
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description("construit le rapport d'activité : PDF, HTML autonome et export des chiffres")
    .argument('<dossier>', 'dossier du projet (CSV dans <dossier>/donnees, rapport.yaml facultatif)')
    .option('--annee <AAAA>', 'année du rapport (par défaut : la plus récente présente dans les données)', parseYearOption)
    .option('--sortie <dossier>', 'dossier des fichiers produits (par défaut : <dossier>/sortie)')
    .option('--section <id>', 'ne construit que cette section (ex. maraudes), dans son propre PDF')
    .option('-q, --quiet', "n'affiche pas la progression")
    .option('--debug', 'affiche le détail technique des erreurs')
    .action(async (folder: string, options: BuildCommandOptions) => {
      const started = performance.now();
      const quiet = options.quiet === true;
      if (!quiet) writeError(`Construction du rapport — ${folder}${options.section ? ` (section ${options.section})` : ''}`);
      // Loaded on demand: puppeteer, chart.js and canvas cost a second of start-up that `check` must not pay.
      const { buildReport } = await import('../pipeline/build-report.js');
      const result = await buildReport({
        folder,
        version: readVersion(),
        ...(options.annee !== undefined && { year: options.annee }),
        ...(options.sortie !== undefined && { outputDir: options.sortie }),
        ...(options.section !== undefined && { section: options.section }),
        onStage: createProgress(quiet),
      });
      const shown = (path: string) => relative(process.cwd(), path) || path;
      // Warnings are printed even with --quiet: a block left out of the report must not go unnoticed.
      for (const warning of result.warnings) writeError(`Avertissement : ${warning}`);
      writeOut(`PDF : ${shown(result.pdfPath)} (${result.pageCount} page${result.pageCount > 1 ? 's' : ''})`);
      if (result.htmlPath) writeOut(`HTML : ${shown(result.htmlPath)}`);
      if (result.csvPath) writeOut(`Chiffres : ${shown(result.csvPath)}`);
      if (!quiet) {
        writeError(
          `Terminé en ${seconds(performance.now() - started)} — ${result.sections.length} section(s), ` +
            `${result.charts.drawn + result.charts.fromCache} graphique(s) dont ${result.charts.fromCache} en cache.`,
        );
      }
    });
}
