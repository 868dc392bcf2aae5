// `rapport apercu` in process, on a copy of the demo: the served page follows a CSV value, a broken
// section or data file shows the French error above the last good version, fixing it brings the
// normal page back; no path reaches a file; closing frees the port.
import { readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview, type PreviewEvent } from '../../src/preview/index.js';
import { breakCell, copyDemo, editLines } from '../cli/demo-copy.js';
import { openEventStream, rawGet, type EventStream } from './event-stream.js';

const NNBSP = '\u202f';
const BANNER = 'id="rapport-apercu-erreur"';

let folder = '';
let preview: Preview;
let events: EventStream;
const seen: PreviewEvent[] = [];

async function page(): Promise<string> {
  const response = await fetch(preview.url);
  expect(response.status).toBe(200);
  return response.text();
}

/** Saves through `change`, waits for the reload the page would get, returns the page then served. */
async function saveAndReload(change: () => void): Promise<string> {
  const reload = events.next('reload');
  change();
  await reload;
  return page();
}

function setPassages(value: number): void {
  editLines(folder, 'indicateurs.csv', (lines) => {
    const index = lines.findIndex((line) => line.startsWith('accueil.passages,2025,'));
    lines[index] = `accueil.passages,2025,,,${value},Passages à l'accueil de jour,passages`;
  });
}

beforeAll(async () => {
  folder = copyDemo();
  preview = await startPreview({ folder, port: 0, version: 'test', debounceMs: 150, onEvent: (event) => seen.push(event) });
  events = await openEventStream(preview.url);
});

afterAll(async () => {
  await events?.close();
  await preview?.close();
});

describe('rapport apercu', () => {
  it('serves the report on the loopback, with one script: the reload script', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await page();
    expect(html).toContain(`3${NNBSP}247`);
    expect(html).not.toContain(BANNER);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('/__apercu/evenements');
    expect(seen.find((e) => e.kind === 'built')).toMatchObject({ kind: 'built', changes: [] });
  });

  it('shows a new CSV value after the reload event, reading again only that file', async () => {
    const html = await saveAndReload(() => setPassages(4321));
    expect(html).toContain(`4${NNBSP}321`);
    expect(html).not.toContain(`3${NNBSP}247`);
    const built = seen.filter((e) => e.kind === 'built').at(-1);
    expect(built).toMatchObject({ changes: ['donnees'], parsed: ['indicateurs.csv'] });
  });

  it('a broken section: the French error (file, line, message) above the last good version', async () => {
    const path = join(folder, 'sections', 'presentation.md');
    const original = readFileSync(path, 'utf8');
    const broken = await saveAndReload(() => writeFileSync(path, original.replace('## Nos missions', '{{chiffre "maraudes.inconnu"}}\n\n## Nos missions')));
    expect(broken).toContain(BANNER);
    expect(broken).toContain('Aperçu non mis à jour');
    expect(broken).toMatch(/sections\/presentation\.md, ligne \d+ : chiffre inconnu « maraudes\.inconnu »/);
    expect(broken).toContain('La dernière version correcte reste affichée');
    expect(broken).toContain(`4${NNBSP}321`);
    const failed = seen.at(-1);
    expect(failed?.kind).toBe('failed');

    const fixed = await saveAndReload(() => writeFileSync(path, original));
    expect(fixed).not.toContain(BANNER);
    expect(fixed).toContain(`4${NNBSP}321`);
    expect(seen.at(-1)).toMatchObject({ kind: 'built', recovered: true });
  });

  it('broken data: the file, line and column in the banner; fixed data: the normal page with both changes', async () => {
    let original = '';
    const broken = await saveAndReload(() => {
      original = breakCell(folder, 'maraudes.csv', 2, 'Personnes rencontrées', 'beaucoup').original;
    });
    expect(broken).toContain(BANNER);
    expect(broken).toContain('maraudes.csv, ligne 2, colonne « Personnes rencontrées »');
    expect(broken).toContain('beaucoup');
    expect(broken).toContain(`4${NNBSP}321`);
    // Saved while the data is broken: not lost once the data is fixed.
    const broken2 = await saveAndReload(() => setPassages(5432));
    expect(broken2).toContain(BANNER);

    const fixed = await saveAndReload(() => breakCell(folder, 'maraudes.csv', 2, 'Personnes rencontrées', original));
    expect(fixed).not.toContain(BANNER);
    expect(fixed).toContain(`5${NNBSP}432`);
  });

  it('refuses every path but the page: traversal attempts, encoded or not, and project files get a 404', async () => {
    const attempts = [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%252e%252e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/donnees/maraudes.csv',
      '/rapport.yaml',
      '/sortie/.cache/graphiques',
      '/index.html/../../rapport.yaml',
    ];
    for (const path of attempts) {
      const response = await rawGet(preview.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toMatch(/root:|association:|Personnes rencontrées/);
    }
    expect((await rawGet(preview.url, '/index.html')).status).toBe(200);
  });

  it('is not reachable through the machine\'s other addresses (bound to 127.0.0.1 only)', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
    for (const address of others) {
      await expect(fetch(`http://${address?.address}:${new URL(preview.url).port}/`)).rejects.toThrow();
    }
  });

  it('answers only requests addressed to it by its loopback name (DNS rebinding)', async () => {
    const response = await rawGet(preview.url, '/', 'rapport.example:80');
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('Lucioles');
  });

  it('close() ends the event stream and frees the port', async () => {
    const url = preview.url;
    await preview.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
