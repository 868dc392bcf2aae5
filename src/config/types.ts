// What the config stage hands to the rest of the pipeline. Keys mirror rapport.yaml (French),
// with defaults applied, shorthands expanded and every file path absolute and checked.
import type { ParsedConfig } from './schema.js';

export type { BuiltinSectionId, ConfigFileInput, ParsedConfig, SectionEntry } from './schema.js';

/** A chapter: one of the association's Markdown files, or a section shipped in `templates/`. */
export type ResolvedSection =
  | {
      kind: 'file';
      /** Absolute path, inside the project folder. */
      fichier: string;
      /** Id given in the config; otherwise the render stage reads the front matter, then the file name. */
      id: string | undefined;
    }
  | { kind: 'builtin'; id: import('./schema.js').BuiltinSectionId }
  /** Default chapter of a figure family of indicateurs.csv (`sante.*`), from templates/sections/famille.md. */
  | { kind: 'famille'; id: string; titre: string | undefined };

/** A multi-answer breakdown: its parts may sum to more than its total. `indicateur` null = every figure. */
export type MultiAnswerDimension = ParsedConfig['reponses_multiples'][number];

/** An expected value for a figure, for the funders' "attendus / obtenus" tables. */
export type Objective = ParsedConfig['objectifs'][string];

/** A partner. */
export type Organisation = ParsedConfig['partenaires'][number];

/** One indicator of a funder's convention; `ligne`: its line in rapport.yaml, for messages. */
export type FunderIndicatorConfig = ParsedConfig['financeurs'][number]['indicateurs'][number] & { ligne?: number };

/** A funder; `sections` are absolute paths once loaded (checked like the report's sections). */
export type FunderConfig = Omit<ParsedConfig['financeurs'][number], 'indicateurs'> & { indicateurs: FunderIndicatorConfig[] };

/**
 * Config `libelles`, split: `chiffres` (figure id → label, applied to every figure of that id) and
 * `familles` (family prefix → title of its default chapter). `lignes`: line of each key in rapport.yaml.
 */
export type ConfiguredLabels = ParsedConfig['libelles'] & { lignes: Readonly<Record<string, number>> };

export interface LoadedConfig extends Omit<ParsedConfig, '$schema' | 'association' | 'edito' | 'sections' | 'libelles' | 'financeurs'> {
  /** Absolute path of the config file read, or null when the folder has none (all defaults). */
  source: string | null;
  /** Absolute project folder (as given, not symlink-resolved). */
  folder: string;
  association: ParsedConfig['association'] & {
    /** Absolute path of the logo, checked to exist inside the project folder. */
    logo: string | undefined;
  };
  edito: { fichier: string; signature: string | undefined } | undefined;
  /** Chapters in order; undefined means "the default sections for the datasets present". */
  sections: ResolvedSection[] | undefined;
  libelles: ConfiguredLabels;
  financeurs: FunderConfig[];
}
