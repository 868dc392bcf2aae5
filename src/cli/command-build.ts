import type { Command } from 'commander';
import { relative } from 'node:path';
import type { BuildStage } from '../pipeline/build-report.js';
import { formatNumber } from '../shared/format.js';
import { writeError, writeFailure, writeOut } from './output.js';
import { parseOutputFolderOption, parseYearOption } from './parse-options.js';
import { readVersion } from '../shared/version.js';
import { RenderError } from '../shared/errors.js';
import { parseDelayOption, readSourceDateEpoch, resolveBrowserTimeout } from './build-env.js';
import { DEBUG_DESCRIPTION, QUIET_DESCRIPTION, QUIET_FLAGS } from './cli-conventions.js';

interface BuildCommandOptions {
  annee?: number;
  sortie?: string;
  section?: string;
  financeur?: string;
  quiet?: boolean;
  debug?: boolean;
  delaiNavigateur?: number;
  horodater?: boolean;
}

/**
 * Developers' test hook: RAPPORT_TEST_PAUSE=<étape> (or « remplacement », just before the outputs
 * are swapped in) stops the build there for good, after saying so on stderr, so that tests can
 * send a signal at a known stage. Unset in normal use.
 */
function pauseForTests(point: string): Promise<void> | undefined {
  if (process.env.RAPPORT_TEST_PAUSE !== point) return undefined;
  writeFailure(`[test] pause : ${point}`);
  // A pending promise alone does not keep Node running: a long timer does.
  return new Promise<void>(() => {
    setInterval(() => undefined, 1 << 30);
  });
}

function seconds(milliseconds: number): string {
  return `${formatNumber(milliseconds / 1000, milliseconds < 10_000 ? 2 : 1)}\u00a0s`;
}

/** Progress on stderr: a line per stage with its time; a TTY also gets "…" while it runs. */
function createProgress(quiet: boolean) {
  const tty = process.stderr.isTTY === true;
  return (stage: BuildStage, phase: 'start' | 'end', milliseconds?: number): Promise<void> | undefined => {
    if (phase === 'start') {
      const pause = pauseForTests(stage);
      if (pause !== undefined) return pause;
    }
    if (quiet) return undefined;
    if (phase === 'start') {
      // Charts are drawn inside the layout stage: their start would break its "…" line.
      if (tty && stage !== 'graphiques') process.stderr.write(`  ${stage}…`);
      return undefined;
    }
    const line = `  ${stage} : ${seconds(milliseconds ?? 0)}`;
    if (tty) process.stderr.write(`\r\x1b[K${line}\n`);
    else writeError(line);
    return undefined;
  };
}

/**
 * The build pipeline, loaded on demand. puppeteer reads its settings under HOME when loaded: a
 * HOME this user may not read (a service account, `sudo -u`) is said in French, not as an errno.
 */
async function loadBuildPipeline(): Promise<typeof import('../pipeline/build-report.js')> {
  try {
    return await import('../pipeline/build-report.js');
  } catch (error) {
    const { code, path } = error as { code?: unknown; path?: unknown };
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    throw new RenderError(`impossible de charger le moteur PDF\u00a0: accès refusé à «\u00a0${String(path ?? '?')}\u00a0»`, {
      hint: 'lancez rapport avec une variable HOME qui désigne un dossier de cet utilisateur, par ex. HOME=/home/moi rapport build …',
      cause: error,
    });
  }
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description("construit le rapport d'activité : PDF, HTML autonome et export des chiffres")
    .argument('<dossier>', 'dossier du projet (CSV dans <dossier>/donnees, rapport.yaml facultatif)')
    .option('--annee <AAAA>', 'année du rapport (par défaut : la plus récente présente dans les données)', parseYearOption)
    .option('--sortie <dossier>', 'dossier des fichiers produits (par défaut : <dossier>/sortie)', parseOutputFolderOption)
    .option('--section <id>', 'ne construit que cette section (ex. maraudes), dans son propre PDF')
    .option('--financeur <id>', 'ne construit que le bilan de ce financeur (sortie/financeurs/<id>-<année>.pdf et .csv), sans le rapport')
    .option(
      '--delai-navigateur <secondes>',
      'attente maximale d\'une réponse du navigateur avant de l\'arrêter (par défaut : 60, ou la variable RAPPORT_DELAI_NAVIGATEUR)',
      parseDelayOption,
    )
    .option('--horodater', "écrit la date de production dans l'annexe (le PDF n'est alors plus identique d'une construction à l'autre)")
    .option(QUIET_FLAGS, QUIET_DESCRIPTION)
    .option('--debug', DEBUG_DESCRIPTION)
    .action(async (folder: string, options: BuildCommandOptions) => {
      const started = performance.now();
      const quiet = options.quiet === true;
      if (!quiet) writeError(`Construction du rapport — ${folder}${options.section ? ` (section ${options.section})` : ''}${options.financeur ? ` (bilan du financeur ${options.financeur})` : ''}`);
      // Loaded on demand: puppeteer, chart.js and canvas cost a second of start-up that `check` must not pay.
      const { buildReport } = await loadBuildPipeline();
      const browserTimeoutMs = resolveBrowserTimeout(options.delaiNavigateur);
      // SOURCE_DATE_EPOCH stands for "now" everywhere: the PDF dates, and the annex date if asked.
      const sourceDate = readSourceDateEpoch();
      const result = await buildReport({
        folder,
        version: readVersion(),
        ...(browserTimeoutMs !== undefined && { browserTimeoutMs }),
        ...(sourceDate !== undefined && { documentDate: sourceDate }),
        ...(options.horodater === true && { now: sourceDate ?? new Date() }),
        beforeSwap: () => pauseForTests('remplacement'),
        ...(options.annee !== undefined && { year: options.annee }),
        ...(options.sortie !== undefined && { outputDir: options.sortie }),
        ...(options.section !== undefined && { section: options.section }),
        ...(options.financeur !== undefined && { funder: options.financeur }),
        onStage: createProgress(quiet),
        ...(!quiet && { onNotice: (text: string) => writeError(`  ${text}`) }),
      });
      const shown = (path: string) => relative(process.cwd(), path) || path;
      // The paths produced are the data of build (stdout); warnings are talk, silenced by --quiet.
      for (const warning of result.warnings) writeError(`Avertissement : ${warning}`);
      const pages = (count: number) => `${count} page${count > 1 ? 's' : ''}`;
      if (options.financeur === undefined) writeOut(`PDF : ${shown(result.pdfPath)} (${pages(result.pageCount)})`);
      if (result.htmlPath) writeOut(`HTML : ${shown(result.htmlPath)}`);
      if (result.csvPath) writeOut(`Chiffres : ${shown(result.csvPath)}`);
      for (const funder of result.funders) writeOut(`Bilan ${funder.nom} : ${shown(funder.pdfPath)} (${pages(funder.pageCount)}) et ${shown(funder.csvPath)}`);
      if (!quiet && options.financeur !== undefined) writeError(`Terminé en ${seconds(performance.now() - started)} — bilan du financeur ${options.financeur}.`);
      else if (!quiet) {
        writeError(
          `Terminé en ${seconds(performance.now() - started)} — ${result.sections.length} section(s), ` +
            `${result.charts.drawn + result.charts.fromCache} graphique(s) dont ${result.charts.fromCache} en cache.`,
        );
      }
    });
}
