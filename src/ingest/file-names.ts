// File names: the contract names, the config's `fichiers` (the association's own names), and the
// closest contract file of an unexpected name, by its words (`Tournées 2013.csv` → maraudes.csv).
import { basename, extname } from 'node:path';
import { normalizeHeader } from '../shared/normalize.js';
import { suggestClosest } from '../shared/suggest.js';
import { DATASET_FILES, DATASET_IDS, type DatasetId } from './contract.js';
import type { FileNames } from './types.js';

/** Dataset fed by a file name; `chiffres-2023.csv` (a previous export) is history for indicateurs. */
export function datasetOfContractName(fileName: string): DatasetId | null {
  const key = normalizeHeader(basename(fileName, extname(fileName)));
  if (key === 'maraudes' || key === 'maraude') return 'maraudes';
  if (key === 'trod' || key === 'trods' || key === 'depistages') return 'trod';
  if (key === 'domiciliations' || key === 'domiciliation') return 'domiciliations';
  if (key === 'aides_financieres' || key === 'aides' || key === 'aide_financiere') return 'aides';
  if (key === 'indicateurs' || key.startsWith('indicateurs_') || /^chiffres(_\d{4})?(_complet)?$/.test(key)) return 'indicateurs';
  return null;
}

/** Names compared as a person sees them: case and Unicode form (macOS writes `é` decomposed) ignored. */
export function sameFileName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** The dataset a file feeds: the config's `fichiers` first, then the contract names. */
export function datasetOfFile(fileName: string, files: FileNames = {}): DatasetId | null {
  for (const id of DATASET_IDS) {
    const configured = files[id];
    if (configured !== undefined && sameFileName(configured, fileName)) return id;
  }
  return datasetOfContractName(fileName);
}

/**
 * Words of the file names associations really use (tracking tools, spreadsheets, archives),
 * normalized. Only suggestions: the file is read under its contract name or through `fichiers`.
 */
const FILE_WORDS: Readonly<Record<DatasetId, readonly string[]>> = {
  maraudes: ['maraude', 'maraudes', 'tournee', 'tournees', 'sortie', 'sorties', 'passage', 'passages', 'pam', 'aller', 'outreach', 'rue', 'bus', 'camion'],
  trod: ['trod', 'trods', 'depistage', 'depistages', 'test', 'tests', 'vih', 'vhc', 'vhb', 'tdr', 'syphilis', 'hepatite', 'hepatites'],
  domiciliations: ['domiciliation', 'domiciliations', 'domicile', 'domicilies', 'election', 'elections', 'courrier', 'adresse'],
  aides: ['aide', 'aides', 'financiere', 'financieres', 'secours', 'cheque', 'cheques', 'tickets', 'bons', 'avq'],
  indicateurs: ['indicateur', 'indicateurs', 'chiffre', 'chiffres', 'bilan', 'statistiques', 'stats', 'activite', 'tableau', 'synthese'],
};

/** The contract file an unexpected name most likely holds, by its words, else by spelling. */
export function suggestDataset(fileName: string): DatasetId | undefined {
  const words = normalizeHeader(basename(fileName, extname(fileName))).split('_');
  let best: { id: DatasetId; score: number } | undefined;
  for (const id of DATASET_IDS) {
    const score = words.filter((word) => FILE_WORDS[id].includes(word)).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { id, score };
  }
  if (best !== undefined) return best.id;
  const stems = DATASET_IDS.map((id) => basename(DATASET_FILES[id], '.csv'));
  for (const word of words) {
    const closest = word.length >= 4 ? suggestClosest(word, stems) : undefined;
    if (closest !== undefined) return DATASET_IDS[stems.indexOf(closest)];
  }
  return undefined;
}
