// The steps of a report build that do not print: figures from the data, published figures and the
// chosen sections, the render input. `rapport build` chains them with the PDF; the live preview
// (src/preview/) chains them without it and re-runs only those whose inputs changed.
import { formatReportTitle, listMultiAnswerDimensions, type LoadedConfig } from '../config/index.js';
import { readEdito, readLogo, readSections } from '../config/read-project-files.js';
import { applyConfidentiality, counterFigureId, type PublishedFigures } from '../figures/index.js';
import { buildFunderBilans } from '../figures/funder-bilan.js';
import type { IngestCache } from '../ingest/index.js';
import type { RenderInput, ReportFigures, SectionSource } from '../render/types.js';
import { describeAnnex } from './annex-info.js';
import { computeFigures, describeFigureOptions, type ComputedFigures } from './compute-figures.js';
import { checkFamilies, listDefaultSections } from './default-sections.js';
import { funderFileBase } from './funder-files.js';
import { createReportFigures } from './report-figures.js';
import { checkBuiltinCoverage, describeBuiltinData } from './year-coverage.js';

/** Ingestion and figures for the report year, with the config's column mappings, synonyms and labels. */
export function computeReportFigures(config: LoadedConfig, folder: string, year?: number, ingestCache?: IngestCache): Promise<ComputedFigures> {
  return computeFigures({
    ...describeFigureOptions(config, folder, year),
    funders: config,
    ...(ingestCache !== undefined && { ingestCache }),
  });
}

export interface PublishedReportFigures {
  /** Figures with confidentiality applied (what may be printed). */
  published: PublishedFigures;
  /** The same, as the render stage reads them. */
  figures: ReportFigures;
}

/** Confidentiality (the secrecy audit) applied, then the figures arranged for the render stage. */
export function publishReportFigures(config: LoadedConfig, computed: ComputedFigures): PublishedReportFigures {
  const { report, figures: set } = computed;
  const published = applyConfidentiality(set, config.confidentialite.seuil, { multiAnswerDimensions: listMultiAnswerDimensions(config) });
  // Counter columns of maraudes.csv in the file's order (the ingest report keeps the headers in order).
  const counterOrder = report.files.filter((f) => f.dataset === 'maraudes').flatMap((f) => Object.keys(f.counters ?? {}).map(counterFigureId));
  return { published, figures: createReportFigures(set, published, counterOrder) };
}

/**
 * The report's sections, read: those of the config, else the defaults for the datasets present.
 * Sections left out for lack of data are added to `warnings`. Built-in chapters carry what data
 * they were built from, so an error inside one names it (our bug, never the user's).
 */
export async function readReportSections(
  config: LoadedConfig,
  computed: ComputedFigures,
  figures: ReportFigures,
  warnings: string[],
  configFile: string,
): Promise<SectionSource[]> {
  const { report, figures: set } = computed;
  const datasets = new Set(report.files.filter((f) => f.dataset !== null && f.rowsValid > 0 && f.dataset !== 'indicateurs').map((f) => f.dataset as string));
  const familyTitles = new Map(Object.entries(config.libelles.familles));
  const chosen = (config.sections ?? listDefaultSections(datasets, figures, familyTitles, warnings)).map((section) =>
    section.kind === 'famille' && section.titre === undefined ? { ...section, titre: familyTitles.get(section.id) } : section,
  );
  checkFamilies(chosen, figures);
  // A built-in chapter the config lists for a year its data file has no row of: said as such,
  // not as an unknown figure inside our template.
  if (config.sections !== undefined) checkBuiltinCoverage(chosen, figures, report, configFile);
  // `libelles: { maraudes: Tournées de rue }` retitles the built-in chapter of that family too.
  const read = (await readSections(config, chosen)).map((section, index) => {
    const title = chosen[index]?.kind === 'builtin' ? familyTitles.get(section.id) : undefined;
    return title === undefined ? section : { ...section, title };
  });
  // The chiffres clés give each family chapter's headline tiles.
  const familles = read.filter((_, index) => chosen[index]?.kind === 'famille').map((section) => ({ titre: section.title, motif: `${section.id}.*` }));
  return read.map((section, index) => {
    const kind = chosen[index]?.kind;
    const builtin = kind === 'builtin' || kind === 'famille' ? { builtin: describeBuiltinData(kind === 'famille' ? 'famille' : section.id, set.year, report) } : {};
    return section.id === 'chiffres-cles' ? { ...section, ...builtin, variables: { ...section.variables, familles } } : { ...section, ...builtin };
  });
}

/** The project's texts and image outside the sections: read again only when they change. */
export interface ReportExtras {
  logoDataUri?: string;
  edito?: RenderInput['edito'];
}

export async function readReportExtras(config: LoadedConfig): Promise<ReportExtras> {
  // One after the other: when both are wrong, the logo's error is the one shown, as it always was.
  const logoDataUri = await readLogo(config);
  const edito = await readEdito(config);
  return { ...(logoDataUri && { logoDataUri }), ...(edito && { edito }) };
}

/** The short-form `objectifs` table (`{{objectifs}}`), for the layout and for `check`. */
export function listObjectives(config: LoadedConfig): NonNullable<RenderInput['objectives']> {
  return Object.entries(config.objectifs).map(([id, objective]) => ({
    id,
    expected: objective.valeur,
    ...(objective.libelle !== undefined && { label: objective.libelle }),
  }));
}

export interface RenderInputOptions {
  config: LoadedConfig;
  computed: ComputedFigures;
  published: PublishedReportFigures;
  sections: SectionSource[];
  extras: ReportExtras;
  version: string;
  drawChart: RenderInput['drawChart'];
  now?: Date;
  onlySection?: string;
}

/** Everything the render stage needs, from the config, the figures and the sections. */
export function createRenderInput(options: RenderInputOptions): RenderInput {
  const { config, computed, published, extras } = options;
  const year = computed.figures.year;
  const annex = describeAnnex(computed.report, computed.figures, published.published, options.version, options.now);
  // Each funder's bilan, from the same published figures; a staff build of one section makes none.
  const bilans = options.onlySection === undefined ? buildFunderBilans(config.financeurs, published.published, { year, sources: annex.sources }) : [];
  const bilanFiles = bilans.map((bilan) => ({ nom: bilan.nom, pdf: `${funderFileBase(bilan)}.pdf`, csv: `${funderFileBase(bilan)}.csv` }));
  return {
    association: {
      nom: config.association.nom,
      couleur: config.association.couleur,
      ...(config.association.adresse !== undefined && { adresse: config.association.adresse }),
      ...(config.association.site_web !== undefined && { site_web: config.association.site_web }),
      ...(extras.logoDataUri !== undefined && { logoDataUri: extras.logoDataUri }),
    },
    year,
    title: formatReportTitle(config, year),
    ...(extras.edito !== undefined && { edito: extras.edito }),
    sections: options.sections,
    figures: published.figures,
    glossary: config.glossaire,
    partners: config.partenaires.map((p) => (p.role ? `${p.nom} (${p.role})` : p.nom)),
    funders: config.financeurs.map((p) => (p.role ? `${p.nom} (${p.role})` : p.nom)),
    funderBilans: bilans,
    annex: { ...annex, funderBilans: bilanFiles },
    objectives: listObjectives(config),
    drawChart: options.drawChart,
    ...(options.onlySection !== undefined && { onlySection: options.onlySection }),
  };
}
