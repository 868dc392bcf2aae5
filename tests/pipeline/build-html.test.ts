// The in-memory HTML build of the preview: the same document as `rapport build` (page numbers of
// the sommaire aside, they come from the PDF), and an incremental rebuild gives exactly what a
// fresh build of the changed folder gives, running again only the steps the change touches.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/pipeline/build-report.js';
import { buildReportHtml, type HtmlBuild } from '../../src/pipeline/build-html.js';
import { copyDemo, editLines } from '../cli/demo-copy.js';

let folder = '';
let first: HtmlBuild;

beforeAll(async () => {
  folder = copyDemo();
  first = await buildReportHtml({ folder, version: 'test' });
});

describe('buildReportHtml', () => {
  it('gives the HTML `rapport build` writes, without a PDF and without a script', async () => {
    const built = await buildReport({ folder, version: 'test' });
    const written = readFileSync(built.htmlPath ?? '', 'utf8');
    const blankPages = (html: string) => html.replace(/<span class="page">[^<]*<\/span>/g, '<span class="page"></span>');
    expect(blankPages(first.html)).toBe(blankPages(written));
    expect(first.html).not.toContain('<script');
    expect(first.files.parsed.sort()).toEqual(['aides_financieres.csv', 'domiciliations.csv', 'indicateurs.csv', 'maraudes.csv', 'trod.csv']);
  });

  it('after a CSV change: parses that file only, and the page is the one a fresh build gives', async () => {
    editLines(folder, 'indicateurs.csv', (lines) => {
      const index = lines.findIndex((line) => line.startsWith('accueil.passages,2025,'));
      lines[index] = "accueil.passages,2025,,,4321,Passages à l'accueil de jour,passages";
    });
    const next = await buildReportHtml({ folder, version: 'test', previous: first, changes: new Set(['donnees']) });
    expect(next.files.parsed).toEqual(['indicateurs.csv']);
    expect(next.files.reused.sort()).toEqual(['aides_financieres.csv', 'domiciliations.csv', 'maraudes.csv', 'trod.csv']);
    expect(next.html).toContain('4\u202f321');
    const fresh = await buildReportHtml({ folder, version: 'test' });
    expect(next.html).toBe(fresh.html);
    first = next;
  });

  it('after a section change: no data read, no secrecy audit, and the page is the one a fresh build gives', async () => {
    const path = join(folder, 'sections', 'perspectives.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nUne phrase ajoutée pendant l'aperçu.\n`);
    const next = await buildReportHtml({ folder, version: 'test', previous: first, changes: new Set(['textes']) });
    expect(Object.keys(next.timings).sort()).toEqual(['logo et édito', 'mise en page', 'sections']);
    expect(next.html).toContain("Une phrase ajoutée pendant l'aperçu.");
    expect(next.html).toBe((await buildReportHtml({ folder, version: 'test' })).html);
    first = next;
  });

  it('a CSV saved unchanged: parsed from memory, the secrecy audit is not run again', async () => {
    const path = join(folder, 'donnees', 'trod.csv');
    writeFileSync(path, readFileSync(path));
    const next = await buildReportHtml({ folder, version: 'test', previous: first, changes: new Set(['donnees']) });
    expect(next.files.parsed).toEqual([]);
    expect(next.timings).not.toHaveProperty('confidentialité');
    expect(next.html).toBe(first.html);
  });
});
