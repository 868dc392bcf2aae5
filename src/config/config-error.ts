// The one error the config stage throws: a UsageError (exit 2) listing every problem found,
// each naming the file, the line when known, and the key as the user wrote it.
import { UsageError } from '../shared/errors.js';

export interface ConfigProblem {
  /** Config file as shown to the user (the folder as given on the command line + file name). */
  file: string;
  /** 1-based line and column in the file, when the problem can be pinned to a place. */
  line?: number;
  column?: number;
  /** Key path as the user reads it: `association.couleur`, `sections[2]` (list items from 1); '' for the whole file. */
  key: string;
  /** French sentence, without the file, line or key. */
  message: string;
}

const HINT = 'corrigez le fichier ; chaque clé est décrite dans docs/configuration.md';

/** `rapport.yaml, ligne 4, association.couleur : couleur attendue au format #RRGGBB, reçu « bleu »` */
export function formatConfigProblem(problem: ConfigProblem): string {
  const place = [problem.file];
  if (problem.line !== undefined) place.push(`ligne ${problem.line}`);
  if (problem.key !== '') place.push(problem.key);
  return applyFrenchSpacing(`${place.join(', ')} : ${problem.message}`);
}

/** No-break space before « : ; ! ? » and inside guillemets, so a terminal never wraps there. */
export function applyFrenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

export class ConfigError extends UsageError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[], options: { hint?: string; cause?: unknown } = {}) {
    const first = problems[0];
    const message =
      problems.length === 1 && first !== undefined
        ? formatConfigProblem(first)
        : applyFrenchSpacing(`le fichier de configuration « ${first?.file ?? 'rapport.yaml'} » contient ${problems.length} erreurs`);
    super(message, {
      hint: applyFrenchSpacing(options.hint ?? HINT),
      details: problems.length > 1 ? problems.map(formatConfigProblem) : [],
      cause: options.cause,
    });
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `sections[2].fichier`, `objectifs["trod.tests"]`: list items counted from 1, like the user does. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment + 1}]`;
    else if (/^[\p{L}\p{N}_$-]+$/u.test(String(segment))) result += result === '' ? String(segment) : `.${String(segment)}`;
    else result += `["${String(segment)}"]`;
  }
  return result;
}
