import type { ChartSpec, RenderedChart } from '../charts/types.js';
import type { FunderBilan } from '../figures/funder-bilan-types.js';
import type { MaskReason } from '../shared/secrecy-marks.js';

/**
 * One published value: `valeur` is null when hidden by statistical secrecy, and `masque` says
 * why (printed « < 3 » for `seuil`, « s » otherwise, by figure-text.ts formatValue).
 */
export interface PublishedValue {
  indicateur: string;
  annee: number;
  dimension: string;
  modalite: string;
  /** Printed label of the modalite (`Négatif`, `janvier 2025`); defaults to the modalite. */
  label?: string;
  valeur: number | null;
  masque?: MaskReason;
  unite: string;
  libelle: string;
}

/**
 * What the render stage needs of the figures: published (confidentiality applied) values,
 * never raw rows. Implemented by the pipeline over the figures stage's FigureSet.
 */
export interface ReportFigures {
  readonly year: number;
  readonly threshold: number;
  /** A total (no dimension) or a breakdown cell. */
  get(id: string, year: number, dimension?: string, modalite?: string): PublishedValue | undefined;
  /** Cells of a breakdown for a year, in a stable order (month order, else by decreasing value). */
  breakdown(id: string, dimension: string, year: number): PublishedValue[];
  /** Every figure id present (for suggestions and validation). */
  ids(): string[];
  /** Dimensions available for an id (any year). */
  dimensions(id: string): string[];
  /** Parent of each modalite of a breakdown (aid nature → categorie), for typologies. */
  parents(id: string, dimension: string): ReadonlyMap<string, string> | undefined;
  /**
   * Published subtotal of a typology group (the parent's own cell when it equals the sum of its
   * children); hidden (« s », never « < 3 ») when it would reveal a hidden cell.
   */
  subtotal(id: string, dimension: string, year: number, parent: string): PublishedValue | undefined;

  /**
   * Ids in the order the data gives them (maraudes counters in the file's column order), for
   * ordering tiles and tables; ids not listed follow in `ids()` order.
   */
  sourceOrder?(): readonly string[];
}

/** A block of a section left out (no data for the year): the build goes on and says so. */
export interface RenderWarning {
  /** Section file as shown in messages. */
  file: string;
  /** Line in that file, 1-based. */
  line: number;
  /** French sentence, without the place. */
  message: string;
}

export interface SectionSource {
  id: string;
  title: string;
  /** Path shown in error messages (relative to the project or `templates/sections/…`). */
  file: string;
  /** Markdown body (front matter removed). */
  body: string;
  /** Line of the body's first line in the file, for error messages. */
  bodyLine: number;
  /**
   * Extra variables of the section's template: `{{famille}}` in a family chapter, the list
   * `familles` ({ titre, motif }) in the chiffres clés.
   */
  variables?: Readonly<Record<string, string | readonly Readonly<Record<string, string>>[]>>;
  /**
   * Built-in chapters only (templates/sections/): the year and data files it was built from, in
   * French. An error inside it is ours, never the user's: it is said with this, not as their mistake.
   */
  builtin?: string;
}

export interface AssociationInfo {
  nom: string;
  couleur: string;
  adresse?: string;
  site_web?: string;
  /** Logo as a data: URI (read by the config stage). */
  logoDataUri?: string;
}

export interface AnnexInfo {
  sources: { file: string; rows: number; period: string; refused: boolean }[];
  checks: { severity: string; message: string; place: string }[];
  /** Hidden cells of year N, with why (their value is never given). */
  suppressed: { label: string; year: number; reason: MaskReason }[];
  threshold: number;
  /** Funders' bilans produced with this report (paths inside the output folder). */
  funderBilans?: { nom: string; pdf: string; csv: string }[];
  /** Shown only when given (`rapport build --horodater`): without it the document is the same bytes at every rebuild. */
  generatedAt?: Date;
  version: string;
}

export interface RenderInput {
  association: AssociationInfo;
  year: number;
  title: string;
  edito?: { body: string; signature?: string; file: string; bodyLine: number };
  sections: SectionSource[];
  figures: ReportFigures;
  glossary: Record<string, string>;
  partners: string[];
  funders: string[];
  /** Funders with indicators: each one's table on the funders page (issue 10). */
  funderBilans?: readonly FunderBilan[];
  annex: AnnexInfo;
  /** Funders' expected values (config `objectifs`), for the `{{objectifs}}` table. */
  objectives?: { id: string; expected: number; label?: string }[];
  /** Draws (or fetches from cache) a chart; injected so render stays testable. */
  drawChart: (spec: ChartSpec) => Promise<RenderedChart>;
  /** Only this section, with a header line instead of cover and sommaire (staff workflow). */
  onlySection?: string;
}

export interface RenderedReport {
  /** The document with sommaire page numbers still blank. */
  html: string;
  /** Element ids of the sommaire entries, in order. */
  anchors: string[];
  /** Fills the sommaire page numbers (pages from the PDF stage) and returns the whole HTML. */
  fill: (pages: Map<string, number>) => string;
  /** Titles printed in the sommaire, by anchor. */
  entries: { id: string; title: string }[];
  /** Blocks left out for lack of data, in section order. */
  warnings: RenderWarning[];
}
