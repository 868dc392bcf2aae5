// Streaming CSV reader: detects encoding and separator, then hands records one at a time.
// Memory stays bounded by one chunk whatever the file size.
import { createReadStream } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'windows-1252';

export interface CsvFormat {
  encoding: Encoding;
  bom: boolean;
  separator: string;
}

/** A problem that stops the reading of one file (the other files are still read). */
export class CsvFileProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const SNIFF_BYTES = 64 * 1024;
const SEPARATORS = [';', ',', '\t'] as const;

/** Number of complete UTF-8 bytes at the start of `buffer` (a chunk may cut a character). */
function completeUtf8Length(buffer: Buffer): number {
  let index = buffer.length - 1;
  let continuation = 0;
  while (index >= 0 && continuation < 3 && ((buffer[index] ?? 0) & 0xc0) === 0x80) {
    index -= 1;
    continuation += 1;
  }
  if (index < 0) return buffer.length;
  const lead = buffer[index] ?? 0;
  const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return needed > continuation ? index : buffer.length;
}

function detectEncoding(head: Buffer): { encoding: Encoding; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new CsvFileProblem(
      "le fichier est encodé en UTF-16, non pris en charge : enregistrez-le en « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »",
    );
  }
  return { encoding: isUtf8(head.subarray(0, completeUtf8Length(head))) ? 'utf-8' : 'windows-1252', bom: false };
}

function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 8192);
  if (sample.includes(0)) return true;
  // ZIP (xlsx, ods) and OLE (xls) signatures: a spreadsheet saved instead of exported.
  return (sample[0] === 0x50 && sample[1] === 0x4b) || (sample[0] === 0xd0 && sample[1] === 0xcf);
}

/** Separator of the header line: the most frequent of `;`, `,`, tab outside quotes. */
export function detectSeparator(headerLine: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((sep) => [sep, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ';';
  let bestCount = 0;
  for (const [sep, count] of counts) {
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

async function readHead(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: SNIFF_BYTES - 1 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, size);
}

/** Byte offset of the first invalid UTF-8 sequence of `buffer` (validity of prefixes is monotone). */
function firstInvalidUtf8(buffer: Buffer): number {
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const prefix = buffer.subarray(0, middle);
    if (isUtf8(prefix.subarray(0, completeUtf8Length(prefix)))) low = middle;
    else high = middle - 1;
  }
  // The longest valid prefix may end with the lead byte of the bad sequence: not counted.
  return completeUtf8Length(buffer.subarray(0, low));
}

/** Newlines in `buffer` before `end`: the text line of a byte is that count + 1. */
function countLines(buffer: Buffer, end = buffer.length): number {
  let count = 0;
  let at = buffer.indexOf(0x0a);
  while (at >= 0 && at < end) {
    count += 1;
    at = buffer.indexOf(0x0a, at + 1);
  }
  return count;
}

/**
 * Offset of the first UTF-8 encoded accent in bytes read as Windows-1252 (« Ã© », « â€™ »):
 * such pairs are never written by a French spreadsheet in Windows-1252, so they mean a part of
 * the file was saved in UTF-8 and would print as mojibake.
 */
function firstUtf8Sequence(buffer: Buffer): number {
  for (let index = buffer.indexOf(0xc3); index >= 0; index = buffer.indexOf(0xc3, index + 1)) {
    const next = buffer[index + 1] ?? 0;
    if (next >= 0x80 && next <= 0xbf) return Math.min(index, firstOther(buffer, index));
  }
  return firstOther(buffer, buffer.length);
}

/** `Â«`, `Â°`, `â€™`, `â‚¬`: the other common UTF-8 sequences, before `limit`. */
function firstOther(buffer: Buffer, limit: number): number {
  for (let index = 0; index < limit - 1; index += 1) {
    const byte = buffer[index];
    if (byte === 0xc2) {
      const next = buffer[index + 1] ?? 0;
      if (next >= 0xa0 && next <= 0xbf) return index;
    } else if (byte === 0xe2 && (buffer[index + 1] === 0x80 || buffer[index + 1] === 0x82)) {
      const last = buffer[index + 2] ?? 0;
      if (last >= 0x80 && last <= 0xbf) return index;
    }
  }
  return limit;
}

/** Mixed head: more UTF-8 sequences than stray high bytes means UTF-8 with a few bad lines. */
function mostlyUtf8(head: Buffer): boolean {
  let sequences = 0;
  let stray = 0;
  for (let index = 0; index < head.length; index += 1) {
    const byte = head[index] ?? 0;
    if (byte < 0x80) continue;
    const next = head[index + 1] ?? 0;
    if (byte >= 0xc2 && byte <= 0xdf && next >= 0x80 && next <= 0xbf) {
      sequences += 1;
      index += 1;
    } else if (byte >= 0xe0 && byte <= 0xef && next >= 0x80 && next <= 0xbf && (head[index + 2] ?? 0) >= 0x80 && (head[index + 2] ?? 0) <= 0xbf) {
      sequences += 1;
      index += 2;
    } else stray += 1;
  }
  return sequences > stray;
}

/**
 * `firstLine`: spreadsheet line of the first record. csv-parse's `lines` counts text lines up to
 * where it gave up (the end of the file for an unclosed quote); the failing record is the one
 * after the `records` already parsed, which is the row a spreadsheet shows.
 */
function describeCsvError(error: CsvError, firstLine: number): CsvFileProblem {
  const records = (error as CsvError & { records?: number }).records;
  const line = records === undefined ? undefined : firstLine + records;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvFileProblem('guillemet ouvert jamais refermé : le reste du fichier ne peut pas être lu', line);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new CsvFileProblem('guillemet fermant suivi d\'autres caractères dans une cellule', line);
    default:
      return new CsvFileProblem(`CSV illisible (${error.code})`, line);
  }
}

/**
 * Streams the records of `path`; `onRecord` gets each record with its line number as a
 * spreadsheet shows it (header = 1). Empty lines are passed as `['']` so numbering stays
 * right. Throws CsvFileProblem for problems that make the rest of the file unreadable.
 */
export async function readCsvRecords(
  path: string,
  onRecord: (record: string[], line: number) => void,
  onFormat?: (format: CsvFormat) => void,
): Promise<CsvFormat> {
  const head = await readHead(path);
  if (head.length === 0) throw new CsvFileProblem('le fichier est vide');
  // Before the binary test: UTF-16 text is full of NUL bytes but deserves its own message.
  const detected = detectEncoding(head);
  if (looksBinary(head)) {
    throw new CsvFileProblem(
      "ce n'est pas un fichier texte CSV (fichier binaire, peut-être un classeur .xlsx renommé) : exportez-le en CSV depuis le tableur",
    );
  }
  const { bom } = detected;
  let encoding = detected.encoding;
  // A UTF-8 file with one Windows-1252 line: read it as UTF-8 so the bad line is the one named.
  if (encoding === 'windows-1252' && mostlyUtf8(head)) encoding = 'utf-8';
  const text = encoding === 'utf-8' ? head.toString('utf8', bom ? 3 : 0) : iconv.decode(head, 'win1252');
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  // French Excel may write a `sep=;` first line to announce its separator.
  const sepDirective = /^sep=(.)\s*$/i.exec(firstLine);
  const separator = sepDirective ? (sepDirective[1] as string) : detectSeparator(firstLine);
  onFormat?.({ encoding, bom, separator });

  const parser = parse({
    delimiter: separator,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    from_line: sepDirective ? 2 : 1,
  });
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  let invalidUtf8: number | undefined;
  /** Text line (1-based) of the first byte that does not belong to the file's encoding. */
  let badLine: number | undefined;
  let linesBefore = 0;
  // Feeding is manual so that UTF-8 can be validated chunk by chunk without decoding twice,
  // and Windows-1252 decoded on the fly.
  let decoder = encoding === 'windows-1252' ? iconv.getDecoder('win1252') : undefined;
  // A head of pure ASCII proves nothing: a French Excel file may have its first accent far
  // below. The encoding is then decided on the first chunk holding a non-ASCII byte.
  let undecided = !bom && head.length === SNIFF_BYTES && isAscii(head);
  source.on('data', (data: Buffer | string) => {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    if (undecided && !isAscii(chunk)) {
      undecided = false;
      if (!isUtf8(chunk.subarray(0, completeUtf8Length(chunk))) && !mostlyUtf8(chunk)) {
        encoding = 'windows-1252';
        decoder = iconv.getDecoder('win1252');
        onFormat?.({ encoding, bom, separator });
      }
    }
    let out: Buffer | string = chunk;
    if (decoder) {
      if (badLine === undefined && !isAscii(chunk)) {
        const at = firstUtf8Sequence(chunk);
        if (at < chunk.length) badLine = linesBefore + countLines(chunk, at) + 1;
      }
      out = decoder.write(chunk);
    } else if (invalidUtf8 === undefined) {
      const joined = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const complete = completeUtf8Length(joined);
      if (!isUtf8(joined.subarray(0, complete))) {
        const at = firstInvalidUtf8(joined);
        invalidUtf8 = offset - pending.length + at;
        badLine = linesBefore - countLines(pending) + countLines(joined, at) + 1;
      }
      offset += chunk.length;
      pending = joined.subarray(complete);
    }
    if (badLine === undefined) linesBefore += countLines(chunk);
    if (!parser.write(out)) source.pause();
  });
  parser.on('drain', () => source.resume());
  source.on('end', () => {
    if (decoder) {
      const rest = decoder.end();
      if (rest) parser.write(rest);
    }
    parser.end();
  });
  source.on('error', (error) => parser.destroy(error));

  // Plain for-await: csv-parse's `on_record` hook was measured slower (it builds a context per row).
  let line = sepDirective ? 1 : 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      onRecord(record, line);
    }
  } catch (error) {
    source.destroy();
    if (error instanceof CsvError) throw describeCsvError(error, sepDirective ? 2 : 1);
    throw error;
  }
  if (invalidUtf8 !== undefined) {
    throw new CsvFileProblem(
      `encodage incohérent : le fichier est en UTF-8 mais la ligne ${badLine ?? '?'} contient un caractère d'un autre encodage (Windows-1252 ?, octet ${invalidUtf8}) ; ` +
        'corrigez cette ligne ou réenregistrez tout le fichier en « CSV UTF-8 »',
      badLine,
    );
  }
  if (badLine !== undefined) {
    throw new CsvFileProblem(
      `encodage incohérent : le fichier est en Windows-1252 mais la ligne ${badLine} contient des caractères encodés en UTF-8 (ils s'afficheraient « Ã© ») ; ` +
        'corrigez cette ligne ou réenregistrez tout le fichier en « CSV UTF-8 »',
      badLine,
    );
  }
  return { encoding, bom, separator };
}
