// argv → command; every error → a French message and an exit code. The only place that prints.
import { Command, CommanderError, Help } from 'commander';
import { ExitCode, RapportError } from '../shared/errors.js';
import { exitCodeForSignal, runCleanups } from '../shared/interrupt.js';
import { registerBuild } from './command-build.js';
import { registerCheck } from './command-check.js';
import { registerChiffres } from './command-chiffres.js';
import { readVersion } from '../shared/version.js';
import { writeError } from './output.js';

/** Commander speaks English: its help headings are translated here, once. */
function frenchHelp(): Partial<Help> {
  return {
    formatHelp(command, helper) {
      return Help.prototype.formatHelp
        .call(helper, command, helper)
        .replace(/^Usage:/m, 'Utilisation :')
        .replace(/^Options:/m, 'Options :')
        .replace(/^Commands:/m, 'Commandes :')
        .replace(/^Arguments:/m, 'Arguments :')
        .replace(/\(default: ([^)]*)\)/g, '(par défaut : $1)')
        .replace(/\(choices: ([^)]*)\)/g, '(valeurs : $1)')
        .replace(/\n*$/, '\n');
    },
  };
}

const COMMANDER_MESSAGES: Record<string, (error: CommanderError) => string> = {
  'commander.unknownOption': (e) => `option inconnue ${e.message.match(/'([^']+)'/)?.[1] ?? ''}`.trim(),
  'commander.unknownCommand': (e) => `commande inconnue « ${e.message.match(/'([^']+)'/)?.[1] ?? ''} »`,
  'commander.missingArgument': (e) => `argument manquant : ${e.message.match(/'([^']+)'/)?.[1] ?? ''}`,
  'commander.optionMissingArgument': (e) => `valeur manquante pour l'option ${e.message.match(/'([^']+)'/)?.[1] ?? ''}`,
  'commander.excessArguments': () => 'trop d\'arguments',
  // Commander prefixes our French message with English ("option '--annee <AAAA>' argument '20x' is invalid.").
  'commander.invalidArgument': (e) => e.message.replace(/^error: /, '').replace(/^.*? is invalid(?: for argument '[^']*')?\. /, ''),
  'commander.missingMandatoryOptionValue': (e) => e.message.replace(/^error: /, ''),
};

export function createProgram(): Command {
  const program = new Command('rapport');
  program
    .description(
      "Construit le rapport d'activité annuel d'une association à partir de ses exports CSV : " +
        'vérification des données, chiffres, graphiques et PDF prêt à envoyer.',
    )
    .version(readVersion(), '-V, --version', 'affiche la version')
    .helpOption('-h, --help', "affiche l'aide")
    .helpCommand('help [commande]', "affiche l'aide d'une commande")
    .configureHelp(frenchHelp())
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  registerBuild(program);
  registerCheck(program);
  registerChiffres(program);
  for (const command of program.commands) {
    command.helpOption('-h, --help', "affiche l'aide").configureHelp(frenchHelp()).exitOverride();
    command.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  }
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
    runCleanups();
    const name = signal === 'SIGINT' ? 'Ctrl-C (SIGINT)' : signal;
    writeError(`\nInterrompu par ${name}\u00a0: arrêt immédiat, navigateur fermé, fichiers temporaires supprimés.`);
    writeError("→ le dossier de sortie garde les fichiers précédents si le nouveau rapport n'était pas complet.");
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
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    return reportError(error, debug);
  } finally {
    uninstall();
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    const translate = COMMANDER_MESSAGES[error.code];
    writeError(`Erreur : ${translate ? translate(error) : error.message}`);
    writeError('Voir « rapport --help ».');
    return ExitCode.usage;
  }
  if (error instanceof RapportError) {
    writeError(`Erreur : ${error.message}`);
    for (const line of error.details) writeError(line);
    if (error.hint) writeError(`→ ${error.hint}`);
    if (debug && error.stack) writeError(error.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  // The raw message is English (a library's, Node's): shown only with --debug, with the stack.
  writeError(debug ? `Erreur interne inattendue : ${message}` : "Erreur interne inattendue : ce n'est pas une erreur de vos fichiers, mais de rapport.");
  writeError(debug && error instanceof Error && error.stack ? error.stack : '→ relancez avec --debug pour le détail technique, et signalez le problème.');
  return ExitCode.render;
}
