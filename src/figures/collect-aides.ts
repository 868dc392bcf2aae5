// aides_financieres.csv → aides.* figures. The hot path of the million-row case: one tally
// update per breakdown, money summed in integer cents.
import { FORME as FORME_VALUES } from '../ingest/categories.js';
import type { AideRow } from '../ingest/index.js';
import { NOT_GIVEN } from './catalogue.js';
import { type CollectorContext, type DatasetCollector, labelsOf, pushFigure } from './collector-context.js';
import { dateNumberOf, monthKeyOf, monthOf, TextKeys, yearOf } from './keys.js';
import { PeopleByYear } from './people-by-year.js';
import { DuplicateDetector, type FindingLog, MonthCoverage } from './row-checks.js';
import { coverMonths, emitTally, type MeasureSpec, round, Tally } from './tally.js';

const DIMENSIONS = ['nature', 'categorie', 'forme', 'financeur', 'mois'] as const;
const [NATURE, CATEGORIE, FORME, FINANCEUR, MOIS] = [0, 1, 2, 3, 4];
/** Small numbers standing for the closed list of forms (0: not given), for `cellById`. */
const FORME_IDS = new Map(Object.keys(FORME_VALUES.values).map((value, index) => [value, index + 1]));
const COUNT = 0;
const CENTS = 1;

export function createAidesCollector(log: FindingLog): DatasetCollector<AideRow> {
  const tally = new Tally(DIMENSIONS, 2);
  const natures = new TextKeys();
  const categories = new TextKeys();
  const funders = new TextKeys();
  /** People helped, per year (pseudonymous codes, never printed). */
  const people = new PeopleByYear();
  /** By nature id: categorie id of its first row; natures seen under another category, with the line. */
  const categoryOfNature: number[] = [];
  const mixedNatures = new Map<number, number>();
  const duplicates = new DuplicateDetector();
  const months = new MonthCoverage();
  let file = '';

  return {
    add(row, line, fileName) {
      file = fileName;
      const annee = yearOf(row.date);
      const year = tally.year(annee);
      const count = row.nombre ?? 1;
      const cents = Math.round(row.montant * 100);
      const nature = natures.entry(row.nature);
      const category = categories.entry(row.categorie);
      const funder = funders.entry(row.financeur);
      const forme = row.forme ?? NOT_GIVEN;
      const formeId = FORME_IDS.get(forme) ?? 0;
      const total = year.total;
      total[COUNT] = (total[COUNT] as number) + count;
      total[CENTS] = (total[CENTS] as number) + cents;
      let cell = year.cellById(NATURE, nature.id, nature.key, nature.label);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cellById(CATEGORIE, category.id, category.key, category.label);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cellById(FORME, formeId, forme, forme);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cellById(FINANCEUR, funder.id, funder.key, funder.label);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      const month = monthKeyOf(row.date);
      cell = year.cellById(MOIS, monthOf(row.date), month, month);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      if (row.personne !== undefined) people.add(row.personne, annee);
      if (row.categorie !== undefined) {
        const known = categoryOfNature[nature.id];
        if (known === undefined) categoryOfNature[nature.id] = category.id;
        else if (known !== category.id && !mixedNatures.has(nature.id)) mixedNatures.set(nature.id, line);
      }
      // Identical rows: free texts by their grouping key (« Transport » = « transport »).
      duplicates.start();
      duplicates.number(dateNumberOf(row.date));
      duplicates.number(nature.id);
      duplicates.number(cents);
      duplicates.text(row.personne);
      duplicates.number(category.id);
      duplicates.number(formeId);
      duplicates.number(funder.id);
      duplicates.text(row.genre);
      duplicates.text(row.tranche_age);
      duplicates.number(count);
      duplicates.endRow(line, file, log);
    },

    emit(context: CollectorContext) {
      if (file === '') return;
      const source = { kind: 'donnees', file } as const;
      const specs: MeasureSpec[] = [
        { ...labelsOf('aides.nombre'), measure: COUNT, dimensions: DIMENSIONS },
        { ...labelsOf('aides.montant'), measure: CENTS, dimensions: DIMENSIONS, scale: (cents) => cents / 100 },
      ];
      emitTally(tally, specs, context.lastYear, source, context.figures);
      const counts = people.count(context.lastYear);
      for (const [annee, year] of tally.years) {
        if (annee > context.lastYear) continue;
        const count = year.total[COUNT] ?? 0;
        if (count > 0) pushFigure(context, 'aides.montant_moyen', annee, round((year.total[CENTS] ?? 0) / count / 100, 2), source);
        // Only when codes are given that year: no code is not zero people.
        if (!counts.people.has(annee)) continue;
        pushFigure(context, 'aides.beneficiaires', annee, counts.people.get(annee) ?? 0, source);
        pushFigure(context, 'aides.nouveaux_beneficiaires', annee, counts.newcomers.get(annee) ?? 0, source);
      }
      const parentOf: Record<string, string> = {};
      categoryOfNature.forEach((categoryId, natureId) => {
        const nature = natures.byId(natureId);
        const category = categories.byId(categoryId);
        if (nature !== undefined && category !== undefined) parentOf[nature.label] = category.label;
      });
      if (Object.keys(parentOf).length > 0) {
        context.hierarchies.push({ indicateurs: ['aides.nombre', 'aides.montant'], dimension: 'nature', parentDimension: 'categorie', parentOf });
      }
      for (const [natureId, line] of mixedNatures) {
        log.add({
          code: 'nature_plusieurs_categories',
          severity: 'info',
          file,
          lines: [line],
          message: `la nature « ${natures.byId(natureId)?.label ?? ''} » apparaît dans plusieurs catégories : le sous-total par catégorie ne regroupe pas toutes ses aides`,
        });
      }
      coverMonths(tally, MOIS, months);
      for (const finding of months.findings(file, context.lastYear)) log.add(finding);
    },
  };
}
