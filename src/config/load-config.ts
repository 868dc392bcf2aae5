// Entry of the config stage: finds and validates `<dossier>/rapport.yaml` (or `.yml`), applies
// defaults, resolves paths. A folder without config gets the defaults. Every problem is a
// ConfigError (exit 2) naming file, line and key.
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../shared/errors.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { describeIssues, createFrenchErrorMap } from './describe-issues.js';
import { resolveConfigPaths } from './resolve-paths.js';
import { configSchema } from './schema.js';
import type { LoadedConfig } from './types.js';
import { parseYamlSource } from './yaml-source.js';

export const CONFIG_FILE_NAMES = ['rapport.yaml', 'rapport.yml'] as const;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The config file of a folder, or null; both spellings at once is ambiguous, hence an error. */
async function findConfigFile(folder: string, shownFolder: string): Promise<string | null> {
  const present: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if (await isFile(join(folder, name))) present.push(name);
  if (present.length > 1) {
    throw new UsageError(`le dossier « ${shownFolder} » contient à la fois ${present.join(' et ')}`, {
      hint: 'gardez un seul fichier de configuration et supprimez l\'autre',
    });
  }
  return present[0] === undefined ? null : join(folder, present[0]);
}

async function readConfigText(path: string, shown: string): Promise<string> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`impossible de lire le fichier de configuration « ${shown} »`, {
      hint: 'vérifiez que le fichier est lisible (droits d\'accès)',
      cause: error,
    });
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    // Notepad and old Office save Windows-1252: accents would turn into garbage in the PDF.
    throw new ConfigError([
      {
        file: shown,
        line: text.slice(0, bad).split('\n').length,
        key: '',
        message: "le fichier n'est pas encodé en UTF-8 (caractère illisible) ; enregistrez-le en UTF-8",
      },
    ]);
  }
  return text;
}

export async function loadConfig(folder: string): Promise<LoadedConfig> {
  const absolute = resolve(folder);
  let realFolder: string;
  try {
    realFolder = await realpath(absolute);
    if (!(await stat(realFolder)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new UsageError(`le dossier « ${folder} » n'existe pas ou n'est pas un dossier`, {
      hint: 'indiquez le dossier du projet, qui contient les fichiers CSV et éventuellement rapport.yaml',
    });
  }
  const path = await findConfigFile(absolute, folder);
  const shown = path === null ? '' : join(folder, basename(path));
  const source = path === null ? null : parseYamlSource(shown, await readConfigText(path, shown));
  const data = source === null || source.data === null ? {} : source.data;

  const knownKeys = new WeakMap<object, readonly string[]>();
  const result = configSchema.safeParse(data, { error: createFrenchErrorMap(knownKeys), reportInput: true });
  if (!result.success) {
    // Only reachable with a source: the empty object always validates.
    const problems = source === null ? [] : describeIssues(result.error.issues, source, knownKeys);
    throw new ConfigError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  const { $schema: _editorOnly, ...rest } = result.data;
  const lignes: Record<string, number> = {};
  for (const key of [...Object.keys(rest.libelles.chiffres), ...Object.keys(rest.libelles.familles)]) {
    const line = source?.locate(['libelles', key])?.line;
    if (line !== undefined) lignes[key] = line;
  }
  const parsed = { ...rest, libelles: { ...rest.libelles, lignes } };
  if (source === null || path === null) {
    return { ...parsed, source: null, folder: absolute, association: { ...parsed.association, logo: undefined }, edito: undefined, sections: undefined };
  }
  const problems: ConfigProblem[] = [];
  const resolved = await resolveConfigPaths(result.data, { folder: absolute, realFolder, baseDir: dirname(path), source, problems });
  if (problems.length > 0) throw new ConfigError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { ...parsed, ...resolved, source: path, folder: absolute };
}
