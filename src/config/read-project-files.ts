// Reads the project files the config points to (sections, édito, logo) and the default sections
// shipped in templates/. Paths were already checked by loadConfig (inside the project folder).
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitFrontMatter } from './front-matter.js';
import type { SectionSource } from '../render/types.js';
import { describeFamily } from '../shared/describe-id.js';
import { UsageError } from '../shared/errors.js';
import { SECTION_ID, SECTION_ID_EXPECTED } from '../shared/section-id.js';
import { stripAccents } from '../shared/normalize.js';
import { ConfigError } from './config-error.js';
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
  const parsed = splitFrontMatter(source, shownAs);
  const frontId = parsed.data.id;
  if (givenId === undefined && frontId !== undefined && (typeof frontId !== 'string' || !SECTION_ID.test(frontId))) {
    // The id names the output file of `build --section`: never a path (`../../evil`).
    throw new ConfigError([
      { file: shownAs, line: 1 + (findKeyLine(source, 'id') ?? 1), key: 'id', message: `identifiant de section invalide « ${String(frontId)} » : ${SECTION_ID_EXPECTED}` },
    ]);
  }
  const id = givenId ?? (typeof frontId === 'string' ? frontId : idOfFileName(basename(path, extname(path))));
  const title = typeof parsed.data.titre === 'string' ? parsed.data.titre : id;
  return { id, title, file: shownAs, body: parsed.body, bodyLine: parsed.bodyLine };
}

/** `Présentation générale` → `presentation-generale`: a file name made a valid id for `--section`. */
function idOfFileName(name: string): string {
  const id = stripAccents(name.toLowerCase())
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64);
  return SECTION_ID.test(id) ? id : 'section';
}

/** Line (within the front matter, 1-based) of a top-level key. */
function findKeyLine(source: string, key: string): number | undefined {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? undefined : index + 1;
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
  const { body, bodyLine } = splitFrontMatter(await readText(config.edito.fichier, 'edito'), shownAs);
  return { body, file: shownAs, bodyLine, ...(config.edito.signature !== undefined && { signature: config.edito.signature }) };
}

/** Documented in docs/configuration.md: a logo is a small image, not a photo album. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/** The image type of `bytes` by its content (the extension may lie), or undefined. */
function detectImageType(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  // SVG: the root element, after an optional BOM, XML declaration, comments and doctype.
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  const prolog = /^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i.exec(head)?.[0] ?? '';
  return /^<svg[\s>]/i.test(head.slice(prolog.length)) ? 'image/svg+xml' : undefined;
}

/** The logo as a data: URI, so the HTML stays self-contained and the PDF loads nothing. */
export async function readLogo(config: LoadedConfig): Promise<string | undefined> {
  const path = config.association.logo;
  if (!path) return undefined;
  const shown = relative(config.folder, path);
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_LOGO_BYTES) {
      throw new UsageError(`association.logo : le fichier « ${shown} » dépasse 5 Mo`, { hint: 'utilisez une image plus légère (un logo PNG ou SVG pèse en général moins de 500 Ko)' });
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`association.logo : impossible de lire « ${shown} »`, { cause: error });
  }
  const type = detectImageType(bytes);
  if (type === undefined) {
    throw new UsageError(`association.logo : « ${shown} » n'est pas une image PNG, JPEG ou SVG (contenu du fichier)`, {
      hint: 'exportez le logo en PNG, JPEG ou SVG depuis votre logiciel de dessin ; renommer un fichier ne change pas son format',
    });
  }
  return `data:${type};base64,${bytes.toString('base64')}`;
}
