// Issue 7: sections adapt to the data present. `{{#si}}` tests breakdowns and N−1; a table or
// chart of a known figure with nothing for the year becomes a note and a warning (never an error);
// `{{comparatif}}` lists every counter; tiles follow the documented priority; wording fixes.
import { describe, expect, it } from 'vitest';
import { expandSection, type Placeholders } from '../../src/render/helpers.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderReport, titleHoldsName } from '../../src/render/render-report.js';
import type { RenderInput, RenderWarning } from '../../src/render/types.js';
import { UsageError } from '../../src/shared/errors.js';
import { cell, createFakeFigures, section, value, visibleText } from './fake-figures.js';

// Counters given in the file's column order (Préservatifs, Contacts, Personnes rencontrées),
// ids sorted alphabetically as the figure set sorts them.
const figures = {
  ...createFakeFigures(
    [
      value('maraudes.contacts', 2024, 180, { libelle: 'Contacts' }),
      value('maraudes.contacts', 2023, 150, { libelle: 'Contacts' }),
      value('maraudes.personnes_rencontrees', 2024, 90, { libelle: 'Personnes rencontrées' }),
      value('maraudes.personnes_rencontrees', 2023, 90, { libelle: 'Personnes rencontrées' }),
      value('maraudes.preservatifs', 2024, 0, { libelle: 'Préservatifs' }),
      value('maraudes.preservatifs', 2023, 0, { libelle: 'Préservatifs' }),
      value('maraudes.sessions', 2024, 20, { libelle: 'Maraudes réalisées' }),
      value('maraudes.sessions', 2023, 18, { libelle: 'Maraudes réalisées' }),
      value('maraudes.sites', 2024, 4, { libelle: 'Sites visités' }),
      value('maraudes.zeta', 2024, 7, { libelle: 'Zêta' }),
      cell('maraudes.sessions', 2024, 'site', 'Gare', 20),
      cell('maraudes.sessions', 2023, 'type', 'Sociale', 18),
      value('trod.tests', 2024, 30, { libelle: 'Tests réalisés', unite: 'tests' }),
      cell('trod.tests', 2023, 'genre', 'Femme', 12, { libelle: 'Tests réalisés', unite: 'tests' }),
    ],
    { year: 2024 },
  ),
  sourceOrder: () => ['maraudes.zeta', 'maraudes.preservatifs', 'maraudes.contacts', 'maraudes.personnes_rencontrees'],
};

function render(body: string): { html: string; text: string; warnings: RenderWarning[] } {
  const placeholders: Placeholders = { html: [], charts: new Map() };
  const warnings: RenderWarning[] = [];
  const html = renderMarkdown(expandSection(section(body, 'sections/essai.md', 5), figures, placeholders, [], warnings), placeholders);
  return { html, text: visibleText(html), warnings };
}

describe('{{#si}} tests what a block needs', () => {
  it('par="…": shown only when the breakdown has cells in the report year', () => {
    expect(render('{{#si "maraudes.sessions" par="site"}}oui{{else}}non{{/si}}').text).toBe('oui');
    // `type` exists in 2023 only; `creneau` never (no column).
    expect(render('{{#si "maraudes.sessions" par="type"}}oui{{else}}non{{/si}}').text).toBe('non');
    expect(render('{{#si "maraudes.sessions" par="creneau"}}oui{{else}}non{{/si}}').text).toBe('non');
    expect(render('{{#si "maraudes.sessions" par="creneau site"}}oui{{else}}non{{/si}}').text).toBe('oui');
  });

  it('comparable=true: shown only when N−1 has a value too', () => {
    expect(render('{{#si "maraudes.sessions" comparable=true}}oui{{else}}non{{/si}}').text).toBe('oui');
    expect(render('{{#si "maraudes.sites" comparable=true}}oui{{else}}non{{/si}}').text).toBe('non');
  });
});

describe('a table or chart of a known figure with no value in the year', () => {
  it('is replaced by a short French note and a warning naming the section file and line, not an error', () => {
    const { html, text, warnings } = render('Texte.\n\n{{tableau "trod.tests" par="genre"}}\n\n{{graphique "maraudes.sessions" par="type"}}');
    expect(html).not.toContain('<table');
    expect(text).toContain('Tests réalisés par genre : pas de donnée pour 2024.');
    expect(text).toContain('Maraudes réalisées par type : pas de donnée pour 2024.');
    expect(warnings).toEqual([
      { file: 'sections/essai.md', line: 7, message: 'Tests réalisés par genre : pas de donnée pour 2024, tableau remplacé par une note' },
      { file: 'sections/essai.md', line: 9, message: 'Maraudes réalisées par type : pas de donnée pour 2024, graphique remplacé par une note' },
    ]);
  });

  it('while an unknown dimension stays a build error (exit 2)', () => {
    expect(() => render('{{tableau "maraudes.sessions" par="creneau"}}')).toThrow(UsageError);
    expect(() => render('{{tableau "maraudes.sessions" par="creneau"}}')).toThrow(/sections\/essai\.md, ligne 5 : .*ventilation « creneau »/);
  });
});

describe('{{comparatif}} and tile order', () => {
  it('lists every counter with N−1, N and the change, in the documented priority', () => {
    const { html } = render('{{comparatif "maraudes.*"}}');
    const rows = [...html.matchAll(/<tr><td>(.*?)<\/td>/g)].map((m) => m[1]);
    // sessions, people, contacts, then the file's column order (zeta before préservatifs), then the rest.
    expect(rows).toEqual(['Maraudes réalisées', 'Personnes rencontrées', 'Contacts', 'Zêta', 'Préservatifs', 'Sites visités']);
    const text = visibleText(html);
    expect(text).toContain('Indicateur 2023 2024 Évolution');
    expect(text).toMatch(/Contacts 150 180 \+20\s%/);
    expect(text).toContain('Zêta — 7 —');
  });

  it('orders tiles by the same priority, never alphabetically', () => {
    const { html } = render('{{tuiles "maraudes.*"}}');
    const labels = [...html.matchAll(/<div class="libelle">(.*?)<\/div>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Maraudes réalisées', 'Personnes rencontrées', 'Contacts', 'Zêta', 'Préservatifs', 'Sites visités']);
  });
});

describe('wording', () => {
  it('0 → 0 is « stable », not « nouveau », in tiles and in the comparison table', () => {
    expect(render('{{tuiles "maraudes.preservatifs"}}').text).toContain('contre 0 en 2023 (stable)');
    expect(render('{{comparatif "maraudes.preservatifs"}}').text).toContain('Préservatifs 0 0 stable');
  });

  it('the footer does not repeat the association name when the title already holds it', async () => {
    expect(titleHoldsName("Rapport d'activité 2024 des Lucioles de Vernelle", 'Lucioles de Vernelle')).toBe(true);
    expect(titleHoldsName("Rapport d'activité 2024", 'Les Lucioles')).toBe(false);
    const base: RenderInput = {
      association: { nom: 'Les Lucioles', couleur: '#1f5f73' },
      year: 2024,
      title: "Rapport d'activité 2024 — association les lucioles",
      sections: [],
      figures,
      glossary: {},
      partners: [],
      funders: [],
      annex: { sources: [], checks: [], suppressed: [], threshold: 3, generatedAt: new Date('2025-01-01'), version: 'x' },
      drawChart: () => Promise.reject(new Error('no chart')),
    };
    const report = await renderReport(base);
    const footer = /@page\{@bottom-center\{content:"(.*?)"/.exec(report.html)?.[1] ?? '';
    expect(footer).toContain('association les lucioles');
    expect(footer).not.toMatch(/^Les Lucioles/);
    const named = await renderReport({ ...base, title: "Rapport d'activité 2024" });
    expect(/@page\{@bottom-center\{content:"(.*?)"/.exec(named.html)?.[1]).toMatch(/^Les Lucioles — Rapport d'activité 2024/);
  });
});
