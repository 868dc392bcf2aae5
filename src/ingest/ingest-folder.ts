// Entry of the ingest stage: the only code that reads input files. Finds the contract files
// of a project folder, validates them as streams and hands valid rows to the sink.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DataError, UsageError } from '../shared/errors.js';
import { formatInteger } from '../shared/format.js';
import { suggestClosest } from '../shared/suggest.js';
import { formatYamlLines } from '../shared/yaml-lines.js';
import { createRowSchemas, DATASET_FILES, DATASET_IDS, type DatasetId } from './contract.js';
import { beginCachedIngestion, validateFileCached } from './file-cache.js';
import { datasetOfFile, sameFileName, suggestDataset } from './file-names.js';
import { createIssueGroup } from './issue-collector.js';
import {
  createFileSummary,
  type DataIssue,
  type FileNames,
  type FileSummary,
  type IngestOptions,
  type IngestReport,
  type IssueGroup,
  type RowSink,
} from './types.js';

export * from './types.js';
export { DATASET_FILES, DATASET_IDS, EXTENSIBLE_CATEGORIES } from './contract.js';
export { datasetOfFile } from './file-names.js';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** `<dossier>/donnees/` when it exists, else `<dossier>`. */
export async function findDataFolder(folder: string): Promise<string> {
  const absolute = resolve(folder);
  if (!(await isDirectory(absolute))) {
    throw new UsageError(`le dossier « ${folder} » n'existe pas ou n'est pas un dossier`, {
      hint: 'indiquez le dossier du projet, qui contient les fichiers CSV ou un sous-dossier « donnees »',
    });
  }
  const nested = join(absolute, 'donnees');
  return (await isDirectory(nested)) ? nested : absolute;
}

const EXPECTED_NAMES = DATASET_IDS.map((id) => DATASET_FILES[id]).join(', ');

export async function ingestFolder(options: IngestOptions, sink: RowSink = {}): Promise<IngestReport> {
  const dataFolder = await findDataFolder(options.folder);
  const listed = (await readdir(dataFolder, { withFileTypes: true })).filter(
    (entry) => (entry.isFile() || entry.isSymbolicLink()) && extname(entry.name).toLowerCase() === '.csv',
  );
  const schemas = createRowSchemas(options.values, options.categories);
  const files: FileSummary[] = [];
  const errors: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  const groups: IssueGroup[] = [];
  /** A problem found outside a file's reading: listed as is, and as a group of one. */
  const report = (issue: DataIssue) => {
    (issue.severity === 'error' ? errors : warnings).push(issue);
    groups.push(createIssueGroup(issue));
  };
  const configured = options.files ?? {};
  const eventFileOf = new Map<DatasetId, string>();
  let errorTotal = 0;
  const entries: string[] = [];
  const project = await realpath(resolve(options.folder));
  const realData = await realpath(dataFolder);
  if (isOutside(project, realData)) {
    // `donnees` linked elsewhere would read files that are not the project's.
    throw new UsageError(`le dossier « donnees » est un lien vers un dossier hors du projet : refusé`, {
      hint: 'copiez les fichiers CSV dans le dossier « donnees » du projet',
    });
  }
  for (const entry of listed) {
    if (!entry.isSymbolicLink()) {
      entries.push(entry.name);
      continue;
    }
    // A link is followed only inside the project: a data file must not pull in anything else.
    const refusal = await checkLink(join(dataFolder, entry.name), project);
    if (refusal === undefined) {
      entries.push(entry.name);
      continue;
    }
    report({ severity: 'error', code: 'lien_refuse', file: entry.name, message: refusal });
    errorTotal += 1;
    files.push({ ...createFileSummary(datasetOfFile(entry.name, configured), entry.name), errorCount: 1, refused: true });
  }
  entries.sort((a, b) => a.localeCompare(b, 'fr'));
  if (options.cache !== undefined) beginCachedIngestion(options.cache, entries.map((name) => join(dataFolder, name)));
  const cacheContext = JSON.stringify([options.values ?? null, options.categories ?? null]);
  checkConfiguredFiles(configured, [...entries, ...files.map((f) => f.file)], dataFolder);

  const ordered = [...entries].sort(
    (a, b) =>
      DATASET_IDS.indexOf(datasetOfFile(a, configured) ?? 'indicateurs') - DATASET_IDS.indexOf(datasetOfFile(b, configured) ?? 'indicateurs'),
  );
  const fed = new Set(ordered.map((name) => datasetOfFile(name, configured)));
  for (const name of ordered) {
    const dataset = datasetOfFile(name, configured);
    if (dataset === null) {
      files.push({ ...createFileSummary(null, name), warningCount: 1 });
      report({
        severity: 'warning',
        code: 'fichier_inconnu',
        file: name,
        ...describeUnknownFile(name, fed),
      });
      continue;
    }
    const previous = eventFileOf.get(dataset);
    if (previous !== undefined && dataset !== 'indicateurs') {
      const issue: DataIssue = {
        severity: 'error',
        code: 'fichier_en_double',
        file: name,
        message: `« ${previous} » et « ${name} » contiennent tous deux les données ${dataset} : gardez-en un seul`,
      };
      report(issue);
      errorTotal += 1;
      files.push({ ...createFileSummary(dataset, name), errorCount: 1, refused: true });
      continue;
    }
    eventFileOf.set(dataset, name);
    const result = await validateFileCached(options.cache, cacheContext, {
      dataset,
      path: join(dataFolder, name),
      file: name,
      schemas,
      configuredColumns: options.columns?.[dataset],
      sink,
    });
    files.push(result.summary);
    errorTotal += result.summary.errorCount;
    for (const issue of result.issues.kept) (issue.severity === 'error' ? errors : warnings).push(issue);
    groups.push(...result.issues.groups);
  }

  const year = options.year ?? latestYear(files);
  if (options.year !== undefined && errorTotal === 0) checkYearPresent(options.year, files);
  if (year !== undefined) {
    for (const summary of files) {
      const others = Object.entries(summary.years).filter(([y]) => Number(y) !== year);
      if (summary.dataset === null || summary.dataset === 'indicateurs' || others.length === 0) continue;
      const count = others.reduce((sum, [, n]) => sum + n, 0);
      const future = others.filter(([y]) => Number(y) > year).map(([y]) => y);
      report({
        severity: 'warning',
        code: 'hors_annee',
        file: summary.file,
        message:
          `${formatInteger(count)} ligne${count > 1 ? 's' : ''} hors de l'année ${year} (${others.map(([y, n]) => `${y} : ${formatInteger(n)}`).join(', ')})` +
          (future.length > 0 ? ` : données postérieures au rapport, ignorées pour ${year}` : ` : conservée${count > 1 ? 's' : ''} comme historique`),
      });
      summary.warningCount += 1;
    }
  }
  return { folder: resolve(options.folder), dataFolder, year, files, errors, warnings, groups, ok: errorTotal === 0 };
}

/**
 * What to do with an unexpected CSV: rename it to the closest contract name, or declare it in
 * rapport.yaml (`fichiers`), with the lines to paste.
 */
function describeUnknownFile(name: string, fed: ReadonlySet<DatasetId | null>): { message: string; expected: string } {
  const message = `fichier « ${name} » non reconnu : il est ignoré`;
  const names = `un de ces noms : ${EXPECTED_NAMES}`;
  const closest = suggestDataset(name);
  if (closest === undefined) {
    return {
      message,
      expected: `${names} ; si ce fichier contient des données attendues, renommez-le, ou déclarez-le dans la rubrique « fichiers » de rapport.yaml (ex. fichiers: { maraudes: ${JSON.stringify(name)} })`,
    };
  }
  const expected = DATASET_FILES[closest];
  if (fed.has(closest)) {
    return { message: `${message} ; il ressemble à ${expected}, déjà présent`, expected: `${names} ; un seul fichier par type de données : réunissez leurs lignes dans ${expected}` };
  }
  return {
    message: `${message} ; vouliez-vous dire ${expected} ?`,
    expected:
      `${names} ; renommez le fichier « ${expected} », ou déclarez-le dans rapport.yaml :\n` +
      formatYamlLines(['fichiers', closest], name).map((line) => `      ${line}`).join('\n'),
  };
}

/** A file named in `fichiers` must be in the data folder: said with the closest name there (exit 2). */
function checkConfiguredFiles(files: FileNames, present: readonly string[], dataFolder: string): void {
  for (const id of DATASET_IDS) {
    const name = files[id];
    if (name === undefined || present.some((file) => sameFileName(file, name))) continue;
    const closest = suggestClosest(name, present);
    throw new UsageError(`fichiers.${id} : fichier « ${name} » introuvable dans ${dataFolder}`, {
      hint: closest !== undefined
        ? `vouliez-vous dire « ${closest} » ? Corrigez le nom dans rapport.yaml`
        : `fichiers CSV présents : ${present.length > 0 ? present.join(', ') : 'aucun'} ; corrigez le nom dans rapport.yaml ou ajoutez le fichier`,
    });
  }
}

/** True when `target` (a real path) is not below `project`. */
function isOutside(project: string, target: string): boolean {
  const path = relative(project, target);
  return path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
}

/** Why a symbolic link in the data folder is refused, or undefined when it may be read. */
async function checkLink(path: string, project: string): Promise<string | undefined> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return 'lien symbolique cassé (sa cible n\'existe pas) : le fichier est ignoré ; remplacez le lien par le fichier lui-même';
  }
  if (target === project || isOutside(project, target)) {
    return 'lien symbolique vers un fichier hors du dossier du projet : refusé ; copiez le fichier dans le dossier « donnees » du projet';
  }
  if (!(await stat(target)).isFile()) return 'lien symbolique vers autre chose qu\'un fichier : refusé';
  return undefined;
}

/** A report year no file has a row for would be a report of zeros: stop, naming the years there are. */
function checkYearPresent(year: number, files: readonly FileSummary[]): void {
  const present = [...new Set(files.flatMap((f) => Object.keys(f.years)))].sort();
  if (present.length === 0 || present.includes(String(year))) return;
  throw new DataError(`aucune donnée pour ${year} ; années présentes : ${present.join(', ')}`, {
    hint: `choisissez une de ces années (--annee ou « annee: » dans rapport.yaml), ou ajoutez les fichiers de ${year}`,
  });
}

/**
 * Latest year of the event files (maraudes, trod…). indicateurs.csv only counts when there is no
 * event file: a target written for next year must not turn this year's data into history.
 */
function latestYear(files: readonly FileSummary[]): number | undefined {
  let latest: number | undefined;
  const events = files.filter((f) => f.dataset !== null && f.dataset !== 'indicateurs' && Object.keys(f.years).length > 0);
  for (const summary of events.length > 0 ? events : files) {
    for (const year of Object.keys(summary.years)) {
      const value = Number(year);
      if (latest === undefined || value > latest) latest = value;
    }
  }
  return latest;
}
