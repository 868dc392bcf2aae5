// Handlebars helpers available in section files. Helpers never return raw data as HTML: they
// return a placeholder token; the block's HTML (escaped) replaces it after Markdown rendering,
// so neither Markdown nor raw HTML written in a section can alter it.
import Handlebars from 'handlebars';
import type { ChartSpec } from '../charts/types.js';
import { escapeHtml, renderBreakdownTable, renderObjectives, renderTiles, renderTypology, capitalize, type TypologyGroup } from './blocks.js';
import { buildChartSpec } from './chart-specs.js';
import { describeDimension, describeEvolution, formatShare, formatValue, previousOf } from './figure-text.js';
import { checkDimension, checkFigureId, failAt, type HelperLocation, resolveValue, resolveYear } from './resolve-figure.js';
import type { ReportFigures, SectionSource } from './types.js';

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

interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: { start: { line: number } };
}

function place(placeholders: Placeholders, html: string): Handlebars.SafeString {
  placeholders.html.push(html);
  return new Handlebars.SafeString(tokenOf(placeholders.html.length - 1));
}

/** Compiles and runs one section body; returns Markdown with placeholder tokens. */
export function expandSection(
  section: SectionSource,
  figures: ReportFigures,
  placeholders: Placeholders,
  objectives: readonly { id: string; expected: number; label?: string }[] = [],
): string {
  const env = Handlebars.create();
  const at = (options: HelperOptions): HelperLocation => ({ section, line: options.loc?.start.line ?? 1 });
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
      // `maraudes.*`: every total of that prefix (the counters differ from one association to another).
      const expanded = id.endsWith('.*') ? figures.ids().filter((known) => known.startsWith(id.slice(0, -1))) : [id];
      for (const candidate of expanded) {
        const present = figures.ids().includes(candidate) && figures.get(candidate, year) !== undefined;
        if (!present && (optional || id.endsWith('.*'))) continue;
        if (!ids.includes(candidate)) ids.push(candidate);
      }
    }
    const limit = typeof options.hash.limite === 'number' ? options.hash.limite : Infinity;
    const excluded = new Set(typeof options.hash.sauf === 'string' ? options.hash.sauf.split(/\s+/) : []);
    const values = ids.filter((id) => !excluded.has(id)).slice(0, limit).map((id) => resolveValue(figures, id, { annee: year }, location));
    return values.length === 0 ? '' : place(placeholders, renderTiles(figures, values));
  });
  env.registerHelper('si', function (this: unknown, ...args: unknown[]) {
    const { positional, options } = split(args);
    const block = options as HelperOptions & { fn: (context: unknown) => string; inverse: (context: unknown) => string };
    const id = String(positional[0] ?? '');
    const value = figures.ids().includes(id) ? figures.get(id, resolveYear(figures, options.hash, at(options))) : undefined;
    const shown = value !== undefined && (options.hash.non_nul !== true || (value.valeur ?? 1) > 0);
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
    const title =
      typeof options.hash.titre === 'string'
        ? options.hash.titre
        : `${capitalize(total?.libelle ?? cells[0]?.libelle ?? id)} par ${describeDimension(dimension)} en ${year}`;
    return place(placeholders, renderBreakdownTable(figures, total, cells, { title, dimension }));
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
        tables.push(renderBreakdownTable(figures, total, cells, { title, dimension }));
      }
    }
    return tables.length === 0 ? '' : place(placeholders, tables.join(''));
  });
  env.registerHelper('typologie', (...args: unknown[]) => {
    const { positional, options } = split(args);
    return place(placeholders, renderTypologyHelper(figures, positional[0], options, at(options)));
  });
  env.registerHelper('graphique', (...args: unknown[]) => {
    const { positional, options } = split(args);
    const location = at(options);
    const id = checkFigureId(figures, positional[0], location);
    const spec = buildChartSpec(figures, id, options.hash, resolveYear(figures, options.hash, location), location);
    const token = place(placeholders, '');
    placeholders.charts.set(placeholders.html.length - 1, spec);
    return token;
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
    return place(placeholders, renderObjectives(figures, rows));
  });
  env.registerHelper('helperMissing', (...args: unknown[]) => {
    const options = args[args.length - 1] as HelperOptions & { name?: string };
    failAt(at(options), `aide inconnue « {{${options.name ?? '?'}}} »`, 'aides disponibles : chiffre, evolution, part, libelle, tuiles, tableau, tableaux, typologie, graphique, objectifs, si');
  });

  try {
    return env.compile(section.body, { strict: false, knownHelpersOnly: false })({
      annee: figures.year,
      annee_precedente: figures.year - 1,
      objectifs: objectives.length > 0,
    });
  } catch (error) {
    if (error instanceof Error && error.name !== 'UsageError' && /Parse error|Expecting|lexical/i.test(error.message)) {
      const line = /line (\d+)/.exec(error.message)?.[1];
      failAt({ section, line: Number(line ?? 1) }, `syntaxe {{…}} invalide : ${error.message.split('\n')[0] ?? ''}`);
    }
    throw error;
  }
}

function renderTypologyHelper(figures: ReportFigures, idArgument: unknown, options: HelperOptions, location: HelperLocation): string {
  const id = checkFigureId(figures, idArgument, location);
  const by = checkDimension(figures, id, typeof options.hash.par === 'string' ? options.hash.par : 'nature', location);
  const parents = figures.parents(id, by);
  if (!parents) failAt(location, `« ${id} » par ${by} n'a pas de regroupement (colonne « categorie » absente ?)`);
  const amountId = typeof options.hash.montant === 'string' ? checkFigureId(figures, options.hash.montant, location) : undefined;
  const year = resolveYear(figures, options.hash, location);
  const groups: TypologyGroup[] = [];
  for (const cell of figures.breakdown(id, by, year)) {
    const category = parents.get(cell.modalite) ?? 'Autres';
    let entry = groups.find((g) => g.category === category);
    if (!entry) {
      entry = { category, items: [], subtotal: { count: undefined } };
      groups.push(entry);
    }
    const amount = amountId ? figures.get(amountId, year, by, cell.modalite) : undefined;
    entry.items.push({ label: cell.label ?? cell.modalite, count: cell, ...(amount && { amount }) });
  }
  // Subtotals are published figures of their own, protected like totals (never « < 3 »).
  for (const entry of groups) {
    entry.subtotal.count = figures.subtotal(id, by, year, entry.category);
    if (amountId) entry.subtotal.amount = figures.subtotal(amountId, by, year, entry.category);
  }
  groups.sort((a, b) => (b.subtotal.count?.valeur ?? 0) - (a.subtotal.count?.valeur ?? 0));
  const title = typeof options.hash.titre === 'string' ? options.hash.titre : `${capitalize(figures.get(id, year)?.libelle ?? id)} par ${describeDimension(by)} en ${year}`;
  return renderTypology(
    figures,
    groups,
    { count: figures.get(id, year), ...(amountId && { amount: figures.get(amountId, year) }) },
    { title, itemHeader: capitalize(describeDimension(by)), withAmount: amountId !== undefined },
  );
}
