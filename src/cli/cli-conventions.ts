// The conventions every command follows (docs/construction.md, « Conventions de la ligne de
// commande »): help and usage errors in French with « vouliez-vous dire », `-q, --quiet` and
// `--debug` on every command. Applied in a loop after registration, so a command added by
// another module inherits them without doing anything.
import { Command, CommanderError, Help, Option } from 'commander';
import { suggestClosest } from '../shared/suggest.js';
import { UsageError } from '../shared/errors.js';
import { setQuiet } from './output.js';

export const QUIET_FLAGS = '-q, --quiet';
export const QUIET_DESCRIPTION = "n'affiche que les erreurs (ni progression, ni avertissements, ni bilan)";
export const DEBUG_DESCRIPTION = 'affiche le détail technique des erreurs (pile d\'appels)';

/** The command a commander error came from, so its message can name that command's help. */
const errorSources = new WeakMap<CommanderError, Command>();

/** Commander speaks English: its help headings and notes are translated here, once. */
function createFrenchHelp(): Partial<Help> {
  return {
    formatHelp(command, helper) {
      return Help.prototype.formatHelp
        .call(helper, command, helper)
        .replace(/^Usage:/m, 'Utilisation :')
        .replace(/^Options:/m, 'Options :')
        .replace(/^Global Options:/m, 'Options globales :')
        .replace(/^Commands:/m, 'Commandes :')
        .replace(/^Arguments:/m, 'Arguments :')
        // Commander quotes string defaults as JSON ("csv"): a French reader expects the bare word.
        .replace(/\(default: "([^"()]*)"\)/g, '(par défaut\u00a0: $1)')
        .replace(/\(default: ([^)]*)\)/g, '(par défaut\u00a0: $1)')
        .replace(/\(choices: ([^)]*)\)/g, '(valeurs\u00a0: $1)')
        .replace(/\(preset: ([^)]*)\)/g, '(valeur implicite\u00a0: $1)')
        .replace(/\(env: ([^)]*)\)/g, '(variable\u00a0: $1)')
        .replace(/\n*$/, '\n');
    },
    commandUsage(command) {
      return Help.prototype.commandUsage.call(this, command).replace(/\[command\]/g, '[commande]');
    },
    subcommandTerm(command) {
      return Help.prototype.subcommandTerm.call(this, command).replace(/\[command\]/g, '[commande]');
    },
  };
}

/** The `--` names a command accepts (its own, then its parents'), for « vouliez-vous dire ». */
function listLongOptions(command: Command): string[] {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) {
    for (const option of current.createHelp().visibleOptions(current)) if (option.long) names.push(option.long);
  }
  return names;
}

function listCommandNames(program: Command): string[] {
  return program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
}

function didYouMean(word: string, known: readonly string[], show: (name: string) => string = (name) => name): string {
  const match = suggestClosest(word, known);
  return match === undefined ? '' : ` — vouliez-vous dire «\u00a0${show(match)}\u00a0»\u00a0?`;
}

const quoted = (error: CommanderError, index = 0): string => [...error.message.matchAll(/'([^']*)'/g)][index]?.[1] ?? '';

/** French text of a commander usage error, with a suggestion where one is close. */
export function translateCommanderError(error: CommanderError, program: Command): string {
  const source = errorSources.get(error) ?? program;
  switch (error.code) {
    case 'commander.unknownCommand': {
      const name = quoted(error);
      return `commande inconnue «\u00a0${name}\u00a0»${didYouMean(name, [...listCommandNames(program), 'help'])}`;
    }
    case 'commander.unknownOption': {
      const flag = quoted(error);
      const known = listLongOptions(source);
      // `rapport -q check …`: an option of the commands, placed before the command's name.
      const named = program.commands.find((command) => program.args.includes(command.name()));
      const accepts = (command: Command) => command.options.some((option) => option.short === flag || option.long === flag);
      const ofCommand = source !== program ? undefined : named !== undefined ? (accepts(named) ? named : undefined) : program.commands.find(accepts);
      if (ofCommand !== undefined) {
        const operands = ofCommand.registeredArguments.map((argument) => (argument.required ? `<${argument.name()}>` : `[${argument.name()}]`));
        const example = [program.name(), ofCommand.name(), ...operands, flag].join(' ');
        return `option ${flag} placée avant la commande\u00a0: écrivez-la après, par ex. «\u00a0${example}\u00a0»`;
      }
      const hint = flag.startsWith('--') ? didYouMean(flag.slice(2).replace(/=.*$/, ''), known.map((name) => name.slice(2)), (name) => `--${name}`) : '';
      return `option inconnue ${flag}${hint}`;
    }
    case 'commander.missingArgument':
      return `argument manquant\u00a0: ${quoted(error)}`;
    case 'commander.optionMissingArgument':
      return `valeur manquante pour l'option ${quoted(error)}`;
    case 'commander.missingMandatoryOptionValue':
      return `option obligatoire absente\u00a0: ${quoted(error)}`;
    case 'commander.conflictingOption':
      return `les options ${quoted(error, 0)} et ${quoted(error, 1)} ne peuvent pas être utilisées ensemble`;
    case 'commander.excessArguments': {
      const expected = source.registeredArguments.length;
      return `trop d'arguments${source === program ? '' : ` pour «\u00a0${source.name()}\u00a0»`} (${expected} attendu${expected > 1 ? 's' : ''})`;
    }
    case 'commander.invalidArgument':
      return translateInvalidArgument(error);
    default:
      return error.message.replace(/^error: /, '');
  }
}

/**
 * Commander prefixes the parser's French message with English (« option '--annee <AAAA>'
 * argument '20x' is invalid. »); `.choices()` gives « Allowed choices are a, b. ».
 */
function translateInvalidArgument(error: CommanderError): string {
  const message = error.message.replace(/^error: /, '');
  const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
  if (choices === undefined) return message.replace(/^.*? is invalid(?: for argument '[^']*')?\. /, '');
  const option = quoted(error, 0).replace(/ .*$/, '');
  const value = quoted(error, 1);
  const valid = choices.split(', ');
  return `valeur «\u00a0${value}\u00a0» non valide pour ${option}\u00a0: valeurs possibles ${valid.join(', ')}${didYouMean(value, valid)}`;
}

/** `Voir « rapport build --help ».`: the help of the command that was mistyped. */
export function describeHelpPointer(error: CommanderError, program: Command): string {
  const source = errorSources.get(error);
  const path: string[] = [];
  for (let current: Command | null | undefined = source; current && current !== program; current = current.parent) path.unshift(current.name());
  return `Voir «\u00a0${[program.name(), ...path].join(' ')} --help\u00a0».`;
}

/**
 * `rapport help inconnu`: commander would print the general help with no word about the
 * mistake; say which command is unknown and which one was meant.
 */
export function checkHelpTarget(program: Command, args: readonly string[]): void {
  const [first, target] = args;
  if (first !== 'help' || target === undefined || target.startsWith('-')) return;
  const names = listCommandNames(program);
  if (names.includes(target)) return;
  throw new UsageError(`commande inconnue «\u00a0${target}\u00a0»${didYouMean(target, names)}`, {
    hint: `commandes disponibles\u00a0: ${names.join(', ')} ; voir «\u00a0${program.name()} --help\u00a0»`,
  });
}

function configureOne(command: Command): void {
  command
    .helpOption('-h, --help', "affiche l'aide")
    .configureHelp(createFrenchHelp())
    .showSuggestionAfterError(false)
    .exitOverride((error) => {
      errorSources.set(error, command);
      throw error;
    })
    // Help goes where commander sends it (stdout when asked, stderr after a mistake); errors are
    // printed in French by run-cli, never by commander.
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      outputError: () => undefined,
    });
}

/** Adds `-q, --quiet` and `--debug` where a command lacks them, and the French help everywhere. */
export function applyCliConventions(program: Command): void {
  configureOne(program);
  for (const command of program.commands) {
    configureOne(command);
    const has = (flag: string) => command.options.some((option) => option.long === flag);
    if (!has('--quiet')) command.addOption(new Option(QUIET_FLAGS, QUIET_DESCRIPTION));
    if (!has('--debug')) command.addOption(new Option('--debug', DEBUG_DESCRIPTION));
  }
  program.hook('preAction', (_program, action) => {
    setQuiet(action.opts()['quiet'] === true);
  });
}
