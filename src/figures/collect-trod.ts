// trod.csv → trod.* figures: tests and their breakdowns, positives, invalid results,
// positivity rate, people tested, orientation of positives.
import type { AddedValue, TrodRow } from '../ingest/index.js';
import { CROSS, NOT_GIVEN } from './catalogue.js';
import { type CollectorContext, type DatasetCollector, labelsOf, pushFigure } from './collector-context.js';
import { PeopleByYear } from './people-by-year.js';
import { DuplicateDetector, type FindingLog, MonthCoverage } from './row-checks.js';
import { TextKeys } from './keys.js';
import { coverMonths, crossKey, emitTally, type MeasureSpec, round, Tally } from './tally.js';

const DIMENSIONS = ['depistage', 'resultat', 'lieu', 'genre', 'tranche_age', 'mois', `tranche_age${CROSS}genre`] as const;
const [DEPISTAGE, RESULTAT, LIEU, GENRE, AGE, MOIS, AGE_GENRE] = [0, 1, 2, 3, 4, 5, 6];
const [TESTS, POSITIFS, INVALIDES, ORIENTES, PREMIERS] = [0, 1, 2, 3, 4];

/** How results added by the config (`categories.trod.resultat`) count; built-in ones are fixed. */
interface ResultKinds {
  positive: ReadonlySet<string>;
  invalid: ReadonlySet<string>;
}

export function createTrodCollector(log: FindingLog, added: Readonly<Record<string, AddedValue>> = {}): DatasetCollector<TrodRow> {
  const kinds: ResultKinds = {
    positive: new Set(['positif', ...Object.keys(added).filter((value) => added[value]?.positive === true)]),
    invalid: new Set(['invalide', ...Object.keys(added).filter((value) => added[value]?.valid === false)]),
  };
  const tally = new Tally(DIMENSIONS, 5);
  const places = new TextKeys();
  const genders = new TextKeys();
  const ages = new TextKeys();
  const people = new PeopleByYear();
  const duplicates = new DuplicateDetector();
  const months = new MonthCoverage();
  let hasOrientation = false;
  let hasFirstTest = false;
  let file = '';

  return {
    add(row, line, fileName) {
      file = fileName;
      const annee = Number(row.date.slice(0, 4));
      const count = row.nombre ?? 1;
      const positive = kinds.positive.has(row.resultat);
      const measures = [
        count,
        positive ? count : 0,
        kinds.invalid.has(row.resultat) ? count : 0,
        positive && row.orientation === true ? count : 0,
        row.premier_depistage === true ? count : 0,
      ];
      hasOrientation ||= row.orientation !== undefined;
      hasFirstTest ||= row.premier_depistage !== undefined;
      const year = tally.year(annee);
      const placeKey = places.key(row.lieu);
      const genderKey = genders.key(row.genre);
      const ageKey = ages.key(row.tranche_age);
      const month = row.date.slice(0, 7);
      const cells = [
        year.total,
        year.cell(DEPISTAGE, row.depistage, row.depistage),
        year.cell(RESULTAT, row.resultat, row.resultat),
        year.cell(LIEU, placeKey, places.label(placeKey)),
        year.cell(GENRE, genderKey, genders.label(genderKey)),
        year.cell(AGE, ageKey, ages.label(ageKey)),
        year.cell(MOIS, month, month),
        year.cell(AGE_GENRE, crossKey(ageKey, genderKey), ''),
      ];
      for (const cell of cells) for (let i = 0; i < measures.length; i += 1) cell[i] = (cell[i] as number) + (measures[i] as number);
      if (row.personne !== undefined) people.add(row.personne, annee);
      if (positive && row.orientation !== true) {
        log.add({
          code: 'positif_sans_orientation',
          severity: 'warning',
          file,
          lines: [line],
          message:
            row.orientation === false
              ? `test ${row.depistage} positif non orienté vers la confirmation ou le soin (orientation = non)`
              : `test ${row.depistage} positif sans orientation renseignée vers la confirmation ou le soin`,
        });
      }
      duplicates.start();
      for (const text of [row.date, row.depistage, row.resultat, row.lieu, row.personne, row.genre, row.tranche_age]) duplicates.text(text);
      for (const flag of [row.premier_depistage, row.orientation]) duplicates.number(flag === undefined ? undefined : Number(flag));
      duplicates.number(count);
      duplicates.endRow(line, file, log);
    },

    emit(context: CollectorContext) {
      if (file === '') return;
      const source = { kind: 'donnees', file } as const;
      const specs: MeasureSpec[] = [
        { ...labelsOf('trod.tests'), measure: TESTS, dimensions: DIMENSIONS },
        { ...labelsOf('trod.positifs'), measure: POSITIFS, dimensions: ['depistage'] },
        { ...labelsOf('trod.invalides'), measure: INVALIDES, dimensions: ['depistage'] },
      ];
      if (hasOrientation) specs.push({ ...labelsOf('trod.positifs_orientes'), measure: ORIENTES, dimensions: ['depistage'] });
      if (hasFirstTest) specs.push({ ...labelsOf('trod.premiers_depistages'), measure: PREMIERS, dimensions: ['depistage'] });
      emitTally(tally, specs, context.lastYear, source, context.figures);
      const counts = people.count(context.lastYear);
      for (const [annee, year] of tally.years) {
        if (annee > context.lastYear) continue;
        // Positivity over tests with a valid result: an invalid test says nothing either way.
        const rate = (values: readonly number[]) => {
          const valid = (values[TESTS] ?? 0) - (values[INVALIDES] ?? 0);
          return valid > 0 ? round(((values[POSITIFS] ?? 0) / valid) * 100, 1) : undefined;
        };
        const total = rate(year.total);
        if (total !== undefined) pushFigure(context, 'trod.taux_positivite', annee, total, source);
        for (const [key, cell] of year.cells[DEPISTAGE] ?? []) {
          const value = rate(cell.values);
          if (value !== undefined && key !== NOT_GIVEN) pushFigure(context, 'trod.taux_positivite', annee, value, source, 'depistage', key);
        }
        const persons = counts.people.get(annee);
        if (persons !== undefined) pushFigure(context, 'trod.personnes', annee, persons, source);
      }
      coverMonths(tally, MOIS, months);
      for (const finding of months.findings(file, context.lastYear)) log.add(finding);
    },
  };
}
