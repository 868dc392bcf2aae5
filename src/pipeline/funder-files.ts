// Where a funder's bilan is written, known to the render input (the annex lists the files) and to
// the outputs, without loading the PDF stage (the live preview never prints).
import { resolve } from 'node:path';
import type { FunderBilan } from '../figures/funder-bilan-types.js';

/** Folder of the bilans inside the output folder. */
export const FUNDERS_FOLDER = 'financeurs';

/** `financeurs/ars-2025`: the bilan's PDF and CSV add their extension. */
export function funderFileBase(bilan: Pick<FunderBilan, 'id' | 'year'>): string {
  return `${FUNDERS_FOLDER}/${bilan.id}-${bilan.year}`;
}

/** A funder's own Markdown sections, as `readSections` takes them (same reading as the report's). */
export function listFunderSectionFiles(folder: string, files: readonly string[]): { kind: 'file'; fichier: string; id: undefined }[] {
  return files.map((file) => ({ kind: 'file' as const, fichier: resolve(folder, file), id: undefined }));
}
