// argv → command; every error → a French message and an exit code. The only place that prints.
import { Command, CommanderError } from 'commander';
import { ExitCode, RapportError } from '../shared/errors.js';
import { exitCodeForSignal, readInterruptNotice, runCleanups } from '../shared/interrupt.js';
import { registerApercu } from './command-apercu.js';
import { registerBuild } from './command-build.js';
import { registerCheck } from './command-check.js';
import { registerChiffres } from './command-chiffres.js';
import { registerDiagnostic } from './command-diagnostic.js';
import { registerInit } from './command-init.js';
import { readVersion } from '../shared/version.js';
import { guardStdout, setQuiet, writeFailure } from './output.js';
import { applyCliConventions, checkHelpTarget, describeHelpPointer, translateCommanderError } from './cli-conventions.js';

export function createProgram(): Command {
  const program = new Command('rapport');
  program
    .description(
      "Construit le rapport d'activité annuel d'une association à partir de ses exports CSV : " +
        'vérification des données, chiffres, graphiques et PDF prêt à envoyer.',
    )
    .version(readVersion(), '-V, --version', 'affiche la version')
    .helpOption('-h, --help', "affiche l'aide")
    .helpCommand('help [commande]', "affiche l'aide d'une commande");
  registerBuild(program);
  registerCheck(program);
  registerChiffres(program);
  registerInit(program);
  registerDiagnostic(program);
  registerApercu(program);
  // Last, so that every command registered above gets the French help, --quiet and --debug.
  applyCliConventions(program);
  return program;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C, SIGTERM, SIGHUP: undo what is in progress synchronously (staging folder, temporary
 * files, lock; the browser is killed and its profile removed by its 'exit' handler), say so,
 * and exit 128 + signal number. The outputs are swapped in by one synchronous step, so a
 * signal finds either the previous set or the new one, never a mix.
 */
function installInterruptHandlers(): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    const notice = readInterruptNotice();
    runCleanups();
    const name = signal === 'SIGINT' ? 'Ctrl-C (SIGINT)' : signal;
    if (notice !== undefined) for (const line of notice) writeFailure(line.replace('{signal}', name));
    else {
      writeFailure(`\nInterrompu par ${name}\u00a0: arrêt immédiat, navigateur fermé, fichiers temporaires supprimés.`);
      writeFailure("→ le dossier de sortie garde les fichiers précédents si le nouveau rapport n'était pas complet.");
    }
    process.exit(exitCodeForSignal(signal));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

/** Runs the CLI and returns the exit code (bin/rapport.js sets process.exitCode). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = createProgram();
  const uninstall = installInterruptHandlers();
  guardStdout();
  setQuiet(false);
  try {
    checkHelpTarget(program, argv.slice(2));
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    return reportError(error, program, debug);
  } finally {
    uninstall();
  }
}

function reportError(error: unknown, program: Command, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    // `rapport` alone: commander has printed the help on stderr; not a success (as git, npm).
    if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    writeFailure(`Erreur : ${translateCommanderError(error, program)}`);
    writeFailure(describeHelpPointer(error, program));
    return ExitCode.usage;
  }
  if (error instanceof RapportError) {
    writeFailure(`Erreur : ${error.message}`);
    for (const line of error.details) writeFailure(line);
    if (error.hint) writeFailure(`→ ${error.hint}`);
    if (debug && error.stack) writeFailure(error.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  // The raw message is English (a library's, Node's): shown only with --debug, with the stack.
  writeFailure(debug ? `Erreur interne inattendue : ${message}` : "Erreur interne inattendue : ce n'est pas une erreur de vos fichiers, mais de rapport.");
  writeFailure(debug && error instanceof Error && error.stack ? error.stack : '→ relancez avec --debug pour le détail technique, et signalez le problème.');
  return ExitCode.render;
}
