// Reads the project files the config points to (sections, édito, logo) and the default sections
// shipped in templates/. Paths were already checked by loadConfig (inside the project folder).
import { readFile } from 'node:fs/promises';
import { basename, extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitFrontMatter } from './front-matter.js';
import type { SectionSource } from '../render/types.js';
import { describeFamily } from '../shared/describe-id.js';
import { UsageError } from '../shared/errors.js';
import type { LoadedConfig, ResolvedSection } from './types.js';

const TEMPLATES = new URL('../../templates/sections/', import.meta.url);

async function readText(path: string, key: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${key} : impossible de lire « ${path} »`, { cause: error, hint: 'vérifiez le chemin dans rapport.yaml' });
  }
}

async function readSection(path: string, shownAs: string, givenId: string | undefined): Promise<SectionSource> {
  const source = await readText(path, `section ${shownAs}`);
  let parsed: ReturnType<typeof splitFrontMatter>;
  try {
    parsed = splitFrontMatter(source);
  } catch (error) {
    throw new UsageError(`${shownAs} : en-tête YAML (front matter) illisible — ${error instanceof Error ? error.message : String(error)}`);
  }
  const id = givenId ?? (typeof parsed.data.id === 'string' ? parsed.data.id : basename(path, extname(path)));
  const title = typeof parsed.data.titre === 'string' ? parsed.data.titre : id;
  return { id, title, file: shownAs, body: parsed.body, bodyLine: parsed.bodyLine };
}

/** A default section shipped with the tool (`maraudes`, `trod`…). */
export async function readBuiltinSection(id: string): Promise<SectionSource> {
  const url = new URL(`${id}.md`, TEMPLATES);
  return readSection(fileURLToPath(url), `templates/sections/${id}.md`, id);
}

/**
 * The default chapter of a figure family (`sante.*` of indicateurs.csv): one shared template,
 * told its family through the `famille` variable.
 */
async function readFamilySection(id: string, title: string | undefined): Promise<SectionSource> {
  const section = await readBuiltinSection('famille');
  return { ...section, id, title: title ?? describeFamily(id), variables: { famille: `${id}.*` } };
}

export async function readSections(config: LoadedConfig, sections: readonly ResolvedSection[]): Promise<SectionSource[]> {
  const result: SectionSource[] = [];
  for (const section of sections) {
    if (section.kind === 'builtin') result.push(await readBuiltinSection(section.id));
    else if (section.kind === 'famille') result.push(await readFamilySection(section.id, section.titre));
    else result.push(await readSection(section.fichier, relative(config.folder, section.fichier), section.id));
  }
  const seen = new Map<string, string>();
  for (const section of result) {
    const previous = seen.get(section.id);
    if (previous !== undefined) {
      throw new UsageError(`sections : deux sections ont l'identifiant « ${section.id} » (${previous} et ${section.file})`, {
        hint: 'donnez un « id » différent dans le front matter de l\'une des deux',
      });
    }
    seen.set(section.id, section.file);
  }
  return result;
}

export async function readEdito(config: LoadedConfig): Promise<{ body: string; signature?: string; file: string; bodyLine: number } | undefined> {
  if (!config.edito) return undefined;
  const shownAs = relative(config.folder, config.edito.fichier);
  const { body, bodyLine } = splitFrontMatter(await readText(config.edito.fichier, 'edito'));
  return { body, file: shownAs, bodyLine, ...(config.edito.signature !== undefined && { signature: config.edito.signature }) };
}

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

/** The logo as a data: URI, so the HTML stays self-contained and the PDF loads nothing. */
export async function readLogo(config: LoadedConfig): Promise<string | undefined> {
  const path = config.association.logo;
  if (!path) return undefined;
  const type = LOGO_TYPES[extname(path).toLowerCase()];
  if (!type) throw new UsageError(`association.logo : format non pris en charge « ${extname(path)} »`, { hint: 'utilisez un fichier PNG, JPG ou SVG' });
  try {
    return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
  } catch (error) {
    throw new UsageError(`association.logo : impossible de lire « ${path} »`, { cause: error });
  }
}
