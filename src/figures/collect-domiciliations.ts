// domiciliations.csv → domiciliations.* figures. A decision is one row; an accorded decision is
// valid from its date to `date_fin` (default: one year minus one day), cut by a radiation: a
// person radiated on day D is no longer domiciled from D on.
import type { DomiciliationRow } from '../ingest/index.js';
import { addDays } from '../shared/dates.js';
import { type CollectorContext, type DatasetCollector, labelsOf, pushFigure } from './collector-context.js';
import { DuplicateDetector, type FindingLog, MonthCoverage } from './row-checks.js';
import { CROSS } from './catalogue.js';
import { TextKeys } from './keys.js';
import { crossKey, emitTally, Tally } from './tally.js';

/** What a person's domiciliation in a year is described by: their latest decision meeting it. */
interface Profile {
  date: string;
  line: number;
  genre: string | undefined;
  trancheAge: string | undefined;
  origine: string | undefined;
  ayantsDroit: number | undefined;
}

interface History {
  /** Earliest decision of any kind. */
  first: string;
  /** Earliest renewal request and its line. */
  renewal?: { date: string; line: number };
}

const PROFILE_DIMENSIONS = ['genre', 'tranche_age', 'origine', `tranche_age${CROSS}genre`, `tranche_age${CROSS}origine`] as const;

function bump(map: Map<number, number>, year: number, by = 1): void {
  map.set(year, (map.get(year) ?? 0) + by);
}

function setOf<T>(map: Map<number, Set<T>>, year: number): Set<T> {
  let set = map.get(year);
  if (set === undefined) map.set(year, (set = new Set()));
  return set;
}

export function createDomiciliationsCollector(log: FindingLog): DatasetCollector<DomiciliationRow> {
  const firstRequests = new Map<number, number>();
  const renewals = new Map<number, number>();
  const refusals = new Tally(['motif_refus'], 1);
  const reasons = new TextKeys();
  const radiations = new Map<number, Set<string>>();
  const domiciled = new Map<number, Map<string, Profile>>();
  const endOfYear = new Map<number, Set<string>>();
  const histories = new Map<string, History>();
  const years = new Set<number>();
  const duplicates = new DuplicateDetector();
  const months = new MonthCoverage();
  let hasDependants = false;
  let file = '';

  const addValidity = (row: DomiciliationRow, line: number) => {
    let end = row.date_fin ?? row.date;
    if (row.date_radiation !== undefined && row.date_radiation <= end) end = addDays(row.date_radiation, -1);
    if (end < row.date) return; // radiated on the day of the decision: never domiciled
    const profile: Profile = {
      date: row.date,
      line,
      genre: row.genre,
      trancheAge: row.tranche_age,
      origine: row.origine,
      ayantsDroit: row.ayants_droit,
    };
    for (let year = Number(row.date.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) {
      years.add(year);
      let people = domiciled.get(year);
      if (people === undefined) domiciled.set(year, (people = new Map()));
      const known = people.get(row.personne);
      if (known === undefined || known.date < profile.date || (known.date === profile.date && known.line < line)) {
        people.set(row.personne, profile);
      }
      if (end >= `${year}-12-31`) setOf(endOfYear, year).add(row.personne);
    }
  };

  return {
    add(row, line, fileName) {
      file = fileName;
      const annee = Number(row.date.slice(0, 4));
      years.add(annee);
      hasDependants ||= row.ayants_droit !== undefined;
      if (row.decision === 'accord') {
        bump(row.demande === 'premiere' ? firstRequests : renewals, annee);
        addValidity(row, line);
      } else {
        const year = refusals.year(annee);
        year.total[0] = (year.total[0] as number) + 1;
        const key = reasons.key(row.motif_refus);
        const cell = year.cell(0, key, reasons.label(key));
        cell[0] = (cell[0] as number) + 1;
      }
      if (row.date_radiation !== undefined) {
        const radiationYear = Number(row.date_radiation.slice(0, 4));
        years.add(radiationYear);
        setOf(radiations, radiationYear).add(`${row.personne}\u0000${row.date_radiation}`);
      }
      const history = histories.get(row.personne);
      if (history === undefined) histories.set(row.personne, { first: row.date });
      else if (row.date < history.first) history.first = row.date;
      if (row.demande === 'renouvellement') {
        const entry = histories.get(row.personne) as History;
        if (entry.renewal === undefined || row.date < entry.renewal.date) entry.renewal = { date: row.date, line };
      }
      months.add(row.date);
      duplicates.start();
      for (const text of [row.personne, row.date, row.demande, row.decision, row.motif_refus, row.date_fin, row.date_radiation, row.motif_radiation, row.genre, row.tranche_age, row.origine]) {
        duplicates.text(text);
      }
      duplicates.number(row.ayants_droit);
      duplicates.endRow(line, file, log);
    },

    emit(context: CollectorContext) {
      if (file === '') return;
      const source = { kind: 'donnees', file } as const;
      const profiles = new Tally(PROFILE_DIMENSIONS, 1);
      const keys = [new TextKeys(), new TextKeys(), new TextKeys()];
      for (const annee of [...years].sort((a, b) => a - b)) {
        if (annee > context.lastYear) continue;
        pushFigure(context, 'domiciliations.premieres_demandes', annee, firstRequests.get(annee) ?? 0, source);
        pushFigure(context, 'domiciliations.renouvellements', annee, renewals.get(annee) ?? 0, source);
        if (!refusals.years.has(annee)) pushFigure(context, 'domiciliations.refus', annee, 0, source);
        pushFigure(context, 'domiciliations.radiations', annee, radiations.get(annee)?.size ?? 0, source);
        pushFigure(context, 'domiciliations.en_cours_fin_annee', annee, endOfYear.get(annee)?.size ?? 0, source);
        const people = domiciled.get(annee) ?? new Map<string, Profile>();
        const year = profiles.year(annee);
        let dependants = 0;
        for (const profile of people.values()) {
          year.total[0] = (year.total[0] as number) + 1;
          const [genre, age, origine] = [profile.genre, profile.trancheAge, profile.origine].map((value, index) => {
            const textKeys = keys[index] as TextKeys;
            const key = textKeys.key(value);
            const cell = year.cell(index, key, textKeys.label(key));
            cell[0] = (cell[0] as number) + 1;
            return key;
          }) as [string, string, string];
          // Pyramids: age band × gender, age band × origin.
          for (const cell of [year.cell(3, crossKey(age, genre), ''), year.cell(4, crossKey(age, origine), '')]) {
            cell[0] = (cell[0] as number) + 1;
          }
          dependants += profile.ayantsDroit ?? 0;
        }
        if (hasDependants) pushFigure(context, 'domiciliations.ayants_droit', annee, dependants, source);
      }
      emitTally(refusals, [{ ...labelsOf('domiciliations.refus'), measure: 0, dimensions: ['motif_refus'] }], context.lastYear, source, context.figures);
      emitTally(profiles, [{ ...labelsOf('domiciliations.personnes'), measure: 0, dimensions: PROFILE_DIMENSIONS }], context.lastYear, source, context.figures);
      for (const history of histories.values()) {
        if (history.renewal === undefined || history.first < history.renewal.date) continue;
        log.add({
          code: 'renouvellement_sans_decision_anterieure',
          severity: 'info',
          file,
          lines: [history.renewal.line],
          message: `renouvellement ligne ${history.renewal.line} sans décision antérieure pour la même personne dans les données (fichiers des années précédentes absents ?)`,
        });
      }
      for (const finding of months.findings(file, context.lastYear)) log.add(finding);
    },
  };
}
