import { readFileSync } from 'node:fs';

/** Version from package.json (src/shared or dist/shared → ../../package.json). */
export function readVersion(): string {
  const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(raw) as { version: string }).version;
}
