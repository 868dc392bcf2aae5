// CSV writing for the data generators (they write files; reading always goes through csv-parse).
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

export function toCsv(header, rows, sep, eol) {
  const cell = (value) => {
    const text = value === undefined || value === null ? '' : String(value);
    return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(sep)).join(eol) + eol;
}

/** `encoding`: 'utf-8', 'utf-8-bom' or 'windows-1252' (French Excel's "CSV (séparateur : point-virgule)"). */
export function writeCsv(path, text, encoding) {
  let bytes;
  if (encoding === 'windows-1252') {
    bytes = iconv.encode(text, 'win1252');
    // iconv replaces unmappable characters with '?': fail loudly rather than ship a mangled file.
    if (iconv.decode(bytes, 'win1252') !== text) throw new Error(`${path}: caractère hors Windows-1252`);
  } else bytes = Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
  writeFileSync(path, bytes);
}

export const euros = (amount) => amount.toFixed(2).replace('.', ',');
