// Per-funder bilans in the build (issue 10): which funders get one, their documents rendered to
// HTML, then printed by the build's one browser; written by the build with the rest of its outputs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { LoadedConfig } from '../config/index.js';
import { readSections } from '../config/read-project-files.js';
import type { FunderBilan } from '../figures/funder-bilan-types.js';
import { formatFunderCsv } from '../figures/funder-csv.js';
import { renderPdf } from '../pdf/index.js';
import { renderFunderBilan, type RenderedFunderBilan } from '../render/render-funder-bilan.js';
import type { AssociationInfo, RenderInput } from '../render/types.js';
import { UsageError } from '../shared/errors.js';
import type { OutputFile } from './write-outputs.js';
import { suggestClosest } from '../shared/suggest.js';
import { FUNDERS_FOLDER, funderFileBase, listFunderSectionFiles } from './funder-files.js';

export { FUNDERS_FOLDER, funderFileBase };

/** Ids of the funders that get a bilan: an id and at least one indicator. */
export function listFunderIds(config: Pick<LoadedConfig, 'financeurs'>): string[] {
  return config.financeurs.flatMap((funder) => (funder.id !== undefined && funder.indicateurs.length > 0 ? [funder.id] : []));
}

/** `--financeur <id>`: an id with a bilan, else a usage error listing those there are. */
export function checkFunderOption(config: Pick<LoadedConfig, 'financeurs'>, id: string): void {
  const known = listFunderIds(config);
  if (known.includes(id)) return;
  const closest = suggestClosest(id, known);
  const listed = known.length === 0 ? "aucun financeur de rapport.yaml n'a d'indicateurs (voir docs/financeurs.md)" : `financeurs avec un bilan : ${known.join(', ')}`;
  throw new UsageError(`--financeur : financeur « ${id} » inconnu${closest === undefined ? '' : ` ; vouliez-vous dire « ${closest} » ?`}`, { hint: listed });
}

export interface FunderDocument {
  bilan: FunderBilan;
  rendered: RenderedFunderBilan;
  csv: string;
}

export interface RenderFunderDocumentsOptions {
  config: LoadedConfig;
  bilans: readonly FunderBilan[];
  association: AssociationInfo;
  figures: RenderInput['figures'];
  drawChart: RenderInput['drawChart'];
  version: string;
}

/** Each bilan as HTML (its sections read from the project) and as CSV; nothing printed yet. */
export async function renderFunderDocuments(options: RenderFunderDocumentsOptions): Promise<FunderDocument[]> {
  const documents: FunderDocument[] = [];
  for (const bilan of options.bilans) {
    const sections = await readSections(options.config, listFunderSectionFiles(options.config.folder, bilan.sections));
    const rendered = await renderFunderBilan({
      association: options.association,
      bilan,
      sections,
      figures: options.figures,
      drawChart: options.drawChart,
      version: options.version,
    });
    documents.push({ bilan, rendered, csv: formatFunderCsv(bilan) });
  }
  return documents;
}

export interface PrintedFunderBilan {
  pdf: Uint8Array;
  pageCount: number;
}

/** Prints every bilan with the build's browser (never a launch of its own), one after the other. */
export async function printFunderDocuments(
  browser: Browser,
  documents: readonly FunderDocument[],
  options: { author: string; version: string; creationDate: Date },
): Promise<PrintedFunderBilan[]> {
  const printed: PrintedFunderBilan[] = [];
  for (const { bilan, rendered } of documents) {
    const result = await renderPdf({
      browser,
      html: rendered.html,
      metadata: {
        title: rendered.title,
        author: options.author,
        subject: `Bilan ${bilan.year} des indicateurs de ${bilan.nom}${bilan.convention ? ` (convention ${bilan.convention})` : ''}`,
        keywords: ['bilan', bilan.nom, String(bilan.year), ...(bilan.convention ? [bilan.convention] : [])],
        language: 'fr',
        creator: `rapport ${options.version}`,
        creationDate: options.creationDate,
      },
    });
    printed.push({ pdf: result.pdf, pageCount: result.pageCount });
  }
  return printed;
}

/** A bilan written by the build, as the CLI reports it. */
export interface FunderOutput {
  id: string;
  nom: string;
  pdfPath: string;
  csvPath: string;
  pageCount: number;
}

/** The bilans' PDF and CSV, to be written with the rest of the build's outputs, and where they go. */
export function collectFunderOutputs(
  outputDir: string,
  documents: readonly FunderDocument[],
  printed: readonly PrintedFunderBilan[],
): { funders: FunderOutput[]; files: OutputFile[] } {
  const funders: FunderOutput[] = [];
  const files: OutputFile[] = [];
  for (const [index, document] of documents.entries()) {
    const pdf = printed[index];
    if (pdf === undefined) continue;
    const base = funderFileBase(document.bilan);
    funders.push({ id: document.bilan.id, nom: document.bilan.nom, pdfPath: join(outputDir, `${base}.pdf`), csvPath: join(outputDir, `${base}.csv`), pageCount: pdf.pageCount });
    files.push({ name: `${base}.pdf`, content: pdf.pdf }, { name: `${base}.csv`, content: document.csv });
  }
  return { funders, files };
}

/**
 * Bilans of year N written by an earlier full build for a funder that has none now (removed from
 * rapport.yaml, or renamed): a full build removes them with its swap, so that sortie/financeurs
 * holds only what the annex lists. Other years' bilans are kept.
 */
export function listObsoleteBilans(outputDir: string, year: number, kept: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(join(outputDir, FUNDERS_FOLDER));
  } catch {
    return [];
  }
  const bilan = new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*-${year}\\.(?:pdf|csv)$`);
  return names.filter((name) => bilan.test(name)).map((name) => `${FUNDERS_FOLDER}/${name}`).filter((name) => !kept.includes(name));
}
