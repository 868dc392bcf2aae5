// The whole document HTML from sections and fake figures (no browser): escaping, placeholders,
// sommaire, glossary, single-section mode, self-containment.
import { describe, expect, it } from 'vitest';
import type { ChartSpec, RenderedChart } from '../../src/charts/types.js';
import { renderReport } from '../../src/render/render-report.js';
import type { RenderInput, SectionSource } from '../../src/render/types.js';
import { cell, createFakeFigures, decodeEntities, value, visibleText } from './fake-figures.js';

const figures = createFakeFigures(
  [
    value('maraudes.contacts', 2025, 17_855, { libelle: 'Contacts' }),
    value('maraudes.contacts', 2024, 15_746, { libelle: 'Contacts' }),
    value('maraudes.sessions', 2025, 9, { libelle: '**Maraudes** [réalisées](https://exemple.org/x)' }),
    cell('maraudes.sessions', 2025, 'site', '<script>alert(1)</script>', 5),
    cell('maraudes.sessions', 2025, 'site', 'Quai "Nord" & <b>Port</b>', 4),
  ],
  { year: 2025 },
);

function source(id: string, title: string, body: string): SectionSource {
  return { id, title, file: `sections/${id}.md`, body, bodyLine: 4 };
}

const drawn: ChartSpec[] = [];
async function drawChart(spec: ChartSpec): Promise<RenderedChart> {
  drawn.push(spec);
  return { svg: '<svg xmlns="http://www.w3.org/2000/svg" role="img"><rect width="1" height="1"/></svg>', alt: `${spec.title} : <données>`, title: spec.title, width: 600, height: 300, fromCache: false };
}

function input(overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    association: { nom: 'Les Lucioles', couleur: '#1f5f73' },
    year: 2025,
    title: "Rapport d'activité 2025",
    sections: [
      source('maraudes', 'Maraudes', 'Les TROD et la PASS.\n\n{{tableau "maraudes.sessions" par="site"}}\n\n{{graphique "maraudes.sessions" par="site" type="barres"}}'),
      source('notes', 'Notes & <remarques>', 'Texte brut <script>alert(2)</script>, et <img src=x onerror=alert(3)>.\n\n<b>{{chiffre "maraudes.contacts"}}</b>, contacts, *{{libelle "maraudes.sessions"}}*.'),
    ],
    figures,
    glossary: { PASS: "Permanence d'accès aux soins de santé", CCAS: "Centre communal d'action sociale" },
    partners: ['CeGIDD de Vernelle'],
    funders: [],
    annex: { sources: [{ file: 'maraudes.csv', rows: 9, period: 'janvier 2025', refused: false }], checks: [], suppressed: [], threshold: 3, generatedAt: new Date('2026-02-01T10:00:00Z'), version: '0.0.0-test' },
    drawChart,
    ...overrides,
  };
}

const report = await renderReport(input());
const bodyHtml = report.html.slice(report.html.indexOf('<body'));

describe('renderReport: data and section text never become markup', () => {
  it('contains no script element, no event handler attribute, no javascript: URL', () => {
    expect(report.html).not.toMatch(/<script/i);
    expect(report.html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(report.html).not.toMatch(/javascript:/i);
  });

  it('shows data that looks like HTML as text in the table', () => {
    const cells = [...bodyHtml.matchAll(/<td>(.*?)<\/td>/g)].map((m) => decodeEntities(m[1] ?? ''));
    expect(cells).toContain('<script>alert(1)</script>');
    expect(cells).toContain('Quai "Nord" & <b>Port</b>');
  });

  it('shows raw HTML written in a section as text', () => {
    const text = visibleText(bodyHtml);
    expect(text).toContain('Texte brut <script>alert(2)</script>, et');
    expect(text).toContain('<img src=x onerror=alert(3)>');
  });

  it('still fills a helper wrapped in raw HTML or Markdown, and never reads its output as Markdown', () => {
    const text = visibleText(bodyHtml);
    expect(text).toContain('<b>17\u202f855</b>, contacts');
    // The label holds Markdown syntax: printed as is, inside the section's own emphasis.
    expect(bodyHtml).toMatch(/<em>\*\*Maraudes\*\* \[réalisées\]\(https:\/\/exemple\.org\/x\)<\/em>/);
    expect(bodyHtml).not.toMatch(/<a [^>]*exemple\.org/);
  });

  it('escapes titles and chart texts', () => {
    expect(bodyHtml).toMatch(/<h1>Notes &#38; &#60;remarques&#62;<\/h1>/);
    // The chart's text alternative is its SVG's aria-label (charts stage), never repeated here.
    expect(bodyHtml).not.toContain('&#60;données&#62;');
  });
});

describe('renderReport: document structure', () => {
  it('draws each {{graphique}} once and inlines its SVG in a captioned figure', () => {
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ type: 'bar-vertical', labels: ['<script>alert(1)</script>', 'Quai "Nord" & <b>Port</b>'], series: [{ values: [5, 4] }] });
    expect(bodyHtml).toMatch(/<figure class="graphique"[^>]*><figcaption>[^<]+<\/figcaption><div class="svg"><svg /);
  });

  it('lists every chapter in the sommaire, in order, with an anchor that exists', () => {
    expect(report.entries.map((e) => e.title)).toEqual(['Maraudes', 'Notes & <remarques>', 'Partenaires et remerciements', 'Annexe méthodologique', 'Glossaire']);
    for (const anchor of report.anchors) expect(bodyHtml).toContain(`id="${anchor}"`);
    expect(new Set(report.anchors).size).toBe(report.anchors.length);
  });

  it('fills the sommaire page numbers given by the PDF stage', () => {
    const pages = new Map(report.anchors.map((anchor, index) => [anchor, index + 3]));
    const filled = report.fill(pages);
    const numbers = [...filled.matchAll(/<span class="page">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(numbers).toEqual(['3', '4', '5', '6', '7']);
  });

  it('has a glossary of only the acronyms used, built-in and from the config', () => {
    const glossary = bodyHtml.slice(bodyHtml.indexOf('id="glossaire"'));
    const terms = [...glossary.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
    // TROD and PASS from the section, CeGIDD from the partners; CCAS is configured but unused.
    expect(terms).toEqual(['CeGIDD', 'PASS', 'TROD']);
  });

  it('has no glossary chapter when no acronym is used', async () => {
    const plain = await renderReport(input({ sections: [source('a', 'A', 'Rien.')], partners: [] }));
    expect(plain.entries.map((e) => e.title)).not.toContain('Glossaire');
  });

  it('is self-contained: fonts inline, no remote reference', () => {
    expect(report.html).toMatch(/@font-face\{[^}]*src:url\(data:font\/ttf;base64,/);
    const references = [...report.html.matchAll(/(?:src|href)\s*=\s*"([^"]*)"|url\(([^)]*)\)/g)].map((m) => m[1] ?? m[2] ?? '');
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference).toMatch(/^(data:|#)/);
  });

  it('declares the language and prints the footer from CSS with the association name', () => {
    expect(report.html).toMatch(/<html lang="fr">/);
    expect(report.html).toMatch(/@bottom-center\{content:"Les Lucioles — Rapport d'activité 2025 — " counter\(page\)/);
  });
});

describe('renderReport: one section only (staff workflow)', () => {
  it('has no cover, no sommaire, no annex, and names the section in the header and footer', async () => {
    const single = await renderReport(input({ onlySection: 'maraudes' }));
    expect(single.html).not.toContain('class="couverture"');
    expect(single.html).not.toContain('class="chapitre sommaire"');
    expect(single.html).not.toContain('id="annexe-methodologique"');
    expect(single.html).not.toContain('Notes &#38;');
    expect(single.html).toMatch(/class="entete-section">Les Lucioles — Rapport d&#39;activité 2025 — section « Maraudes »/);
    expect(single.html).toMatch(/@bottom-center\{content:"Les Lucioles — Rapport d'activité 2025 — Maraudes — "/);
  });
});

// Bug: the footer text goes into a CSS string inside <style> without escaping "<": a name
// (config `association.nom`) containing "</style>" closes the style element and what follows
// becomes live markup of the document.
it('an association name cannot close the <style> element', async () => {
  const hostile = await renderReport(input({ association: { nom: 'Les Lucioles</style><script>alert(1)</script>', couleur: '#1f5f73' } }));
  expect(hostile.html).not.toMatch(/<script/i);
});
