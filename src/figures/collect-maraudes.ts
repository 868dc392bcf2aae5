// maraudes.csv → maraudes.sessions, maraudes.sites and one maraudes.<colonne> per counter column.
import type { MaraudeRow } from '../ingest/index.js';
import { counterFigureId, COUNTER_DIMENSIONS, NOT_GIVEN } from './catalogue.js';
import { type CollectorContext, type DatasetCollector, labelsOf, pushFigure } from './collector-context.js';
import { DuplicateDetector, type FindingLog, MonthCoverage } from './row-checks.js';
import { TextKeys } from './keys.js';
import { coverMonths, emitTally, Tally } from './tally.js';

const SESSION_DIMENSIONS = ['type', 'creneau', 'site', 'mois'] as const;
const [TYPE, CRENEAU, SITE, MOIS] = [0, 1, 2, 3];

export function createMaraudesCollector(log: FindingLog): DatasetCollector<MaraudeRow> {
  const sessions = new Tally(SESSION_DIMENSIONS, 1);
  /** One tally per counter column (normalized header), in order of first appearance. */
  const counters = new Map<string, Tally>();
  const types = new TextKeys();
  const sites = new TextKeys();
  const sitesByYear = new Map<number, Set<string>>();
  const duplicates = new DuplicateDetector();
  const months = new MonthCoverage();
  let file = '';

  return {
    add(row, line, fileName) {
      file = fileName;
      const annee = Number(row.date.slice(0, 4));
      const count = row.nombre ?? 1;
      const month = row.date.slice(0, 7);
      const typeKey = types.key(row.type);
      const siteKey = sites.key(row.site);
      const year = sessions.year(annee);
      year.total[0] = (year.total[0] as number) + count;
      const cells = [
        year.cell(TYPE, typeKey, types.label(typeKey)),
        year.cell(CRENEAU, row.creneau ?? NOT_GIVEN, row.creneau ?? NOT_GIVEN),
        year.cell(SITE, siteKey, sites.label(siteKey)),
        year.cell(MOIS, month, month),
      ];
      for (const cell of cells) cell[0] = (cell[0] as number) + count;
      let yearSites = sitesByYear.get(annee);
      if (yearSites === undefined) sitesByYear.set(annee, (yearSites = new Set()));
      yearSites.add(siteKey);
      for (const [id, value] of Object.entries(row.compteurs)) {
        let tally = counters.get(id);
        if (tally === undefined) counters.set(id, (tally = new Tally(COUNTER_DIMENSIONS, 1)));
        const counterYear = tally.year(annee);
        counterYear.total[0] = (counterYear.total[0] as number) + value;
        const byType = counterYear.cell(0, typeKey, types.label(typeKey));
        byType[0] = (byType[0] as number) + value;
        const byMonth = counterYear.cell(1, month, month);
        byMonth[0] = (byMonth[0] as number) + value;
      }
      duplicates.start();
      for (const text of [row.date, row.site, row.type, row.creneau]) duplicates.text(text);
      duplicates.number(count);
      for (const [id, value] of Object.entries(row.compteurs)) {
        duplicates.text(id);
        duplicates.number(value);
      }
      duplicates.endRow(line, file, log);
    },

    emit(context: CollectorContext) {
      if (file === '') return;
      const source = { kind: 'donnees', file } as const;
      emitTally(sessions, [{ ...labelsOf('maraudes.sessions'), measure: 0, dimensions: SESSION_DIMENSIONS }], context.lastYear, source, context.figures);
      for (const [annee, set] of sitesByYear) {
        if (annee <= context.lastYear) pushFigure(context, 'maraudes.sites', annee, set.size, source);
      }
      const headers = context.report.files.find((summary) => summary.file === file)?.counters ?? {};
      // A counter left empty in the last rows of a year still runs its months as far as the sessions.
      const lastMonthOf = (annee: number) => {
        let last = 0;
        for (const key of sessions.years.get(annee)?.cells[MOIS]?.keys() ?? []) last = Math.max(last, Number(key.slice(5, 7)));
        return last;
      };
      for (const [id, tally] of counters) {
        const header = headers[id] ?? id;
        const spec = { indicateur: counterFigureId(id), libelle: header, unite: unitOfHeader(header), measure: 0, dimensions: COUNTER_DIMENSIONS };
        emitTally(tally, [spec], context.lastYear, source, context.figures, lastMonthOf);
      }
      coverMonths(sessions, MOIS, months);
      for (const finding of months.findings(file, context.lastYear)) log.add(finding);
    },
  };
}

/** `Préservatifs` → `préservatifs`, `TROD réalisés` stays as written (an acronym keeps its case). */
function unitOfHeader(header: string): string {
  const second = header.charAt(1);
  return second !== '' && second === second.toLowerCase() ? header.charAt(0).toLowerCase() + header.slice(1) : header;
}
