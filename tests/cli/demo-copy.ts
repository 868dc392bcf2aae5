// Test helper: temporary copies of the demo folder with one cell broken, and the person codes
// of a data folder (which must never appear in any output).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll } from 'vitest';
import { headerKey } from '../../src/shared/normalize.js';
import { ROOT } from './cli-helpers.js';

export const DEMO = join(ROOT, 'fixtures', 'association-demo');
const PERSON_HEADERS = new Set(['personne', 'code_personne', 'beneficiaire', 'code', 'pseudo', 'code_anonyme', 'id_personne', 'identifiant']);

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function makeTempDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  created.push(folder);
  return folder;
}

/** A CSV file of the copy, decoded, split naively (the demo has no quoted separators). */
interface CsvText {
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  eol: string;
  separator: string;
  lines: string[];
}

function readCsvText(path: string): CsvText {
  const bytes = readFileSync(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const encoding = utf8.includes('\ufffd') ? 'windows-1252' : 'utf-8';
  const text = encoding === 'utf-8' ? utf8.replace(/^\ufeff/, '') : iconv.decode(bytes, 'win1252');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const header = text.slice(0, text.indexOf(eol));
  const separator = [';', ',', '\t'].reduce((best, sep) => (header.split(sep).length > header.split(best).length ? sep : best));
  return { encoding, bom, eol, separator, lines: text.split(eol) };
}

function writeCsvText(path: string, csv: CsvText): void {
  const text = csv.lines.join(csv.eol);
  const bytes = csv.encoding === 'utf-8' ? Buffer.from((csv.bom ? '\ufeff' : '') + text) : iconv.encode(text, 'win1252');
  writeFileSync(path, bytes);
}

/** Copy of the demo in a temporary folder; returns the project folder. */
export function copyDemo(): string {
  const folder = join(makeTempDir(), 'association');
  cpSync(DEMO, folder, { recursive: true });
  return folder;
}

/**
 * Replaces one cell of a copied demo file, keeping its encoding, BOM, separator and line ends.
 * `line` is the spreadsheet line (header = 1); `column` the header as written in the file.
 */
export function breakCell(folder: string, file: string, line: number, column: string, value: string): { original: string; header: string } {
  const path = join(folder, 'donnees', file);
  const csv = readCsvText(path);
  const headers = (csv.lines[0] ?? '').split(csv.separator);
  const index = headers.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${file}: ${headers.join(' | ')}`);
  const cells = (csv.lines[line - 1] ?? '').split(csv.separator);
  if (cells.length !== headers.length) throw new Error(`${file} line ${line} is not a plain row`);
  const original = cells[index] ?? '';
  cells[index] = value;
  csv.lines[line - 1] = cells.join(csv.separator);
  writeCsvText(path, csv);
  return { original, header: column };
}

/** Rewrites whole lines of a copied demo file (same encoding rules as breakCell). */
export function editLines(folder: string, file: string, edit: (lines: string[], separator: string) => void): void {
  const path = join(folder, 'donnees', file);
  const csv = readCsvText(path);
  edit(csv.lines, csv.separator);
  writeCsvText(path, csv);
}

/** Values of the person-code columns of every CSV in `dataFolder`. */
export function collectPersonCodes(dataFolder: string): Set<string> {
  const codes = new Set<string>();
  for (const name of readdirSync(dataFolder).filter((n) => n.endsWith('.csv'))) {
    const csv = readCsvText(join(dataFolder, name));
    const headers = (csv.lines[0] ?? '').split(csv.separator);
    const indexes = headers.map((h, i) => (PERSON_HEADERS.has(headerKey(h)) ? i : -1)).filter((i) => i >= 0);
    for (const line of csv.lines.slice(1)) {
      const cells = line.split(csv.separator);
      for (const index of indexes) {
        const code = (cells[index] ?? '').trim();
        if (code !== '') codes.add(code);
      }
    }
  }
  return codes;
}

/** The person codes found in `text` (empty when none leaked). */
export function leakedCodes(text: string, codes: ReadonlySet<string>): string[] {
  return [...codes].filter((code) => text.includes(code));
}

/** How a bad-input case is set up around its files (the attendu.json of fixtures/invalides cases). */
export interface CaseSetup {
  /** Start from a copy of the demo, the case's files on top. */
  base?: 'demo';
  /** A symlink at this path pointing outside the project. */
  lien_hors_projet?: string;
  /** Files grown to this many bytes (a too-large logo without storing megabytes in git). */
  taille?: Record<string, number>;
}

/** The project of a case, three levels deep in a temporary folder: `../../../evil` still lands inside it. */
export function prepareCaseProject(source: string, setup: CaseSetup): { root: string; project: string } {
  const root = makeTempDir();
  const project = join(root, 'a', 'b', 'projet');
  mkdirSync(project, { recursive: true });
  if (setup.base === 'demo') cpSync(DEMO, project, { recursive: true, filter: (path) => !path.startsWith(join(DEMO, 'sortie')) });
  cpSync(source, project, { recursive: true, filter: (path) => !path.endsWith('attendu.json') && !path.endsWith('expected.json') });
  if (setup.lien_hors_projet !== undefined) {
    const outside = join(root, 'ailleurs.csv');
    writeFileSync(outside, 'date;depistage;resultat\n02/01/2024;VIH;NEG\n');
    mkdirSync(dirname(join(project, setup.lien_hors_projet)), { recursive: true });
    symlinkSync(outside, join(project, setup.lien_hors_projet));
  }
  for (const [file, size] of Object.entries(setup.taille ?? {})) truncateSync(join(project, file), size);
  return { root, project };
}
