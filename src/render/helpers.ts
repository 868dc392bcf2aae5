// Handlebars helpers available in section files. Helpers never return raw data as HTML: they
// return a placeholder token; the block's HTML (escaped) replaces it after Markdown rendering,
// so neither Markdown nor raw HTML written in a section can alter it.
import Handlebars from 'handlebars';
import type { ChartSpec } from '../charts/types.js';
import { boxTable, escapeHtml, renderBreakdownTable, renderObjectives, renderTiles, capitalize } from './blocks.js';
import { buildChartSpec, CROSS } from './chart-specs.js';
import { renderTypologyHelper } from './typology-helper.js';
import { renderComparisonTable } from './comparison-table.js';
import { checkTemplate, HELPERS_HINT } from './check-template.js';
import { parseSection, translateRuntimeError } from './section-syntax.js';
import { expandFigurePattern } from './figure-order.js';
import { describeDimension, describeEvolution, formatShare, formatValue, previousOf } from './figure-text.js';
import { checkDimension, checkFigureId, failAt, type HelperLocation, resolveValue, resolveYear } from './resolve-figure.js';
import type { ReportFigures, RenderWarning, SectionSource } from './types.js';

export interface Placeholders {
  /** Token index → HTML (inline or block). */
  html: string[];
  /** Token index → chart to draw (its HTML is filled in once drawn). */
  charts: Map<number, ChartSpec>;
}

const TOKEN_START = '\uE000';
const TOKEN_END = '\uE001';

export function tokenOf(index: number): string {
  return `${TOKEN_START}${index}${TOKEN_END}`;
}

export const TOKEN_PATTERN = /\uE000(\d+)\uE001/g;

export interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: { start: { line: number } };
}

function place(placeholders: Placeholders, html: string): Handlebars.SafeString {
  placeholders.html.push(html);
  return new Handlebars.SafeString(tokenOf(placeholders.html.length - 1));
}

/** Ids of the `sauf="a b"` option of tuiles, si and comparatif. */
function listExcluded(hash: Record<string, unknown>): Set<string> {
  return new Set(typeof hash.sauf === 'string' ? hash.sauf.split(/\s+/) : []);
}

/**
 * A table with its notes, in a box of its own: Chromium ignores `break-before: avoid` on what
 * follows a table directly (a note, the chapter's last line then opened a page on its own).
 */
function placeTable(placeholders: Placeholders, html: string): Handlebars.SafeString {
  return place(placeholders, boxTable(html));
}

/** Compiles and runs one section body; returns Markdown with placeholder tokens. */
export function expandSection(
  section: SectionSource,
  figures: ReportFigures,
  placeholders: Placeholders,
  objectives: readonly { id: string; expected: number; label?: string }[] = [],
  warnings: RenderWarning[] = [],
): string {
  const env = Handlebars.create();
  const at = (options: HelperOptions): HelperLocation => ({ section, line: options.loc?.start.line ?? 1 });
  // A known figure and breakdown with nothing for the year: a note in place of the block and a
  // build warning, never an error (an optional column may be empty one year).
  const noData = (location: HelperLocation, block: string, what: string, year: number): Handlebars.SafeString => {
    warnings.push({ file: section.file, line: section.bodyLine + location.line - 1, message: `${what} : pas de donnée pour ${year}, ${block} remplacé par une note` });
    return place(placeholders, `<p class="note sans-donnee">${escapeHtml(capitalize(what))} : pas de donnée pour ${year}.</p>`);
  };
  const allZero = (cells: readonly { valeur: number | null }[]) => cells.every((c) => c.valeur === 0);
  const zeroNote = (what: string, year: number) => place(placeholders, `<p class="note">${escapeHtml(capitalize(what))} : 0 en ${year}.</p>`);
  const describeBlock = (id: string, dimension: string, title: unknown) =>
    typeof title === 'string' ? title : `${figures.get(id, figures.year)?.libelle ?? figures.get(id, figures.year - 1)?.libelle ?? id} par ${dimension.split(CROSS).map(describeDimension).join(' et ')}`;
  // Handlebars passes the options object last, after the positional arguments.
  const split = (args: unknown[]) => ({ positional: args.slice(0, -1), options: args[args.length - 1] as HelperOptions });

  env.registerHelper('chiffre', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const value = resolveValue(figures, positional[0], options.hash, at(options));
    return place(placeholders, escapeHtml(formatValue(value, figures.threshold)));
  });
  env.registerHelper('evolution', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const value = resolveValue(figures, positional[0], options.hash, at(options));
    return place(placeholders, escapeHtml(describeEvolution(value, previousOf(figures, value), figures.threshold)));
  });
  env.registerHelper('part', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    const part = resolveValue(figures, positional[0], options.hash, location);
    const wholeId = typeof options.hash.sur === 'string' ? options.hash.sur : part.indicateur;
    const whole = resolveValue(figures, wholeId, { ...(options.hash.annee !== undefined && { annee: options.hash.annee }) }, location);
    return place(placeholders, escapeHtml(formatShare(part.valeur, whole.valeur) ?? '—'));
  });
  env.registerHelper('libelle', (...args: unknown[]) => {
    const { positional, options } = split(args);
    return place(placeholders, escapeHtml(resolveValue(figures, positional[0], options.hash, at(options)).libelle));
  });
  env.registerHelper('tuiles', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    if (positional.length === 0) failAt(location, 'indiquez au moins un chiffre : {{tuiles "maraudes.sessions" "trod.tests"}}');
    const year = resolveYear(figures, options.hash, location);
    const optional = options.hash.optionnel === true;
    const ids: string[] = [];
    for (const argument of positional) {
      const id = String(argument);
      // `maraudes.*`: every total of that prefix (the counters differ from one association to
      // another), in the documented priority order (src/render/figure-order.ts).
      const expanded = expandFigurePattern(figures, id);
      for (const candidate of expanded) {
        const present = figures.ids().includes(candidate) && figures.get(candidate, year) !== undefined;
        if (!present && (optional || id.endsWith('.*'))) continue;
        if (!ids.includes(candidate)) ids.push(candidate);
      }
    }
    const limit = typeof options.hash.limite === 'number' ? options.hash.limite : Infinity;
    const excluded = listExcluded(options.hash);
    const values = ids.filter((id) => !excluded.has(id)).slice(0, limit).map((id) => resolveValue(figures, id, { annee: year }, location));
    return values.length === 0 ? '' : place(placeholders, renderTiles(figures, values));
  });
  env.registerHelper('si', function (this: unknown, ...args: unknown[]) {
    const { positional, options } = split(args);
    const block = options as HelperOptions & { fn: (context: unknown) => string; inverse: (context: unknown) => string };
    const id = String(positional[0] ?? '');
    const year = resolveYear(figures, options.hash, at(options));
    const value = figures.ids().includes(id) ? figures.get(id, year) : undefined;
    let shown = value !== undefined && (options.hash.non_nul !== true || (value.valeur ?? 1) > 0);
    // "maraudes.*" sauf="…": some figure of the prefix, besides those excluded, has a value.
    if (id.endsWith('.*')) {
      const excluded = listExcluded(options.hash);
      shown = expandFigurePattern(figures, id).some((known) => !excluded.has(known) && figures.get(known, year) !== undefined);
    }
    // par="type creneau": at least one of these breakdowns has cells that year (selon= crosses them).
    if (typeof options.hash.par === 'string' && (shown || value === undefined)) {
      const second = typeof options.hash.selon === 'string' ? `${CROSS}${options.hash.selon}` : '';
      shown = options.hash.par.split(/\s+/).some((by) => by !== '' && figures.breakdown(id, `${by}${second}`, year).length > 0);
    }
    // comparable=true: N−1 has a value too, so that « soit +8 % par rapport à… » can be written.
    if (shown && options.hash.comparable === true) shown = value !== undefined && figures.get(id, year - 1) !== undefined;
    return shown ? block.fn(this) : block.inverse(this);
  });
  env.registerHelper('tableau', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    const id = checkFigureId(figures, positional[0], location);
    const dimension = checkDimension(figures, id, options.hash.par, location);
    const year = resolveYear(figures, options.hash, location);
    const total = figures.get(id, year);
    const cells = figures.breakdown(id, dimension, year);
    if (cells.length === 0) return noData(location, 'tableau', describeBlock(id, dimension, options.hash.titre), year);
    if (dimension !== 'mois' && allZero(cells)) return zeroNote(describeBlock(id, dimension, options.hash.titre), year);
    const title =
      typeof options.hash.titre === 'string'
        ? options.hash.titre
        : `${capitalize(total?.libelle ?? cells[0]?.libelle ?? id)} par ${describeDimension(dimension)} en ${year}`;
    return placeTable(placeholders, renderBreakdownTable(figures, total, cells, { title, dimension }));
  });
  env.registerHelper('tableaux', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    const year = resolveYear(figures, options.hash, location);
    const prefix = String(positional[0] ?? '').replace(/\*$/, '');
    // Every breakdown of every figure of the prefix (indicateurs.csv figures differ per association).
    const tables: string[] = [];
    for (const id of figures.ids().filter((known) => known.startsWith(prefix))) {
      for (const dimension of figures.dimensions(id).filter((d) => d !== 'mois')) {
        const cells = figures.breakdown(id, dimension, year);
        if (cells.length === 0) continue;
        const total = figures.get(id, year);
        const title = `${capitalize(total?.libelle ?? cells[0]?.libelle ?? id)} par ${describeDimension(dimension)} en ${year}`;
        tables.push(boxTable(renderBreakdownTable(figures, total, cells, { title, dimension })));
      }
    }
    return tables.length === 0 ? '' : place(placeholders, tables.join(''));
  });
  env.registerHelper('typologie', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    const id = checkFigureId(figures, positional[0], location);
    const by = checkDimension(figures, id, typeof options.hash.par === 'string' ? options.hash.par : 'nature', location);
    const year = resolveYear(figures, options.hash, location);
    if (figures.breakdown(id, by, year).length === 0) return noData(location, 'tableau', describeBlock(id, by, options.hash.titre), year);
    return placeTable(placeholders, renderTypologyHelper(figures, id, options, location));
  });
  env.registerHelper('graphique', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    const id = checkFigureId(figures, positional[0], location);
    const year = resolveYear(figures, options.hash, location);
    if (typeof options.hash.par === 'string') {
      const by = options.hash.par;
      const dimension = checkDimension(figures, id, typeof options.hash.selon === 'string' ? `${by}${CROSS}${options.hash.selon}` : by, location);
      const cells = figures.breakdown(id, dimension, year);
      if (cells.length === 0) return noData(location, 'graphique', describeBlock(id, dimension, options.hash.titre), year);
      if (allZero(cells)) return zeroNote(describeBlock(id, dimension, options.hash.titre), year);
    }
    const spec = buildChartSpec(figures, id, options.hash, year, location);
    const token = place(placeholders, '');
    placeholders.charts.set(placeholders.html.length - 1, spec);
    return token;
  });
  env.registerHelper('comparatif', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    if (positional.length === 0) failAt(location, 'indiquez au moins un chiffre : {{comparatif "maraudes.*"}}');
    const ids: string[] = [];
    for (const argument of positional) {
      const pattern = String(argument);
      for (const id of expandFigurePattern(figures, pattern)) {
        if (!pattern.endsWith('.*')) checkFigureId(figures, id, location);
        if (!ids.includes(id)) ids.push(id);
      }
    }
    const excluded = listExcluded(options.hash);
    const year = resolveYear(figures, options.hash, location);
    const html = renderComparisonTable(figures, ids.filter((id) => !excluded.has(id)), year, typeof options.hash.titre === 'string' ? options.hash.titre : undefined);
    return html === '' ? '' : placeTable(placeholders, html);
  });
  env.registerHelper('objectifs', (...args: unknown[]) => {
    const { options } = split(args);
    if (objectives.length === 0) return '';
    const rows = objectives.map((objective) => {
      const obtained = figures.get(objective.id, figures.year);
      if (!figures.ids().includes(objective.id)) {
        failAt(at(options), `rapport.yaml, objectifs : chiffre inconnu « ${objective.id} »`, 'la liste des chiffres est dans docs/chiffres.md');
      }
      return { label: objective.label ?? obtained?.libelle ?? objective.id, expected: objective.expected, obtained };
    });
    return placeTable(placeholders, renderObjectives(figures, rows));
  });
  env.registerHelper('helperMissing', (...args: unknown[]) => {
    const options = args[args.length - 1] as HelperOptions & { name?: string };
    // checkTemplate refuses unknown helpers before compiling; this stays as a safety net.
    failAt(at(options), `aide inconnue « {{${options.name ?? '?'}}} »`, HELPERS_HINT);
  });

  const ast = parseSection(section);
  checkTemplate(ast, section);
  try {
    return env.compile(ast, { strict: false, knownHelpersOnly: false })({
      ...section.variables,
      annee: figures.year,
      annee_precedente: figures.year - 1,
      // Whether N−1 has any figure: without it, « comparé à 2023 » would be false.
      precedente: figures.ids().some((id) => figures.get(id, figures.year - 1) !== undefined),
      objectifs: objectives.length > 0,
    });
  } catch (error) {
    translateRuntimeError(error, section);
    throw error;
  }
}
