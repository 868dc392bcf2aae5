// Validated files kept in memory between ingestions of the same folder (the live preview): a file
// whose bytes did not change is not parsed again; its valid rows are handed to the new sink as
// they were the first time, in the same order, with the same summary and issues.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DatasetId } from './contract.js';
import type { RowSink } from './types.js';
import { validateFile, type FileResult } from './validate-file.js';

type ValidateOptions = Parameters<typeof validateFile>[0];

interface CachedFile {
  /** sha256 of the bytes, the dataset, the config's column mapping and the ingest context. */
  key: string;
  rows: [row: unknown, line: number, file: string][];
  result: FileResult;
}

/** Opaque: create one per preview session with createIngestCache, hand it to every ingestion. */
export interface IngestCache {
  readonly files: Map<string, CachedFile>;
  /** Parsed files and files served from memory during the last ingestion (the preview reports them). */
  readonly last: { parsed: string[]; reused: string[] };
}

export function createIngestCache(): IngestCache {
  return { files: new Map(), last: { parsed: [], reused: [] } };
}

/** Called at the start of an ingestion: a file removed from the folder is forgotten. */
export function beginCachedIngestion(cache: IngestCache, paths: readonly string[]): void {
  const present = new Set(paths);
  for (const path of cache.files.keys()) if (!present.has(path)) cache.files.delete(path);
  cache.last.parsed = [];
  cache.last.reused = [];
}

/**
 * `validateFile`, served from `cache` when the file's bytes, its dataset, its column mapping and
 * `context` (the config's synonyms and categories, which shape the row schemas) are unchanged.
 */
export async function validateFileCached(cache: IngestCache | undefined, context: string, options: ValidateOptions): Promise<FileResult> {
  if (cache === undefined) return validateFile(options);
  let bytes: Buffer;
  try {
    bytes = await readFile(options.path);
  } catch {
    // Unreadable: validateFile says so in French, as without a cache.
    cache.files.delete(options.path);
    return validateFile(options);
  }
  const key = createHash('sha256')
    .update(bytes)
    .update(JSON.stringify([options.dataset, options.file, options.configuredColumns ?? null, context]))
    .digest('hex');
  const deliver = options.sink[options.dataset] as ((row: unknown, line: number, file: string) => void) | undefined;
  const cached = cache.files.get(options.path);
  if (cached?.key === key) {
    cache.last.reused.push(options.file);
    if (deliver !== undefined) for (const [row, line, file] of cached.rows) deliver(row, line, file);
    // The folder's ingestion adds warnings to the summary (rows outside the year): a copy each time.
    return { summary: structuredClone(cached.result.summary), issues: cached.result.issues };
  }
  const rows: CachedFile['rows'] = [];
  const recording: RowSink = {
    [options.dataset]: (row: unknown, line: number, file: string) => {
      rows.push([row, line, file]);
      deliver?.(row, line, file);
    },
  } as Partial<Record<DatasetId, (row: unknown, line: number, file: string) => void>>;
  const result = await validateFile({ ...options, sink: recording });
  cache.files.set(options.path, { key, rows, result: { summary: structuredClone(result.summary), issues: result.issues } });
  cache.last.parsed.push(options.file);
  return result;
}
