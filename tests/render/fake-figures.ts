// A small in-memory ReportFigures for the render tests: a list of published values, no files,
// no figures stage. Breakdowns follow the contract of src/render/types.ts (month order, else by
// decreasing value).
import { expandSection, type Placeholders } from '../../src/render/helpers.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { PublishedValue, ReportFigures, SectionSource } from '../../src/render/types.js';

/** A value with defaults: total of the year, integer unit, libellé derived from the id. */
export function value(indicateur: string, annee: number, valeur: number | null, extra: Partial<PublishedValue> = {}): PublishedValue {
  return { indicateur, annee, dimension: '', modalite: '', valeur, unite: '', libelle: indicateur, ...extra };
}

/** A breakdown cell of `value`. */
export function cell(indicateur: string, annee: number, dimension: string, modalite: string, valeur: number | null, extra: Partial<PublishedValue> = {}): PublishedValue {
  return value(indicateur, annee, valeur, { dimension, modalite, ...extra });
}

export interface FakeOptions {
  year: number;
  threshold?: number;
  /** `id|dimension` → (modalite → parent category). */
  parents?: Record<string, Record<string, string>>;
}

export function createFakeFigures(values: readonly PublishedValue[], options: FakeOptions): ReportFigures {
  const find = (id: string, year: number, dimension = '', modalite = '') =>
    values.find((v) => v.indicateur === id && v.annee === year && v.dimension === dimension && v.modalite === modalite);
  return {
    year: options.year,
    threshold: options.threshold ?? 3,
    get: (id, year, dimension, modalite) => find(id, year, dimension ?? '', modalite ?? ''),
    breakdown: (id, dimension, year) => {
      const cells = values.filter((v) => v.indicateur === id && v.annee === year && v.dimension === dimension);
      return dimension === 'mois'
        ? [...cells].sort((a, b) => a.modalite.localeCompare(b.modalite))
        : [...cells].sort((a, b) => (b.valeur ?? 0) - (a.valeur ?? 0));
    },
    ids: () => [...new Set(values.map((v) => v.indicateur))],
    dimensions: (id) => [...new Set(values.filter((v) => v.indicateur === id && v.dimension !== '').map((v) => v.dimension))],
    parents: (id, dimension) => {
      const map = options.parents?.[`${id}|${dimension}`];
      return map ? new Map(Object.entries(map)) : undefined;
    },
    // Like the pipeline: the parent's own `categorie` cell, else the sum of the group's cells;
    // hidden (« s ») when it would reveal a hidden cell.
    subtotal: (id, dimension, year, parent) => {
      const parents = options.parents?.[`${id}|${dimension}`] ?? options.parents?.[`aides.nombre|${dimension}`] ?? {};
      const children = values.filter((v) => v.indicateur === id && v.annee === year && v.dimension === dimension && (parents[v.modalite] ?? 'Autres') === parent);
      if (children.length === 0) return undefined;
      const own = find(id, year, 'categorie', parent);
      const base = cell(id, year, 'categorie', parent, null, { unite: children[0]?.unite ?? '', libelle: children[0]?.libelle ?? id });
      if (own !== undefined) return own.valeur === null ? { ...base, masque: 'secondaire' } : { ...base, valeur: own.valeur };
      if (children.some((child) => child.valeur === null)) return { ...base, masque: 'secondaire' };
      return { ...base, valeur: children.reduce((sum, child) => sum + (child.valeur ?? 0), 0) };
    },
  };
}

/** A section as the config stage hands it over: body starting on line `bodyLine` of `file`. */
export function section(body: string, file = 'sections/essai.md', bodyLine = 5): SectionSource {
  return { id: 'essai', title: 'Essai', file, body, bodyLine };
}

/** Renders a section body to HTML the way the render stage does (helpers, Markdown, blocks). */
export function renderBody(body: string, figures: ReportFigures, placeholders: Placeholders = { html: [], charts: new Map() }): string {
  return renderMarkdown(expandSection(section(body), figures, placeholders), placeholders);
}

/** Text of an HTML fragment as a reader sees it: tags removed, entities decoded, spaces kept. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/[ \t\n]+/g, ' ').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities escapers produce (named with `;`, decimal and hex). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&([a-z]+);/gi, (match, name: string) => NAMED[name.toLowerCase()] ?? match);
}
