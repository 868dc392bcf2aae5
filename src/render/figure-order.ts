// Order of the figures of a prefix (`maraudes.*`) in tiles and comparison tables. The priority is
// documented in docs/sections.md: sessions, then people met, then contacts, then the order the
// data gives (the file's column order for maraudes counters), never alphabetical.
import type { ReportFigures } from './types.js';

/** Last segment of an id matching one of these comes first, in this order. */
const PRIORITY: readonly RegExp[] = [/^sessions$/, /^(nb_|nombre_)?personnes?(_|$)/, /^(nb_|nombre_)?contacts?(_|$)/];

function priorityOf(id: string): number {
  const last = id.slice(id.lastIndexOf('.') + 1);
  const rank = PRIORITY.findIndex((pattern) => pattern.test(last));
  return rank === -1 ? PRIORITY.length : rank;
}

/** Sorts ids by the documented priority, then by the data's order, then by `ids()` order. */
export function orderFigureIds(figures: ReportFigures, ids: readonly string[]): string[] {
  const source = figures.sourceOrder?.() ?? [];
  const known = figures.ids();
  const position = (id: string) => {
    const inSource = source.indexOf(id);
    return inSource !== -1 ? inSource : source.length + known.indexOf(id);
  };
  return [...ids].sort((a, b) => priorityOf(a) - priorityOf(b) || position(a) - position(b));
}

/** `maraudes.*` → every id of that prefix, in display order; a plain id stays as it is. */
export function expandFigurePattern(figures: ReportFigures, pattern: string): string[] {
  if (!pattern.endsWith('.*')) return [pattern];
  const prefix = pattern.slice(0, -1);
  return orderFigureIds(
    figures,
    figures.ids().filter((id) => id.startsWith(prefix)),
  );
}
