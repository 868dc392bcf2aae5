// Types of the charts stage: what the render stage asks for (`ChartSpec`) and what it gets back
// (`RenderedChart`). Specs are plain JSON-able data so that they can be hashed for the cache.

/**
 * A number, or a cell hidden by statistical secrecy: its printed mark (« < 3 » for a small
 * count, « s » for a complementary cell), or `null` when the mark is unknown ("< 3" with
 * `suppressedBelow`). Nothing is drawn for a hidden cell, never a 0.
 */
export type ChartValue = number | string | null;

/** True for a hidden cell (a mark or null). */
export function isHidden(value: ChartValue | undefined): value is string | null {
  return typeof value !== 'number';
}

/** How values are printed on labels, axes and in the alt text. */
export type ChartValueFormat = 'integer' | 'number' | 'euros' | 'percent';

export interface ChartSeries {
  /** Legend name, printed as given (inclusive spellings are the association's choice). */
  readonly name: string;
  /** One value per label, in the order of the spec's labels. */
  readonly values: readonly ChartValue[];
}

interface ChartSpecBase {
  /** French title. Not drawn in the SVG by default: the page prints it as real, searchable text. */
  readonly title: string;
  /** Default `integer`. */
  readonly format?: ChartValueFormat;
  /**
   * Confidentiality threshold used to suppress the `null` cells: the alt text and the chart
   * say "< 3" for them. Without it they are described as "donnée masquée".
   */
  readonly suppressedBelow?: number;
}

/**
 * Bars, one group per label, one bar per series (side by side). Laid out horizontally instead
 * when a label cannot fit under its bar on three lines (many or long categories).
 */
export interface VerticalBarChartSpec extends ChartSpecBase {
  readonly type: 'bar-vertical';
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** Same as vertical bars, laid out horizontally: the choice for long labels (sites, nationalities). */
export interface HorizontalBarChartSpec extends ChartSpecBase {
  readonly type: 'bar-horizontal';
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** One bar per label, the series stacked in it (e.g. results per test type); same fallback as vertical bars. */
export interface StackedBarChartSpec extends ChartSpecBase {
  readonly type: 'bar-stacked';
  /** Default `vertical`. */
  readonly orientation?: 'vertical' | 'horizontal';
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** Twelve months of year N as a solid line, year N−1 (if given) as a dashed lighter one. */
export interface MonthlyLineChartSpec extends ChartSpecBase {
  readonly type: 'line-monthly';
  readonly year: number;
  /** Exactly 12 values, January first. */
  readonly values: readonly ChartValue[];
  /** Exactly 12 values of year − 1, January first. */
  readonly previousValues?: readonly ChartValue[];
}

/** Shares of a whole; the legend prints each count and its share ("Femme 381 (50,3 %)"). */
export interface DoughnutChartSpec extends ChartSpecBase {
  readonly type: 'doughnut';
  readonly labels: readonly string[];
  readonly values: readonly ChartValue[];
  /**
   * The whole the shares are computed on. Give it when cells are suppressed (the sum of the
   * visible values is then smaller than the real total); default: sum of the visible values.
   */
  readonly total?: number;
}

/**
 * Population pyramid: one row per band, `left` drawn leftwards and `right` rightwards from a
 * common axis at 0 (axis and labels show absolute values). Bands are listed youngest first and
 * drawn youngest at the bottom, as in demography.
 */
export interface PyramidChartSpec extends ChartSpecBase {
  readonly type: 'pyramid';
  readonly bands: readonly string[];
  readonly left: ChartSeries;
  readonly right: ChartSeries;
}

export type ChartSpec =
  | VerticalBarChartSpec
  | HorizontalBarChartSpec
  | StackedBarChartSpec
  | MonthlyLineChartSpec
  | DoughnutChartSpec
  | PyramidChartSpec;

export type ChartType = ChartSpec['type'];

export interface RenderChartOptions {
  /** Association colour, `#rrggbb` or `#rgb`: the palette is derived from it. */
  readonly color: string;
  /** Folder of the on-disk cache (e.g. `<dossier>/sortie/.cache/graphiques`); no cache without it. */
  readonly cacheDir?: string;
  /** Draw the title inside the chart too (default false: the HTML caption carries it). */
  readonly showTitle?: boolean;
}

export interface RenderedChart {
  /**
   * Standalone `<svg>` element, ready to inline in HTML: no XML prolog, ids prefixed so that
   * several charts can share a page, `role="img"` and `aria-label` set to `alt`.
   */
  readonly svg: string;
  readonly alt: string;
  readonly title: string;
  /** Intrinsic size in CSS pixels (96 per inch): `width` is 16 cm. */
  readonly width: number;
  readonly height: number;
  /** True when the SVG came from the disk cache (chart.js was not called). */
  readonly fromCache: boolean;
}
