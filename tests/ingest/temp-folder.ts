// Test helper: writes small data folders to a temporary directory, removed after the test file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ingestFolder, type IngestOptions, type IngestReport, type RowSink } from '../../src/ingest/index.js';

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** `files`: relative path → content (a string is written as UTF-8). */
export function makeFolder(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  created.push(folder);
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return folder;
}

/** CSV text from rows of cells, `;`-separated, LF, final newline. */
export function csv(...rows: string[][]): string {
  return `${rows.map((row) => row.join(';')).join('\n')}\n`;
}

/** Ingests a one-file folder and collects the typed rows handed to the sink. */
export async function ingestOne(
  name: string,
  content: string | Buffer,
  options: Omit<IngestOptions, 'folder'> = {},
): Promise<{ report: IngestReport; rows: Record<string, unknown>[] }> {
  const folder = makeFolder({ [name]: content });
  const rows: Record<string, unknown>[] = [];
  const collect = (row: unknown) => void rows.push(row as Record<string, unknown>);
  const sink: RowSink = { maraudes: collect, trod: collect, domiciliations: collect, aides: collect, indicateurs: collect };
  const report = await ingestFolder({ folder, ...options }, sink);
  return { report, rows };
}
