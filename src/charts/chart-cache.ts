// On-disk cache of rendered charts, keyed by the content hash of what determines the drawing.
// A hit never loads chart.js; a corrupt or unreadable entry is treated as a miss and redrawn.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump whenever the drawing changes (layout, palette, fonts): old entries then stop matching. */
export const CHART_RENDERER_VERSION = 2;

export interface CachedChart {
  readonly svg: string;
  readonly alt: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
}

/** sha256 of the canonical JSON of `input` plus the renderer version. */
export function chartCacheKey(input: unknown): string {
  return createHash('sha256').update(canonicalJson({ renderer: CHART_RENDERER_VERSION, input })).digest('hex');
}

/** JSON with object keys sorted at every level, so that key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function readCachedChart(cacheDir: string, key: string): Promise<CachedChart | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(entryPath(cacheDir, key), 'utf8'));
    return isCachedChart(parsed, key) ? parsed : undefined;
  } catch {
    return undefined; // missing, unreadable or corrupt: redraw
  }
}

/** Writes atomically (temp file + rename): a concurrent reader sees the old entry or the new one. */
export async function writeCachedChart(cacheDir: string, key: string, chart: CachedChart): Promise<void> {
  const target = entryPath(cacheDir, key);
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temp, JSON.stringify({ key, ...chart }), 'utf8');
    await rename(temp, target);
  } catch {
    // The cache only saves time: a build whose cache cannot be written still succeeds.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

function entryPath(cacheDir: string, key: string): string {
  return join(cacheDir, `${key}.json`);
}

function isCachedChart(value: unknown, key: string): value is CachedChart {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    entry['key'] === key &&
    typeof entry['svg'] === 'string' &&
    entry['svg'].startsWith('<svg') &&
    entry['svg'].trimEnd().endsWith('</svg>') &&
    typeof entry['alt'] === 'string' &&
    typeof entry['title'] === 'string' &&
    typeof entry['width'] === 'number' &&
    typeof entry['height'] === 'number'
  );
}
