import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printHtml } from '../../src/pdf/index.js';
import { htmlDocument, pdfFonts, pdfInfo, pdfPagesText, readOutline, useSharedBrowser } from './helpers.js';

const browser = useSharedBrowser();

describe('printHtml: nothing leaves the machine', () => {
  let server: Server;
  let origin = '';
  const hits: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'rapport-print-test-'));
  const localFile = join(dir, 'secret.html');
  writeFileSync(localFile, '<p>CONTENU-LOCAL-SECRET</p>');

  beforeAll(async () => {
    // A real server the page could reach: any request it receives is a leak.
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('<p>CONTENU-DISTANT</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every request but data: URIs, records them, and the server sees none', async () => {
    const css = `@import url("${origin}/import.css"); body { background: url("${origin}/fond.png"); }
      @font-face { font-family: Distante; src: url("${origin}/police.woff2"); } p { font-family: Distante, sans-serif; }`;
    const body = `
      <meta http-equiv="refresh" content="0;url=${origin}/redirection">
      <link rel="stylesheet" href="${origin}/style.css"><link rel="stylesheet" href="https://example.com/style.css">
      <link rel="prefetch" href="${origin}/prefetch"><link rel="preconnect" href="${origin}">
      <a href="${origin}/lien" ping="${origin}/ping">lien</a>
      <p>Document principal</p>
      <img src="http://example.com/x.png" alt="x"><img src="${origin}/image.png" alt="image">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline">
      <iframe src="${origin}/cadre.html"></iframe>
      <iframe src="file://${localFile}"></iframe><iframe src="file:///etc/passwd"></iframe>
      <object data="${origin}/objet.svg"></object>`;
    const { pdf, blockedRequests } = await printHtml(browser(), htmlDocument(body, css));
    expect(hits).toEqual([]);
    for (const path of ['/import.css', '/style.css', '/image.png', '/cadre.html']) {
      expect(blockedRequests).toContain(`${origin}${path}`);
    }
    expect(blockedRequests).toContain('http://example.com/x.png');
    expect(blockedRequests).toContain('https://example.com/style.css');
    expect(blockedRequests.some((url) => url.startsWith('data:'))).toBe(false);
    const text = pdfPagesText(pdf).join('\n');
    expect(text).toContain('Document principal');
    expect(text).not.toContain('CONTENU-DISTANT');
    expect(text).not.toContain('CONTENU-LOCAL-SECRET');
    expect(text).not.toMatch(/root:.*:0:0/);
  });
});

describe('printHtml: document features', () => {
  it('runs no JavaScript: a script that rewrites the text has no effect', async () => {
    const body = `<p id="cible">Texte d'origine</p>
      <script>document.getElementById('cible').textContent = 'Réécrit par un script';</script>
      <img src="data:," onerror="document.body.textContent = 'Réécrit par onerror'" alt="">`;
    const text = pdfPagesText((await printHtml(browser(), htmlDocument(body))).pdf).join('\n');
    expect(text).toContain("Texte d'origine");
    expect(text).not.toContain('Réécrit');
  });

  it('loads a font given as a data: URI and embeds it', async () => {
    const ttf = readFileSync('node_modules/@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf');
    const css = `@font-face { font-family: "Source Sans 3"; src: url(data:font/ttf;base64,${ttf.toString('base64')}) format("truetype"); }
      body { font-family: "Source Sans 3"; }`;
    const { pdf, blockedRequests } = await printHtml(browser(), htmlDocument('<p>Chiffres clés 2023</p>', css));
    expect(blockedRequests).toEqual([]);
    expect(pdfFonts(pdf)).toMatch(/SourceSans3/);
  });

  it('prints A4 portrait, tagged, with a "X / Y" footer from CSS margin boxes on every page but the first', async () => {
    const css = `@page { size: A4; margin: 20mm 15mm 25mm;
        @bottom-center { content: "Asso — Rapport d'activité 2023 — " counter(page) " / " counter(pages); } }
      @page :first { @bottom-center { content: none; } }
      section { break-before: page; }`;
    const body = '<h1>Couverture</h1><section><h1>Un</h1></section><section><h1>Deux</h1></section><section><h1>Trois</h1></section>';
    const { pdf } = await printHtml(browser(), htmlDocument(body, css));
    const info = pdfInfo(pdf);
    expect(info.get('Pages')).toBe('4');
    expect(info.get('Page size')).toMatch(/\(A4\)/);
    expect(info.get('Tagged')).toBe('yes');
    const pages = pdfPagesText(pdf);
    expect(pages).toHaveLength(4);
    expect(pages[0]).not.toMatch(/\d \/ 4/);
    for (let page = 2; page <= 4; page += 1) {
      expect(pages[page - 1]).toMatch(new RegExp(`Asso — Rapport d'activité 2023 — ${page} / 4`));
    }
  });

  it('builds the outline (bookmarks) from h1/h2 headings', async () => {
    const body = '<h1>Maraudes</h1><h2>Sites visités</h2><h2>Personnes rencontrées</h2><h1>Dépistage (TROD)</h1><h2>Résultats</h2>';
    const outline = await readOutline((await printHtml(browser(), htmlDocument(body))).pdf);
    expect(outline).toEqual([
      { title: 'Maraudes', depth: 0 },
      { title: 'Sites visités', depth: 1 },
      { title: 'Personnes rencontrées', depth: 1 },
      { title: 'Dépistage (TROD)', depth: 0 },
      { title: 'Résultats', depth: 1 },
    ]);
  });
});
