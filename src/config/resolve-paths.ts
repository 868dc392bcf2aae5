// Files named by the config (logo, édito, sections) must exist and stay inside the project
// folder: the report is built from that folder alone, and a config copied from elsewhere must
// not make the tool read `../../secret.md` or follow a symlink out of it into a public PDF.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { DATASET_IDS } from '../ingest/contract.js';
import { sameFileName } from '../ingest/file-names.js';
import { findDataFolder } from '../ingest/ingest-folder.js';
import { suggestClosest } from '../shared/suggest.js';
import { type ConfigProblem, formatKeyPath } from './config-error.js';
import type { ParsedConfig } from './schema.js';
import type { LoadedConfig, ResolvedSection } from './types.js';
import type { YamlSource } from './yaml-source.js';

interface PathContext {
  /** Project folder, absolute as given. */
  folder: string;
  /** The same, symlinks resolved. */
  realFolder: string;
  /** Folder of the config file: relative paths start there. */
  baseDir: string;
  source: YamlSource;
  problems: ConfigProblem[];
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/** The absolute path of a referenced file, or undefined after recording why it is refused. */
async function checkFile(raw: string, path: readonly PropertyKey[], context: PathContext): Promise<string | undefined> {
  const fail = (message: string) => {
    context.problems.push({ file: context.source.file, ...context.source.locate(path), key: formatKeyPath(path), message });
    return undefined;
  };
  const absolute = resolve(context.baseDir, raw);
  if (!isInside(context.folder, absolute) && !isInside(context.realFolder, absolute)) {
    return fail(
      `le chemin « ${raw} » sort du dossier du projet ; placez le fichier dans le dossier du projet ` +
        '(ou un sous-dossier) et indiquez son chemin relatif au fichier de configuration',
    );
  }
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    return fail(`fichier introuvable « ${raw} » (cherché à l'emplacement ${absolute})`);
  }
  if (!isInside(context.realFolder, real)) {
    return fail(`« ${raw} » est un lien qui mène hors du dossier du projet (${real}) ; copiez le fichier dans le dossier du projet`);
  }
  if (!(await stat(real)).isFile()) return fail(`« ${raw} » n'est pas un fichier`);
  return absolute;
}

async function resolveSections(
  sections: NonNullable<ParsedConfig['sections']>,
  context: PathContext,
): Promise<ResolvedSection[]> {
  const resolved: ResolvedSection[] = [];
  const seenFiles = new Map<string, number>();
  const seenIds = new Map<string, number>();
  for (const [index, entry] of sections.entries()) {
    const duplicate = (what: string, first: number) =>
      context.problems.push({
        file: context.source.file,
        ...context.source.locate(['sections', index]),
        key: formatKeyPath(['sections', index]),
        message: `${what} déjà listé en ${formatKeyPath(['sections', first])}`,
      });
    if (entry.id !== undefined) {
      const first = seenIds.get(entry.id);
      if (first !== undefined) duplicate(`identifiant « ${entry.id} »`, first);
      seenIds.set(entry.id, index);
    }
    if (entry.kind === 'builtin' || entry.kind === 'famille') {
      resolved.push(entry);
      continue;
    }
    const fichier = await checkFile(entry.fichier, ['sections', index], context);
    if (fichier === undefined) continue;
    const first = seenFiles.get(fichier);
    if (first !== undefined) duplicate(`fichier « ${entry.fichier} »`, first);
    seenFiles.set(fichier, index);
    resolved.push({ kind: 'file', fichier, id: entry.id });
  }
  return resolved;
}

/** Funders' sections resolved like the report's; each indicator gets its line, for the figure checks. */
async function resolveFunders(funders: ParsedConfig['financeurs'], context: PathContext): Promise<LoadedConfig['financeurs']> {
  const resolved: LoadedConfig['financeurs'] = [];
  for (const [index, funder] of funders.entries()) {
    const sections: string[] = [];
    for (const [position, raw] of funder.sections.entries()) {
      const before = context.problems.length;
      const file = await checkFile(raw, ['financeurs', index, 'sections', position], context);
      for (const problem of context.problems.slice(before)) problem.message = `financeur « ${funder.id ?? funder.nom} » : ${problem.message}`;
      if (file !== undefined) sections.push(file);
    }
    const indicateurs = funder.indicateurs.map((indicator, position) => {
      const line = context.source.locate(['financeurs', index, 'indicateurs', position])?.line;
      return line === undefined ? indicator : { ...indicator, ligne: line };
    });
    resolved.push({ ...funder, indicateurs, sections });
  }
  return resolved;
}

/** Every file named in `fichiers` must be a CSV of the data folder (`donnees/`, else the project folder). */
async function checkDataFiles(files: ParsedConfig['fichiers'], context: PathContext): Promise<void> {
  const named = DATASET_IDS.filter((id) => files[id] !== undefined);
  if (named.length === 0) return;
  const dataFolder = await findDataFolder(context.folder);
  const shownFolder = relative(context.folder, dataFolder) || 'le dossier du projet';
  const present = (await readdir(dataFolder)).filter((name) => extname(name).toLowerCase() === '.csv');
  for (const id of named) {
    const name = files[id] as string;
    if (present.some((file) => sameFileName(file, name))) continue;
    const closest = suggestClosest(name, present);
    context.problems.push({
      file: context.source.file,
      ...context.source.locate(['fichiers', id]),
      key: formatKeyPath(['fichiers', id]),
      message:
        `fichier « ${name} » introuvable dans ${shownFolder === 'le dossier du projet' ? shownFolder : `« ${shownFolder} »`}` +
        (closest !== undefined
          ? ` ; vouliez-vous dire « ${closest} » ?`
          : ` ; fichiers CSV présents : ${present.length > 0 ? present.map((file) => `« ${file} »`).join(', ') : 'aucun'}`),
    });
  }
}

/** Checks and resolves every path of the parsed config; problems are appended to `context.problems`. */
export async function resolveConfigPaths(
  parsed: ParsedConfig,
  context: PathContext,
): Promise<Pick<LoadedConfig, 'association' | 'edito' | 'sections' | 'financeurs'>> {
  const logo = parsed.association.logo === undefined ? undefined : await checkFile(parsed.association.logo, ['association', 'logo'], context);
  const editoFile = parsed.edito === undefined ? undefined : await checkFile(parsed.edito.fichier, ['edito'], context);
  await checkDataFiles(parsed.fichiers, context);
  return {
    association: { ...parsed.association, logo },
    edito: parsed.edito === undefined || editoFile === undefined ? undefined : { fichier: editoFile, signature: parsed.edito.signature },
    sections: parsed.sections === undefined ? undefined : await resolveSections(parsed.sections, context),
    financeurs: await resolveFunders(parsed.financeurs, context),
  };
}
