// indicateurs.csv (and previous exports `chiffres-AAAA.csv`) → figures as given, with the
// consistency checks of hand-typed figures: breakdown sums, percentages, parts and wholes.
import { type CategoryMatcher, createCategoryMatcher, CellFailure } from '../ingest/cells.js';
import type { CategoryExtensions, IndicateurRow } from '../ingest/index.js';
import { formatNumber } from '../shared/format.js';
import { headerKey } from '../shared/normalize.js';
import { suggestClosest } from '../shared/suggest.js';
import { CATALOGUE, DIMENSIONS, isPercentUnit, isRatio, labelModalite } from './catalogue.js';
import type { CollectorContext, DatasetCollector } from './collector-context.js';
import { buildReadableLabel, familyOf } from './labels.js';
import { describeLines, type FindingLog } from './row-checks.js';
import type { Figure } from './types.js';

/** Code of the ingest warning for a suppressed cell (`< 3`) skipped in a published export. */
export const MASKED_CELL_CODE = 'cellule_masquee';

const NEUTRALIZED = /^'(?=[=+\-@])/;

/** Closed-list dimensions → matcher of their values, the config's added values included. */
function createMatchers(categories: CategoryExtensions): Map<string, CategoryMatcher<string>> {
  const matchers = new Map<string, CategoryMatcher<string>>();
  for (const [id, definition] of Object.entries(DIMENSIONS)) {
    if (!definition.category) continue;
    const values: Record<string, { label: string; synonyms: readonly string[] }> = { ...definition.category.values };
    for (const columns of Object.values(categories)) {
      for (const [value, added] of Object.entries(columns?.[id] ?? {})) values[value] = { label: added.label, synonyms: added.synonyms };
    }
    matchers.set(id, createCategoryMatcher({ values }));
  }
  return matchers;
}

/** A dimension written `Tranche d'âge` or `tranche_age` is the same breakdown. */
function canonicalDimension(dimension: string): string {
  const key = headerKey(dimension);
  return DIMENSIONS[key] ? key : dimension;
}

function canonicalModalite(matchers: ReadonlyMap<string, CategoryMatcher<string>>, dimension: string, modalite: string): string {
  const matcher = matchers.get(dimension);
  const value = matcher?.(modalite);
  return value === undefined || value instanceof CellFailure ? modalite : value;
}

/** Undoes the CSV-injection guard of our own exports (`'-18 ans` → `-18 ans`). */
function restore(text: string | undefined): string | undefined {
  return text?.replace(NEUTRALIZED, '');
}

/** Families whose figures are computed from a raw file: a history id there must match one of them. */
const COMPUTED_FAMILIES = new Set(['maraudes', 'trod', 'domiciliations', 'aides']);

export function createIndicateursCollector(
  log: FindingLog,
  multiAnswer: readonly string[],
  configuredLabels: Readonly<Record<string, string>> = {},
  categories: CategoryExtensions = {},
): DatasetCollector<IndicateurRow> {
  // History written with a printed label (`Immunisé`) meets the computed modalite (`immunise`).
  const matchers = createMatchers(categories);
  const rows: { figure: Figure; line: number }[] = [];
  /** Rows whose file gives no label, per figure id: the label is found or built at the end. */
  const unlabelled = new Map<string, { figure: Figure; line: number }[]>();
  const labelOf = new Map<string, string>();

  return {
    add(row, line, file) {
      const dimension = canonicalDimension(restore(row.dimension) ?? '');
      const modalite = canonicalModalite(matchers, dimension, restore(row.modalite) ?? '');
      const definition = CATALOGUE[row.indicateur];
      const figure: Figure = {
        indicateur: row.indicateur,
        annee: row.annee,
        dimension,
        modalite,
        valeur: row.valeur,
        unite: restore(row.unite) ?? definition?.unite ?? '',
        // Catalogue ids keep their catalogue label, so history and raw figures read alike.
        libelle: definition?.libelle ?? restore(row.libelle) ?? row.indicateur,
        source: { kind: 'indicateurs', file, line },
      };
      if (dimension !== '') figure.libelleModalite = labelModalite(dimension, modalite);
      rows.push({ figure, line });
      if (definition === undefined && row.libelle === undefined) {
        const list = unlabelled.get(row.indicateur);
        if (list === undefined) unlabelled.set(row.indicateur, [{ figure, line }]);
        else list.push({ figure, line });
      } else if (!labelOf.has(row.indicateur)) labelOf.set(row.indicateur, figure.libelle);
    },

    emit(context: CollectorContext) {
      const computed = new Map(context.figures.map((figure) => [figure.indicateur, figure.libelle]));
      labelRows(unlabelled, labelOf, computed, configuredLabels, log);
      const kept = rows.filter(({ figure }) => figure.annee <= context.lastYear);
      findOrphans(kept, computed, context.lastYear, log);
      for (const { figure } of kept) context.figures.push(figure);
      const masked = new Set(context.report.warnings.filter((w) => w.code === MASKED_CELL_CODE).map((w) => w.file));
      const groups = new Map<string, { figure: Figure; line: number }[]>();
      for (const entry of kept) {
        const { file } = entry.figure.source;
        const id = `${file}\u0000${entry.figure.indicateur}\u0000${entry.figure.annee}`;
        groups.set(id, [...(groups.get(id) ?? []), entry]);
      }
      for (const group of groups.values()) checkGroup(group, log, multiAnswer, masked);
    },
  };
}

/** `motif` (any figure) or `accueil.motifs:motif`; dimensions compared like headers. */
function isMultiAnswer(declared: readonly string[], indicateur: string, dimension: string): boolean {
  const key = headerKey(dimension);
  return declared.some((entry) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? undefined : entry.slice(0, colon).trim();
    return headerKey(colon < 0 ? entry : entry.slice(colon + 1)) === key && (id === undefined || id === indicateur);
  });
}

function checkGroup(
  group: readonly { figure: Figure; line: number }[],
  log: FindingLog,
  multiAnswer: readonly string[],
  maskedFiles: ReadonlySet<string>,
): void {
  const first = group[0];
  if (first === undefined) return;
  const { indicateur, annee, unite, source } = first.figure;
  const file = source.file;
  const name = `« ${indicateur} » ${annee}`;
  for (const { figure, line } of group) {
    if (isPercentUnit(figure.unite) && figure.valeur > 100) {
      log.add({
        code: 'pourcentage_superieur_100',
        severity: 'warning',
        file,
        lines: [line],
        message: `${name}${figure.dimension ? ` (${figure.dimension} = ${figure.modalite})` : ''} : pourcentage de ${formatNumber(figure.valeur)}\u00a0%, supérieur à 100\u00a0%`,
      });
    }
  }
  const total = group.find(({ figure }) => figure.dimension === '');
  if (total === undefined || isRatio(indicateur, unite)) return;
  const byDimension = new Map<string, { figure: Figure; line: number }[]>();
  for (const entry of group) {
    if (entry.figure.dimension !== '') byDimension.set(entry.figure.dimension, [...(byDimension.get(entry.figure.dimension) ?? []), entry]);
  }
  const whole = total.figure.valeur;
  for (const [dimension, cells] of byDimension) {
    for (const { figure, line } of cells) {
      if (figure.valeur > whole) {
        log.add({
          code: 'partie_superieure_au_tout',
          severity: 'warning',
          file,
          lines: [total.line, line],
          message: `${name} : la modalité « ${figure.modalite} » (${dimension}) vaut ${formatNumber(figure.valeur)}, plus que le total ${formatNumber(whole)}`,
        });
      }
    }
    if (isMultiAnswer(multiAnswer, indicateur, dimension)) continue;
    const sum = cells.reduce((acc, { figure }) => acc + figure.valeur, 0);
    // Decimals typed by hand (12,5 + 7,5) must not fail on floating-point noise.
    if (Math.abs(sum - whole) <= 1e-9 * Math.max(1, Math.abs(whole))) continue;
    if (sum < whole && maskedFiles.has(file)) continue; // suppressed cells were skipped at reading
    log.add({
      code: 'somme_ventilation_differente',
      severity: 'warning',
      file,
      lines: [total.line, ...cells.map(({ line }) => line)],
      message:
        `${name} : la ventilation par « ${dimension} » (${describeLines(cells.map(({ line }) => line))}) totalise ${formatNumber(sum)} ` +
        `alors que le total (ligne ${total.line}) vaut ${formatNumber(whole)} ; si plusieurs réponses sont possibles, déclarez « ${dimension} » dans reponses_multiples`,
    });
  }
}

/**
 * A row without a label takes the label another row of the same figure gives (often only the
 * total row has one), else the computed figure's, else a readable form of its id, with a warning
 * unless `libelles` of rapport.yaml names it.
 */
function labelRows(
  unlabelled: ReadonlyMap<string, readonly { figure: Figure; line: number }[]>,
  labelOf: ReadonlyMap<string, string>,
  computed: ReadonlyMap<string, string>,
  configured: Readonly<Record<string, string>>,
  log: FindingLog,
): void {
  for (const [indicateur, entries] of unlabelled) {
    const given = labelOf.get(indicateur) ?? computed.get(indicateur);
    const label = given ?? configured[indicateur] ?? buildReadableLabel(indicateur);
    for (const { figure } of entries) figure.libelle = label;
    if (given !== undefined || configured[indicateur] !== undefined) continue;
    const byFile = new Map<string, number[]>();
    for (const { figure, line } of entries) {
      const lines = byFile.get(figure.source.file) ?? [];
      if (!lines.includes(line)) lines.push(line);
      byFile.set(figure.source.file, lines);
    }
    for (const [file, lines] of byFile) {
      log.add({
        code: 'libelle_manquant',
        severity: 'warning',
        file,
        lines,
        message:
          `le chiffre « ${indicateur} » n'a pas de libellé : il est affiché « ${label} » ; ` +
          `donnez-le dans la colonne « libelle » ou dans « libelles » de rapport.yaml`,
      });
    }
  }
}

/**
 * History of a family computed from a raw file (`maraudes.nb_de_contacts` after the counter was
 * renamed `maraudes.contacts`) that matches no computed figure and has no value for year N would
 * sit unused while the report says « pas de donnée » for that year: say so, with the closest id.
 */
function findOrphans(
  kept: readonly { figure: Figure; line: number }[],
  computed: ReadonlyMap<string, string>,
  lastYear: number,
  log: FindingLog,
): void {
  const families = new Set([...computed.keys()].map(familyOf).filter((family) => COMPUTED_FAMILIES.has(family)));
  const current = new Set(kept.filter(({ figure }) => figure.annee === lastYear).map(({ figure }) => figure.indicateur));
  const orphans = new Map<string, { file: string; lines: number[]; years: Set<number> }>();
  for (const { figure, line } of kept) {
    const { indicateur } = figure;
    if (!families.has(familyOf(indicateur)) || computed.has(indicateur) || CATALOGUE[indicateur] || current.has(indicateur)) continue;
    const key = `${figure.source.file}\u0000${indicateur}`;
    const entry = orphans.get(key) ?? { file: figure.source.file, lines: [], years: new Set<number>() };
    if (!entry.lines.includes(line)) entry.lines.push(line);
    entry.years.add(figure.annee);
    orphans.set(key, entry);
  }
  const known = [...computed.keys()].sort();
  for (const [key, { file, lines, years }] of orphans) {
    const indicateur = key.slice(key.indexOf('\u0000') + 1);
    const family = familyOf(indicateur);
    const closest = suggestClosest(indicateur, known.filter((id) => familyOf(id) === family)) ?? suggestClosest(indicateur, known);
    log.add({
      code: 'historique_orphelin',
      severity: 'warning',
      file,
      lines,
      message:
        `le chiffre « ${indicateur} » (${[...years].sort().join(', ')}) ne correspond à aucun chiffre calculé à partir des données ` +
        `de ${lastYear} : cet historique n'est relié à rien (le rapport dira « pas de donnée » pour ces années)` +
        (closest === undefined ? '' : ` ; vouliez-vous dire « ${closest} » ? Renommez-le dans ${file}`),
    });
  }
}
