// aides_financieres.csv → aides.* figures. The hot path of the million-row case: one tally
// update per breakdown, money summed in integer cents.
import type { AideRow } from '../ingest/index.js';
import { type CollectorContext, type DatasetCollector, duplicateFinding, labelsOf, pushFigure } from './collector-context.js';
import { PeopleByYear } from './people-by-year.js';
import { DuplicateDetector, type FindingLog, MonthCoverage } from './row-checks.js';
import { NOT_GIVEN } from './catalogue.js';
import { dateNumberOf, monthKeyOf, TextKeys, yearOf } from './keys.js';
import { coverMonths, emitTally, type MeasureSpec, round, Tally } from './tally.js';

const DIMENSIONS = ['nature', 'categorie', 'forme', 'financeur', 'mois'] as const;
const [NATURE, CATEGORIE, FORME, FINANCEUR, MOIS] = [0, 1, 2, 3, 4];
const COUNT = 0;
const CENTS = 1;

export function createAidesCollector(log: FindingLog): DatasetCollector<AideRow> {
  const tally = new Tally(DIMENSIONS, 2);
  const natures = new TextKeys();
  const categories = new TextKeys();
  const funders = new TextKeys();
  /** People helped, per year (pseudonymous codes, never printed). */
  const people = new PeopleByYear();
  /** nature key → categorie key of its first row; natures seen under another category. */
  const categoryOfNature = new Map<string, string>();
  const mixedNatures = new Map<string, number>();
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
      const month = monthKeyOf(row.date);
      const total = year.total;
      total[COUNT] = (total[COUNT] as number) + count;
      total[CENTS] = (total[CENTS] as number) + cents;
      let cell = year.cell(NATURE, nature.key, nature.label);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cell(CATEGORIE, category.key, category.label);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cell(FORME, forme, forme);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cell(FINANCEUR, funder.key, funder.label);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      cell = year.cell(MOIS, month, month);
      cell[COUNT] = (cell[COUNT] as number) + count;
      cell[CENTS] = (cell[CENTS] as number) + cents;
      if (row.personne !== undefined) people.add(row.personne, annee);
      if (row.categorie !== undefined) {
        const known = categoryOfNature.get(nature.key);
        if (known === undefined) categoryOfNature.set(nature.key, category.key);
        else if (known !== category.key && !mixedNatures.has(nature.key)) mixedNatures.set(nature.key, line);
      }
      // Identical rows: free texts by their grouping key (« Transport » = « transport »).
      duplicates.start();
      duplicates.number(dateNumberOf(row.date));
      duplicates.number(nature.id);
      duplicates.number(cents);
      duplicates.text(row.personne);
      duplicates.number(category.id);
      duplicates.text(row.forme);
      duplicates.number(funder.id);
      duplicates.text(row.genre);
      duplicates.text(row.tranche_age);
      duplicates.number(count);
      const first = duplicates.end(line);
      if (first !== undefined) log.add(duplicateFinding(file, first, line));
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
      for (const [natureKey, categoryKey] of categoryOfNature) parentOf[natures.label(natureKey)] = categories.label(categoryKey);
      if (categoryOfNature.size > 0) {
        context.hierarchies.push({ indicateurs: ['aides.nombre', 'aides.montant'], dimension: 'nature', parentDimension: 'categorie', parentOf });
      }
      for (const [natureKey, line] of mixedNatures) {
        log.add({
          code: 'nature_plusieurs_categories',
          severity: 'info',
          file,
          lines: [line],
          message: `la nature « ${natures.label(natureKey)} » apparaît dans plusieurs catégories : le sous-total par catégorie ne regroupe pas toutes ses aides`,
        });
      }
      coverMonths(tally, MOIS, months);
      for (const finding of months.findings(file, context.lastYear)) log.add(finding);
    },
  };
}
