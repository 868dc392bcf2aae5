import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFileProblem, type CsvFormat, detectSeparator, readCsvRecords } from '../../src/ingest/read-csv.js';
import { makeFolder } from './temp-folder.js';

async function read(content: string | Buffer): Promise<{ records: [number, string[]][]; format: CsvFormat }> {
  const folder = makeFolder({});
  const path = join(folder, 'fichier.csv');
  writeFileSync(path, content);
  const records: [number, string[]][] = [];
  const format = await readCsvRecords(path, (record, line) => void records.push([line, record]));
  return { records, format };
}

async function readProblem(content: string | Buffer): Promise<CsvFileProblem> {
  try {
    await read(content);
  } catch (error) {
    if (error instanceof CsvFileProblem) return error;
    throw error;
  }
  throw new Error('expected a CsvFileProblem');
}

const FRENCH = 'site;nature\nGare de l’Est;chèque œuvre 12 €\n';

describe('encodings', () => {
  it('reads UTF-8 without BOM', async () => {
    const { records, format } = await read(FRENCH);
    expect(format).toEqual({ encoding: 'utf-8', bom: false, separator: ';' });
    expect(records[1]).toEqual([2, ['Gare de l’Est', 'chèque œuvre 12 €']]);
  });

  it('reads UTF-8 with BOM and strips the BOM from the first header', async () => {
    const { records, format } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]));
    expect(format.bom).toBe(true);
    expect(records[0]).toEqual([1, ['site', 'nature']]);
    expect(records[1]?.[1]).toEqual(['Gare de l’Est', 'chèque œuvre 12 €']);
  });

  it('detects Windows-1252 and decodes é, €, œ and ’', async () => {
    const bytes = iconv.encode(FRENCH, 'win1252');
    // Single bytes in Windows-1252: é = E9, € = 80, œ = 9C, ’ = 92.
    expect([...bytes].filter((b) => b >= 0x80)).toEqual([0x92, 0xe8, 0x9c, 0x80]);
    const { records, format } = await read(bytes);
    expect(format.encoding).toBe('windows-1252');
    expect(records[1]?.[1]).toEqual(['Gare de l’Est', 'chèque œuvre 12 €']);
  });

  it('detects Windows-1252 whose first accent comes after 64 KB (bug: the file was refused)', async () => {
    const rows = ['date;nature;montant'];
    for (let i = 0; i < 4000; i += 1) rows.push('02/01/2023;transport;12,50');
    rows.push('03/01/2023;nuitée d’hôtel;40');
    const bytes = iconv.encode(`${rows.join('\r\n')}\r\n`, 'win1252');
    expect(bytes.length).toBeGreaterThan(100_000);
    const { records, format } = await read(bytes);
    expect(format.encoding).toBe('windows-1252');
    expect(records.at(-1)).toEqual([4002, ['03/01/2023', 'nuitée d’hôtel', '40']]);
  });

  it('keeps UTF-8 when the first accent comes after 64 KB', async () => {
    const rows = ['date;nature;montant'];
    for (let i = 0; i < 4000; i += 1) rows.push('02/01/2023;transport;12,50');
    rows.push('03/01/2023;nuitée d’hôtel;40');
    const { records, format } = await read(`${rows.join('\n')}\n`);
    expect(format.encoding).toBe('utf-8');
    expect(records.at(-1)).toEqual([4002, ['03/01/2023', 'nuitée d’hôtel', '40']]);
  });

  it('refuses UTF-16 with a message saying so (bug: it was called a binary file)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, 'utf16le')]);
    const problem = await readProblem(utf16);
    expect(problem.message).toMatch(/UTF-16, non pris en charge/);
  });

  it('refuses a file mixing UTF-8 and Windows-1252, naming the byte (bug: it said byte 0)', async () => {
    const utf8Part = Buffer.from(`site;nature\nGare;chèque\n${'Bois;transport\n'.repeat(20_000)}`);
    const mixed = Buffer.concat([utf8Part, iconv.encode('Bois;espèces\n', 'win1252')]);
    const problem = await readProblem(mixed);
    expect(problem.message).toMatch(/encodage incohérent/);
    // The Windows-1252 "è" of the last line: 9 bytes ("Bois;esp") after the UTF-8 part.
    expect(problem.message).toContain(`octet ${utf8Part.length + 8}`);
    // Issue 8: the line too, as a spreadsheet shows it (2 + 20 000 lines before).
    expect(problem.line).toBe(20_003);
  });

  it('refuses an empty file and a binary file', async () => {
    expect((await readProblem('')).message).toBe('le fichier est vide');
    expect((await readProblem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).message).toMatch(/fichier binaire/);
    expect((await readProblem(Buffer.from([0x61, 0x00, 0x62]))).message).toMatch(/fichier binaire/);
  });
});

describe('separators and line endings', () => {
  it.each([
    [';', 'a;b;c\n1;2,5;3\n'],
    [',', 'a,b,c\n1,"2,5",3\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n'],
  ])('detects %j from the header', async (separator, content) => {
    const { records, format } = await read(content);
    expect(format.separator).toBe(separator);
    expect(records[1]).toEqual([2, ['1', '2,5', '3']]);
  });

  it('counts separators outside quotes only', () => {
    expect(detectSeparator('"a;b;c","d;e",f')).toBe(',');
    expect(detectSeparator('date;site;"Montant, en €"')).toBe(';');
  });

  it('honours a `sep=` first line and keeps spreadsheet line numbers', async () => {
    const { records, format } = await read('sep=,\na,b\n1,2\n');
    expect(format.separator).toBe(',');
    expect(records).toEqual([
      [2, ['a', 'b']],
      [3, ['1', '2']],
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reads %s line endings without stray carriage returns', async (_name, eol) => {
    const { records } = await read(['a;b', '1;2', '3;4', ''].join(eol));
    expect(records).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });
});

describe('RFC 4180 quotes', () => {
  it('keeps separators, doubled quotes and newlines inside quotes', async () => {
    const { records } = await read('a;b\n"x;y";"dit ""bonjour"""\n"ligne 1\nligne 2";z\n"r\r\nn";w\n');
    expect(records.map(([, record]) => record)).toEqual([
      ['a', 'b'],
      ['x;y', 'dit "bonjour"'],
      ['ligne 1\nligne 2', 'z'],
      ['r\r\nn', 'w'],
    ]);
  });

  it('numbers rows as a spreadsheet does after a multi-line cell', async () => {
    const { records } = await read('a;b\n"deux\nlignes";1\nsuite;2\n\nfin;3\n');
    // The quoted cell spans two text lines but is one spreadsheet row; the empty line counts.
    expect(records).toEqual([
      [1, ['a', 'b']],
      [2, ['deux\nlignes', '1']],
      [3, ['suite', '2']],
      [4, ['']],
      [5, ['fin', '3']],
    ]);
  });

  it('names the line where an unclosed quote opens (bug: it named the last line)', async () => {
    const problem = await readProblem('a;b\n1;2\n3;"4\n5;6\n7;8\n');
    expect(problem.message).toMatch(/guillemet ouvert jamais refermé/);
    expect(problem.line).toBe(3);
  });

  it('names the opening line of an unclosed quote after a multi-line cell and a `sep=` line', async () => {
    const problem = await readProblem('sep=;\na;b\n"x\ny";1\n2;"3\n4;5\n');
    expect(problem.line).toBe(4);
  });
});
