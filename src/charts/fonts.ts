// The document font (Source Sans 3, shipped by an npm dependency) for charts and pages alike:
// charts must never fall back to whatever font the machine happens to have.
import { createRequire } from 'node:module';
import { RenderError } from '../shared/errors.js';

export const FONT_FAMILY = 'Source Sans 3';
/**
 * Family as written in a CSS font shorthand. The quotes matter: unquoted, the trailing "3"
 * makes the shorthand invalid and canvas silently keeps its default (system) font.
 */
export const CSS_FONT_FAMILY = `"${FONT_FAMILY}"`;

export interface FontFile {
  readonly family: string;
  readonly weight: 400 | 600 | 700;
  readonly style: 'normal';
  /** Absolute path of the TTF file. */
  readonly path: string;
  readonly format: 'truetype';
}

const WEIGHTS = [
  { weight: 400, file: '400Regular/SourceSans3_400Regular.ttf' },
  { weight: 600, file: '600SemiBold/SourceSans3_600SemiBold.ttf' },
  { weight: 700, file: '700Bold/SourceSans3_700Bold.ttf' },
] as const;

let resolved: FontFile[] | undefined;
let registered = false;

/**
 * The TTF files of the document font, resolved through Node's module resolution so that it
 * works from `src/`, `dist/` and an installed package. The render stage embeds the same files
 * with @font-face so that text and charts share one font.
 */
export function fontFiles(): readonly FontFile[] {
  if (resolved !== undefined) return resolved;
  const require = createRequire(import.meta.url);
  resolved = WEIGHTS.map(({ weight, file }) => {
    const request = `@expo-google-fonts/source-sans-3/${file}`;
    let path: string;
    try {
      path = require.resolve(request);
    } catch (error) {
      throw new RenderError(`Police du document introuvable : ${request}.`, {
        hint: 'Réinstallez les dépendances du projet (npm install).',
        cause: error,
      });
    }
    return { family: FONT_FAMILY, weight, style: 'normal', path, format: 'truetype' } as const;
  });
  return resolved;
}

/**
 * Registers the document font with canvas once per process (before any chart is drawn).
 * canvas keeps one family name per font face: registering these TTF files again under another
 * name elsewhere in the process would take them away from the charts. canvas is loaded here,
 * lazily, so that `fontFiles()` and cache hits do not load the native module.
 */
export async function registerChartFonts(): Promise<void> {
  if (registered) return;
  const { registerFont } = await import('canvas');
  for (const font of fontFiles()) {
    registerFont(font.path, { family: FONT_FAMILY, weight: String(font.weight), style: font.style });
  }
  registered = true;
}
