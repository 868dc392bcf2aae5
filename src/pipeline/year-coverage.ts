// The report year against the data: which years each file covers, said in French where the year
// comes from `annee:` of the config, and where a chapter the config lists has nothing that year.
import type { ResolvedSection } from '../config/index.js';
import type { IngestReport } from '../ingest/index.js';
import type { ReportFigures } from '../render/types.js';
import { DataError } from '../shared/errors.js';
import { MAIN_FIGURE } from './default-sections.js';

/** Years of valid rows in files of `dataset` (all files when undefined), ascending. */
function yearsOf(report: IngestReport, dataset?: string): number[] {
  const files = report.files.filter((f) => f.dataset !== null && (dataset === undefined || f.dataset === dataset));
  return [...new Set(files.flatMap((f) => Object.keys(f.years).map(Number)))].sort((a, b) => a - b);
}

/** Latest year of the event files (indicateurs.csv only when there is no other), as ingest picks the default year. */
export function findLatestYear(report: IngestReport): number | undefined {
  const events = report.files.filter((f) => f.dataset !== null && f.dataset !== 'indicateurs' && Object.keys(f.years).length > 0);
  const years = events.length > 0 ? events.flatMap((f) => Object.keys(f.years).map(Number)) : yearsOf(report);
  return years.length === 0 ? undefined : Math.max(...years);
}

/**
 * A progress line when `annee:` of the config chooses another year than the latest of the data:
 * after a new export, an old `annee: 2024` left in rapport.yaml would silently give last year's report.
 */
export function describeYearChoice(year: number, configFile: string, report: IngestReport): string | undefined {
  const latest = findLatestYear(report);
  if (latest === undefined || latest === year) return undefined;
  return `année du rapport : ${year}, choisie par « annee: ${year} » dans ${configFile} (les données vont jusqu'à ${latest} ; --annee ${latest} pour le rapport de ${latest})`;
}

/** Files of a built-in chapter and their years: « maraudes.csv : 2024, 2025 ». */
export function describeChapterData(report: IngestReport, dataset: string): string {
  const files = report.files.filter((f) => f.dataset === dataset);
  if (files.length === 0) return `aucun fichier de données « ${dataset} »`;
  return files
    .map((f) => {
      const years = Object.keys(f.years).sort();
      return `${f.file} : ${years.length === 0 ? 'aucune ligne valide' : `année${years.length > 1 ? 's' : ''} ${years.join(', ')}`}`;
    })
    .join(' ; ');
}

/** The data a built-in chapter is built from, for its error messages: « le rapport 2023 et maraudes.csv : années 2024, 2025 ». */
export function describeBuiltinData(id: string, year: number, report: IngestReport): string {
  const dataset = MAIN_FIGURE[id] !== undefined ? id : id === 'chiffres-cles' ? undefined : 'indicateurs';
  const files = report.files.filter((f) => f.dataset !== null && (dataset === undefined || f.dataset === dataset));
  const data = files.length === 0 && dataset !== undefined ? describeChapterData(report, dataset) : files.map((f) => describeChapterData(report, f.dataset as string)).filter((d, i, all) => all.indexOf(d) === i).join(' ; ');
  return `le rapport ${year}${data === '' ? '' : ` et ${data}`}`;
}

/**
 * A built-in chapter the config lists (`- maraudes`) whose main figure has no value in the report
 * year: the data file has no row that year. Said with the years present and the two ways out,
 * before our template would stop on an unknown figure.
 */
export function checkBuiltinCoverage(sections: readonly ResolvedSection[], figures: Pick<ReportFigures, 'get' | 'year'>, report: IngestReport, configFile: string): void {
  for (const section of sections) {
    if (section.kind !== 'builtin') continue;
    const main = MAIN_FIGURE[section.id];
    if (main === undefined || figures.get(main, figures.year) !== undefined) continue;
    const present = yearsOf(report, section.id);
    throw new DataError(
      `${configFile}, sections : le chapitre « ${section.id} » n'a aucune donnée pour ${figures.year} (${describeChapterData(report, section.id)})`,
      {
        hint:
          (present.length > 0 ? `choisissez une année présente (--annee ${present[present.length - 1]} ou « annee: » dans ${configFile}), ` : '') +
          `ajoutez les données de ${figures.year}, ou retirez « ${section.id} » de « sections » dans ${configFile}`,
      },
    );
  }
}
