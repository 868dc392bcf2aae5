// The chapters of a report whose config lists none: one per data file with rows in the report
// year, then one per other figure family, so that nothing the data holds is left out.
import type { ResolvedSection } from '../config/index.js';
import type { ReportFigures } from '../render/types.js';
import { describeFamily } from '../shared/describe-id.js';
import { UsageError } from '../shared/errors.js';
import { suggestClosest } from '../shared/suggest.js';

const DEFAULT_ORDER = ['chiffres-cles', 'maraudes', 'trod', 'domiciliations', 'aides', 'accueil'] as const;

/** The figure a built-in chapter's first sentence states: without it for the year, no chapter. */
export const MAIN_FIGURE: Readonly<Record<string, string>> = {
  maraudes: 'maraudes.sessions',
  trod: 'trod.tests',
  domiciliations: 'domiciliations.personnes',
  aides: 'aides.nombre',
};

/**
 * The chapters for the data present, when the config lists none: the built-in chapter of each
 * data file with rows in the report year (a file with earlier years only gets a warning), then
 * one chapter per other figure family with a value in the report year (any prefix of
 * indicateurs.csv: `sante.*`, `caarud.*`…), so that nothing the data holds is left out.
 */
export function listDefaultSections(
  datasets: ReadonlySet<string>,
  figures: Pick<ReportFigures, 'ids' | 'get' | 'year'>,
  familyTitles: ReadonlyMap<string, string> = new Map(),
  warnings: string[] = [],
): ResolvedSection[] {
  const families: string[] = [];
  for (const id of figures.ids()) {
    const family = id.slice(0, id.indexOf('.'));
    if (family === '' || families.includes(family) || figures.get(id, figures.year) === undefined) continue;
    families.push(family);
  }
  const builtin = (id: string) => {
    if (id === 'accueil') return families.includes('accueil');
    if (!datasets.has(id)) return false;
    const main = MAIN_FIGURE[id];
    if (main === undefined || figures.get(main, figures.year) !== undefined) return true;
    warnings.push(`données « ${id} » : aucune ligne de ${figures.year}, chapitre non inclus`);
    return false;
  };
  const sections: ResolvedSection[] = [];
  for (const id of DEFAULT_ORDER) if (id !== 'chiffres-cles' && builtin(id)) sections.push({ kind: 'builtin', id });
  // A data family given only by indicateurs.csv (no raw file for the year) still gets its figures shown.
  for (const family of families) {
    if (sections.some((section) => section.id === family)) continue;
    sections.push({ kind: 'famille', id: family, titre: familyTitles.get(family) ?? describeFamily(family) });
  }
  return sections.length === 0 ? [] : [{ kind: 'builtin', id: 'chiffres-cles' }, ...sections];
}

/** A `{ famille: x }` chapter of the config must name a prefix the data has (a typo would print an empty chapter). */
export function checkFamilies(sections: readonly ResolvedSection[], figures: Pick<ReportFigures, 'ids'>): void {
  const known = [...new Set(figures.ids().map((id) => id.slice(0, id.indexOf('.'))))];
  for (const section of sections) {
    if (section.kind !== 'famille' || known.includes(section.id)) continue;
    const closest = suggestClosest(section.id, known);
    throw new UsageError(`sections : aucun chiffre « ${section.id}.* » dans les données${closest ? ` — vouliez-vous dire « ${closest} » ?` : ''}`, {
      hint: `familles de chiffres présentes : ${known.join(', ')}`,
    });
  }
}
