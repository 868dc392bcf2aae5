import { describe, expect, it } from 'vitest';
import { injectAnchorLinks, printWithPageNumbers, type AnchorPages } from '../../src/pdf/index.js';
import { RenderError } from '../../src/shared/errors.js';
import { htmlDocument, pdfPagesText, useSharedBrowser } from './helpers.js';

const browser = useSharedBrowser();

const CSS = `@page { size: A4; margin: 20mm; @bottom-center { content: counter(page) " / " counter(pages); } }
  .chapitre { break-before: page; } .sommaire li { list-style: none; }`;
const SECTIONS: Array<[string, string]> = [
  ['maraudes', 'Les maraudes'],
  ['trod', 'Le dépistage'],
  ['aides', 'Les aides financières'],
];

/** Cover, sommaire, then three chapters each on a new page; the second one is two pages long. */
function buildReport(pages: AnchorPages | undefined, sommairePadding = ''): string {
  const entries = SECTIONS.map(([id, title]) => `<li><a href="#${id}">${title}</a> …… p.&nbsp;${pages?.get(id) ?? '00'}</li>`).join('');
  const chapters = SECTIONS.map(
    ([id, title]) => `<section class="chapitre" id="${id}"><h1>${title}</h1><p>Texte.</p>${id === 'trod' ? '<div style="height: 300mm"></div><p>Suite.</p>' : ''}</section>`,
  ).join('');
  return htmlDocument(`<h1>Couverture</h1><nav class="sommaire"><h2>Sommaire</h2><ul>${entries}</ul>${sommairePadding}</nav>${chapters}`, CSS);
}

/** Page (1-based) whose text contains `needle` as a chapter title line. */
function pageOfTitle(pages: string[], title: string): number {
  return pages.findIndex((text, index) => index > 0 && text.split('\n').some((line) => line.trim() === title)) + 1;
}

describe('printWithPageNumbers', () => {
  it('finds on which page each anchor lands, from the named destinations', async () => {
    const result = await printWithPageNumbers(buildReport(undefined), { browser: browser(), anchors: ['maraudes', 'trod', 'aides'] });
    expect(result.prints).toBe(1);
    expect(result.pageCount).toBe(5);
    expect([...result.anchorPages]).toEqual([
      ['maraudes', 2],
      ['trod', 3],
      ['aides', 5],
    ]);
  });

  it('fills the sommaire: every printed number is the page where that title appears', async () => {
    const result = await printWithPageNumbers(buildReport(undefined), {
      browser: browser(),
      anchors: SECTIONS.map(([id]) => id),
      fill: (pages) => buildReport(pages),
    });
    expect(result.prints).toBe(2);
    const pages = pdfPagesText(result.pdf);
    for (const [id, title] of SECTIONS) {
      const printed = pages[0]?.match(new RegExp(`${title} …… p\\. (\\d+)`))?.[1];
      expect(printed, title).toBe(String(pageOfTitle(pages, title)));
      expect(Number(printed)).toBe(result.anchorPages.get(id));
    }
    // The footer counts pages the same way.
    expect(pages[4]).toMatch(/\b5 ?\/ ?5\b/);
  });

  it('measures again when filling the numbers moves the sections', async () => {
    // Once numbers are known the sommaire grows by a full page, pushing every chapter by one.
    const result = await printWithPageNumbers(buildReport(undefined), {
      browser: browser(),
      anchors: ['maraudes', 'trod', 'aides'],
      fill: (pages) => buildReport(pages, '<div style="height: 260mm"></div>'),
    });
    expect(result.prints).toBe(3);
    expect([...result.anchorPages.values()]).toEqual([3, 4, 6]);
    const pages = pdfPagesText(result.pdf);
    expect(pages[0]).toContain('Les maraudes …… p. 3');
    expect(pageOfTitle(pages, 'Les maraudes')).toBe(3);
  });

  it('gives up with a RenderError when the pagination never settles', async () => {
    // Each fill adds as many blank pages as the number it writes: the target keeps running away.
    const run = printWithPageNumbers(buildReport(undefined), {
      browser: browser(),
      anchors: ['maraudes'],
      fill: (pages) => buildReport(pages, '<div style="break-after: page"></div>'.repeat(pages.get('maraudes') ?? 0)),
    });
    await expect(run).rejects.toBeInstanceOf(RenderError);
    await expect(run).rejects.toThrow(/pagination ne se stabilise pas/);
  });

  it('finds anchors no link points to, with invisible links that move nothing', async () => {
    const html = htmlDocument(
      '<h1>Début</h1><section class="chapitre" id="annexe"><h1>Annexe</h1></section><section class="chapitre" id="glossaire-é"><h1>Glossaire</h1></section>',
      CSS,
    );
    const result = await printWithPageNumbers(html, { browser: browser(), anchors: ['annexe', 'glossaire-é'] });
    expect(result.prints).toBe(2);
    expect(result.pageCount).toBe(3);
    expect([...result.anchorPages]).toEqual([
      ['annexe', 2],
      ['glossaire-é', 3],
    ]);
  });

  it('an id absent from the document is a RenderError naming it', async () => {
    const run = printWithPageNumbers(buildReport(undefined), { browser: browser(), anchors: ['maraudes', 'inconnue'] });
    await expect(run).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('inconnue') });
  });
});

describe('injectAnchorLinks', () => {
  it('adds one hidden link per id before the last </body>, attribute-escaped', () => {
    const html = injectAnchorLinks('<html><body><p>x</p></body></html>', ['a"b', 'c']);
    expect(html).toMatch(/<a href="#a&quot;b" tabindex="-1"><\/a><a href="#c" tabindex="-1"><\/a><\/div><\/body><\/html>$/);
    expect(injectAnchorLinks('<p>x</p>', [])).toBe('<p>x</p>');
  });
});
