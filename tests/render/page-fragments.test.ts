// Issue 7, "the document reads right": no page holds only a fragment. The tail of a chapter (a
// heading, a table with its note, a closing line) and the annex's last heading are pushed across
// the page bottom by filler of growing length; in every position, no page is left with only a
// heading, a note or one line (report.css keep-with-previous rules), checked on the printed PDF.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartSpec, RenderedChart } from '../../src/charts/types.js';
import { renderPdf } from '../../src/pdf/index.js';
import { renderReport } from '../../src/render/render-report.js';
import type { RenderInput, SectionSource } from '../../src/render/types.js';
import { findFragmentPages, readPdfPages } from '../e2e/report-reading.js';
import { useSharedBrowser } from '../pdf/helpers.js';
import { cell, createFakeFigures, value } from './fake-figures.js';

const browser = useSharedBrowser();
const dir = mkdtempSync(join(tmpdir(), 'rapport-fragments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const figures = createFakeFigures(
  [
    value('trod.tests', 2025, 66, { libelle: 'Tests réalisés', unite: 'tests' }),
    cell('trod.tests', 2025, 'depistage', 'VIH', 30, { unite: 'tests' }),
    cell('trod.tests', 2025, 'depistage', 'VHC', 20, { unite: 'tests' }),
    cell('trod.tests', 2025, 'depistage', 'VHB', 14, { unite: 'tests' }),
    cell('trod.tests', 2025, 'depistage', 'Syphilis', null, { unite: 'tests' }),
  ],
  { year: 2025 },
);

async function drawChart(spec: ChartSpec): Promise<RenderedChart> {
  return { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', alt: spec.title, title: spec.title, width: 600, height: 300, fromCache: false };
}

function filler(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `Ligne de remplissage numéro ${i + 1}, assez courte pour tenir sur une ligne.`).join('\n\n');
}

function chapter(lines: number): SectionSource {
  const body = `${filler(lines)}\n\n## Résultats\n\n{{tableau "trod.tests" par="depistage"}}\n\nUne seule ligne de conclusion.\n`;
  return { id: `c${lines}`, title: `Chapitre ${lines}`, file: `sections/c${lines}.md`, body, bodyLine: 1 };
}

function input(sections: SectionSource[], checks: number): RenderInput {
  return {
    association: { nom: 'Les Lucioles', couleur: '#1f5f73' },
    year: 2025,
    title: "Rapport d'activité 2025",
    sections,
    figures,
    glossary: {},
    partners: [],
    funders: [],
    annex: {
      sources: [{ file: 'trod.csv', rows: 66, period: 'janvier à décembre 2025', refused: false }],
      checks: Array.from({ length: checks }, (_, i) => ({ severity: 'warning', message: `Constat de contrôle numéro ${i + 1}`, place: `trod.csv, ligne ${i + 2}` })),
      suppressed: [{ label: 'Tests réalisés — Syphilis', year: 2025, reason: 'seuil' }],
      threshold: 3,
      generatedAt: new Date('2026-02-01T10:00:00Z'),
      version: '0.0.0-test',
    },
    drawChart,
  };
}

async function printToFile(name: string, report: RenderInput): Promise<string> {
  const rendered = await renderReport(report);
  const pdf = await renderPdf({ browser: browser(), html: rendered.html, metadata: { title: 'essai', author: 'Les Lucioles', subject: 'essai', language: 'fr' } });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf.pdf);
  return path;
}

describe('no page holds only a fragment', () => {
  it('a heading, a table note or a closing line never sits alone on a page, wherever the page ends', async () => {
    // Each chapter starts on a page of its own: one chapter per filler length sweeps the page end.
    const sections = Array.from({ length: 26 }, (_, i) => chapter(14 + i));
    const path = await printToFile('chapitres', input(sections, 0));
    expect(readPdfPages(path).length).toBeGreaterThan(26);
    expect(findFragmentPages(path)).toEqual([]);
  });

  it("the annex's last heading never sits alone on the last page", async () => {
    const found: { checks: number; pages: unknown }[] = [];
    for (let checks = 12; checks <= 24; checks += 2) {
      const path = await printToFile(`annexe-${checks}`, input([chapter(1)], checks));
      const fragments = findFragmentPages(path);
      if (fragments.length > 0) found.push({ checks, pages: fragments });
    }
    expect(found).toEqual([]);
  });
});
