import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  titre?: string;
  id?: string;
  [key: string]: unknown;
}

/** Splits `---` YAML front matter from a Markdown source; `bodyLine` is the body's first line (1-based). */
export function splitFrontMatter(source: string): { data: FrontMatter; body: string; bodyLine: number } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { data: {}, body: source.replace(/^\uFEFF/, ''), bodyLine: 1 };
  const parsed: unknown = parseYaml(match[1] ?? '');
  const data = parsed !== null && typeof parsed === 'object' ? (parsed as FrontMatter) : {};
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { data, body: source.slice(match[0].length), bodyLine };
}
