import { ConfigError } from './config-error.js';
import { parseYamlSource } from './yaml-source.js';

export interface FrontMatter {
  titre?: string;
  id?: string;
  [key: string]: unknown;
}

/**
 * Splits `---` YAML front matter from a Markdown source; `bodyLine` is the body's first line (1-based).
 * A syntax error or an alias bomb is a ConfigError (exit 2) naming `file` and the line in that file.
 */
export function splitFrontMatter(source: string, file = 'section'): { data: FrontMatter; body: string; bodyLine: number } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { data: {}, body: source.replace(/^\uFEFF/, ''), bodyLine: 1 };
  let parsed: unknown;
  try {
    parsed = parseYamlSource(file, match[1] ?? '').data;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Lines of the YAML block count from the line after the opening `---`.
    throw new ConfigError(
      error.problems.map((problem) => ({
        ...problem,
        key: problem.key === '' ? 'en-tête YAML (front matter)' : problem.key,
        ...(problem.line !== undefined && { line: problem.line + 1 }),
      })),
      { hint: 'corrigez l\'en-tête YAML entre les deux lignes « --- » en haut du fichier', cause: error },
    );
  }
  const data = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as FrontMatter) : {};
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { data, body: source.slice(match[0].length), bodyLine };
}
