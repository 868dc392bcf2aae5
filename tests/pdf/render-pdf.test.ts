import { PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdf, type RenderPdfResult } from '../../src/pdf/index.js';
import { htmlDocument, pdfInfo, pdfPagesText, readOutline, readXmp, useSharedBrowser } from './helpers.js';

const browser = useSharedBrowser();

const METADATA = {
  title: "Rapport d'activité 2023 — Association Démo",
  author: 'Association Démo',
  subject: "Activité 2023 : maraudes, dépistage, domiciliations et aides financières",
  keywords: ["rapport d'activité", 'maraudes', 'TROD'],
  language: 'fr' as const,
  creator: 'rapport 9.9.9',
  creationDate: new Date('2024-03-15T10:00:00Z'),
};

const CSS = `@page { size: A4; margin: 20mm; @bottom-center { content: "Association Démo — " counter(page) " / " counter(pages); } }
  section { break-before: page; }`;
const BODY = `<h1>Rapport d'activité 2023</h1><nav><a href="#maraudes">Maraudes</a> <span class="p">00</span></nav>
  <section id="maraudes"><h1>Maraudes</h1><h2>Sites</h2><p>206 maraudes.</p></section>
  <section id="trod"><h1>Dépistage</h1><h2>Résultats</h2><p>215 TROD.</p></section>`;

// No lang attribute (Chromium then writes its own locale; metadata.test.ts shows the post-processing sets it).
const page = (body: string): string => htmlDocument(body, CSS, 'Titre HTML', undefined);

async function render(): Promise<RenderPdfResult> {
  return renderPdf({
    html: page(BODY),
    metadata: METADATA,
    anchors: ['maraudes', 'trod'],
    fill: (pages) => page(BODY.replace('00', String(pages.get('maraudes')))),
    browser: browser(),
  });
}

describe('renderPdf', () => {
  it('writes the metadata where pdfinfo reads it, and stays tagged', async () => {
    const { pdf, pageCount } = await render();
    const info = pdfInfo(pdf);
    expect(info.get('Title')).toBe(METADATA.title);
    expect(info.get('Author')).toBe('Association Démo');
    expect(info.get('Subject')).toBe(METADATA.subject);
    expect(info.get('Keywords')).toBe("rapport d'activité, maraudes, TROD");
    expect(info.get('Creator')).toBe('rapport 9.9.9');
    expect(info.get('Producer')).toMatch(/^rapport 9\.9\.9 \(Skia\/PDF m\d+, pdf-lib\)$/);
    expect(info.get('CreationDate')).toBe('2024-03-15T10:00:00Z');
    expect(info.get('Tagged')).toBe('yes');
    expect(info.get('Metadata Stream')).toBe('yes');
    expect(info.get('Pages')).toBe(String(pageCount));
    expect(pageCount).toBe(3);
  });

  it('keeps the structure tree, the outline and sets the language in the catalog', async () => {
    const { pdf } = await render();
    const doc = await PDFDocument.load(pdf);
    const catalog = doc.catalog;
    const structure = catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(structure.get(PDFName.of('K'))).toBeDefined();
    const markInfo = catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.lookup(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('fr');
    const xml = await readXmp(pdf);
    expect(xml).toContain(`<rdf:li xml:lang="x-default">Rapport d'activité 2023 — Association Démo</rdf:li>`);
    expect(xml).toContain('<rdf:li>fr</rdf:li>');
    expect(await readOutline(pdf)).toEqual([
      { title: "Rapport d'activité 2023", depth: 0 },
      { title: 'Maraudes', depth: 0 },
      { title: 'Sites', depth: 1 },
      { title: 'Dépistage', depth: 0 },
      { title: 'Résultats', depth: 1 },
    ]);
  });

  it('returns the anchor pages, the filled document and its footer on every page', async () => {
    const { pdf, anchorPages, blockedRequests } = await render();
    expect([...anchorPages]).toEqual([
      ['maraudes', 2],
      ['trod', 3],
    ]);
    expect(blockedRequests).toEqual([]);
    const pages = pdfPagesText(pdf);
    expect(pages[0]).toMatch(/Maraudes\s+2/);
    pages.forEach((text, index) => expect(text).toMatch(new RegExp(`Association Démo — ${index + 1} ?/ ?3`)));
  });

  it('launches and closes its own browser when none is given, and reports blocked requests', async () => {
    const result = await renderPdf({
      html: htmlDocument('<p>Seul</p><img src="https://example.com/logo.png" alt="logo">'),
      metadata: { title: 'Essai', author: 'Association Démo', subject: 'Essai', language: 'fr' },
    });
    expect(result.pageCount).toBe(1);
    expect(result.anchorPages.size).toBe(0);
    expect(result.blockedRequests).toEqual(['https://example.com/logo.png']);
    expect(pdfInfo(result.pdf).get('Creator')).toMatch(/^rapport \d+\.\d+\.\d+/);
  });
});
