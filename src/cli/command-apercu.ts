// `rapport apercu <dossier>`: the live preview. Prints the address, then one line per update;
// runs until Ctrl-C (exit 130, like any interrupted command, with its own message).
import { InvalidArgumentError, type Command } from 'commander';
import { formatNumber } from '../shared/format.js';
import { registerCleanup, registerInterruptNotice } from '../shared/interrupt.js';
import { readVersion } from '../shared/version.js';
import type { PreviewEvent, PreviewProblem } from '../preview/types.js';
import { writeError, writeOut } from './output.js';
import { parseYearOption } from './parse-options.js';

interface ApercuCommandOptions {
  annee?: number;
  port?: number;
  ouvrir?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/** `--port`: 0 to 65535 (0: a free port). */
export function parsePortOption(value: string): number {
  const text = value.trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new InvalidArgumentError(`port invalide «\u00a0${value}\u00a0»\u00a0: attendu un nombre entre 1 et 65535, par ex. 4000 (0 : un port libre)`);
  }
  return port;
}

function seconds(milliseconds: number): string {
  return `${formatNumber(milliseconds / 1000, 2)}\u00a0s`;
}

function clock(): string {
  return new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

const CHANGE_NAMES = { config: 'rapport.yaml', donnees: 'données', textes: 'textes', logo: 'image' } as const;

function writeProblem(problem: PreviewProblem, debug: boolean): void {
  writeError(`  ${clock()} Erreur : ${problem.message}`);
  for (const line of problem.details) writeError(`  ${line}`);
  if (problem.hint) writeError(`  → ${problem.hint}`);
  if (debug && problem.stack) writeError(problem.stack);
}

/** One line per update on stderr; warnings and errors even with --quiet. */
function createReporter(quiet: boolean, debug: boolean): (event: PreviewEvent) => void {
  let lastWarnings = '';
  return (event) => {
    if (event.kind === 'listening') {
      writeOut(`Aperçu : ${event.url}`);
      if (!quiet) writeError('  première construction en cours… (Ctrl-C pour arrêter)');
      return;
    }
    if (event.kind === 'watch-error') {
      writeError(`  ${clock()} Avertissement : surveillance des fichiers interrompue (${event.message}) ; relancez « rapport apercu ».`);
      return;
    }
    if (event.kind === 'failed') {
      writeProblem(event.problem, debug);
      writeError('  → la page garde la dernière version correcte, sous un bandeau qui montre cette erreur.');
      return;
    }
    const warnings = event.warnings.join('\n');
    if (warnings !== lastWarnings) for (const warning of event.warnings) writeError(`  Avertissement : ${warning}`);
    lastWarnings = warnings;
    if (quiet && !event.recovered) return;
    const what = event.changes.length === 0 ? 'prêt' : `mis à jour (${event.changes.map((c) => CHANGE_NAMES[c]).join(', ')})`;
    const reread = event.parsed.length > 0 && event.changes.length > 0 ? `, relu : ${event.parsed.join(', ')}` : '';
    const charts = event.charts.drawn > 0 ? `, ${event.charts.drawn} graphique(s) redessiné(s)` : '';
    writeError(`  ${clock()} ${event.recovered ? 'erreur corrigée, ' : ''}${what} en ${seconds(event.milliseconds)}${reread}${charts}`);
  };
}

export function registerApercu(program: Command): void {
  program
    .command('apercu')
    .description("aperçu en direct de la version HTML dans le navigateur, mis à jour à chaque modification des données, de rapport.yaml ou des textes")
    .argument('<dossier>', 'dossier du projet (comme pour « rapport build »)')
    .option('--port <numero>', 'port sur 127.0.0.1 (par défaut : un port libre)', parsePortOption)
    .option('--ouvrir', "ouvre l'aperçu dans le navigateur par défaut")
    .option('--annee <AAAA>', 'année du rapport (par défaut : la plus récente présente dans les données)', parseYearOption)
    .option('-q, --quiet', "n'affiche que l'adresse, les avertissements et les erreurs")
    .option('--debug', 'affiche le détail technique des erreurs')
    .action(async (folder: string, options: ApercuCommandOptions) => {
      const quiet = options.quiet === true;
      if (!quiet) writeError(`Aperçu du rapport — ${folder}`);
      // Loaded on demand, like the build pipeline: chart.js and canvas cost a second of start-up.
      const { startPreview, openInBrowser } = await import('../preview/index.js');
      registerInterruptNotice(['\nAperçu arrêté par {signal}\u00a0: serveur et surveillance des fichiers fermés.']);
      const preview = await startPreview({
        folder,
        version: readVersion(),
        ...(options.annee !== undefined && { year: options.annee }),
        ...(options.port !== undefined && { port: options.port }),
        onEvent: createReporter(quiet, options.debug === true),
      });
      registerCleanup(() => preview.closeNow());
      if (options.ouvrir === true) {
        const failure = await openInBrowser(preview.url);
        if (failure !== undefined) writeError(`  Avertissement : navigateur non ouvert (${failure}) ; ouvrez ${preview.url} vous-même.`);
      }
      // Runs until a signal: the server keeps the process alive, the handler in run-cli ends it.
      await new Promise<never>(() => undefined);
    });
}
