// indicateurs.csv (and previous exports `chiffres-AAAA.csv`) → figures as given, with the
// consistency checks of hand-typed figures: breakdown sums, percentages, parts and wholes.
import { createCategoryMatcher, CellFailure } from '../ingest/cells.js';
import type { IndicateurRow } from '../ingest/index.js';
import { formatNumber } from '../shared/format.js';
import { headerKey } from '../shared/normalize.js';
import { CATALOGUE, DIMENSIONS, isPercentUnit, isRatio, labelModalite } from './catalogue.js';
import type { CollectorContext, DatasetCollector } from './collector-context.js';
import { describeLines, type FindingLog } from './row-checks.js';
import type { Figure } from './types.js';

/** Code of the ingest warning for a suppressed cell (`< 3`) skipped in a published export. */
export const MASKED_CELL_CODE = 'cellule_masquee';

const NEUTRALIZED = /^'(?=[=+\-@])/;
const matchers = new Map(
  Object.entries(DIMENSIONS).flatMap(([id, definition]) => (definition.category ? [[id, createCategoryMatcher(definition.category)] as const] : [])),
);

/** A dimension written `Tranche d'âge` or `tranche_age` is the same breakdown. */
function canonicalDimension(dimension: string): string {
  const key = headerKey(dimension);
  return DIMENSIONS[key] ? key : dimension;
}

function canonicalModalite(dimension: string, modalite: string): string {
  const matcher = matchers.get(dimension);
  const value = matcher?.(modalite);
  return value === undefined || value instanceof CellFailure ? modalite : value;
}

/** Undoes the CSV-injection guard of our own exports (`'-18 ans` → `-18 ans`). */
function restore(text: string | undefined): string | undefined {
  return text?.replace(NEUTRALIZED, '');
}

export function createIndicateursCollector(log: FindingLog, multiAnswer: readonly string[]): DatasetCollector<IndicateurRow> {
  const rows: { figure: Figure; line: number }[] = [];

  return {
    add(row, line, file) {
      const dimension = canonicalDimension(restore(row.dimension) ?? '');
      const modalite = canonicalModalite(dimension, restore(row.modalite) ?? '');
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
    },

    emit(context: CollectorContext) {
      const kept = rows.filter(({ figure }) => figure.annee <= context.lastYear);
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
