// `rapport init`: a ready-to-fill project folder. Never overwrites a file: what exists is kept
// and reported, so running it again on a half-filled project only adds what is missing.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { buildExampleCsvs, formatExampleCsv } from './example-rows.js';
import { buildConfigYaml, buildReadme, EDITO_FILE, EDITO_TEXT, EXAMPLE_SECTION_FILE, EXAMPLE_SECTION_TEXT } from './project-template.js';

export interface InitProjectOptions {
  /** Project folder (created when missing). */
  folder: string;
  /** Fill donnees/ with the demo's rows instead of one example row per file. */
  example?: boolean;
  /** Year of the example rows (default: last year, the one an annual report covers). */
  year?: number;
  /** Version written in the schema reference of rapport.yaml. */
  version: string;
  /** The demo's data folder (default: the one shipped in the package). */
  exampleDataFolder?: string;
}

export interface InitProjectResult {
  /** Paths relative to the project folder, in the order written. */
  created: string[];
  /** Files already there, left untouched. */
  kept: string[];
}

/** fixtures/association-demo/donnees, shipped in the package for `--exemple` (see package.json `files`). */
export const DEMO_DATA_FOLDER = fileURLToPath(new URL('../../fixtures/association-demo/donnees', import.meta.url));

interface PlannedFile {
  path: string;
  content: string | Buffer;
}

function listDemoFiles(folder: string): PlannedFile[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  } catch (error) {
    // The package ships these files: their absence is a broken install, not the user's doing.
    throw new UsageError(`les données de démonstration sont introuvables (${folder})`, {
      hint: 'réinstallez rapport-activite (npm install -g rapport-activite), ou lancez init sans --exemple',
      cause: error,
    });
  }
  // Copied byte for byte: the demo's encodings and separators are part of what it shows.
  return names.map((name) => ({ path: join('donnees', name), content: readFileSync(join(folder, name)) }));
}

function planFiles(options: InitProjectOptions): PlannedFile[] {
  const year = options.year ?? new Date().getFullYear() - 1;
  const data = options.example
    ? listDemoFiles(options.exampleDataFolder ?? DEMO_DATA_FOLDER)
    : buildExampleCsvs(year).map((csv) => ({ path: join('donnees', csv.file), content: formatExampleCsv(csv) }));
  return [
    { path: 'rapport.yaml', content: buildConfigYaml(options.version) },
    ...data,
    { path: EDITO_FILE, content: EDITO_TEXT },
    { path: EXAMPLE_SECTION_FILE, content: EXAMPLE_SECTION_TEXT },
    { path: 'LISEZMOI.md', content: buildReadme(basename(options.folder)) },
  ];
}

function ensureFolder(path: string, shown: string): void {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info !== undefined && !info.isDirectory()) {
    throw new UsageError(`« ${shown} » existe déjà et n'est pas un dossier`, { hint: 'choisissez un autre nom de dossier pour le projet' });
  }
  mkdirSync(path, { recursive: true });
}

/** Writes the project files that do not exist yet; returns what was created and what was kept. */
export function initProject(options: InitProjectOptions): InitProjectResult {
  const result: InitProjectResult = { created: [], kept: [] };
  const files = planFiles(options);
  try {
    ensureFolder(options.folder, options.folder);
    for (const file of files) {
      const target = join(options.folder, file.path);
      ensureFolder(dirname(target), dirname(file.path));
      try {
        // 'wx': create only. Checking first and writing after would race with an editor saving.
        writeFileSync(target, file.content, { flag: 'wx' });
        result.created.push(file.path);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST') throw describeFsError(error, target, 'projet');
        result.kept.push(file.path);
      }
    }
  } catch (error) {
    throw describeFsError(error, options.folder, 'projet');
  }
  return result;
}
