import { describe, expect, it } from 'vitest';
import { expandSection, type Placeholders } from '../../src/render/helpers.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { createFakeFigures, section, value, visibleText } from './fake-figures.js';

const figures = createFakeFigures([value('maraudes.sessions', 2025, 209, { libelle: 'Maraudes réalisées', unite: 'maraudes' })], { year: 2025 });

function render(body: string, objectives: { id: string; expected: number; label?: string }[]): string {
  const placeholders: Placeholders = { html: [], charts: new Map() };
  return renderMarkdown(expandSection(section(body), figures, placeholders, objectives), placeholders);
}

describe('{{objectifs}}: the funders table of config `objectifs` (the key was accepted but printed nowhere)', () => {
  it('prints expected, obtained and the completion rate', () => {
    const text = visibleText(render('{{objectifs}}', [{ id: 'maraudes.sessions', expected: 200 }]));
    expect(text).toContain('Maraudes réalisées');
    expect(text).toContain('200');
    expect(text).toContain('209');
    expect(text).toContain('104,5\u00a0%');
  });

  it('uses the label given in the config', () => {
    expect(visibleText(render('{{objectifs}}', [{ id: 'maraudes.sessions', expected: 200, label: 'Sorties' }]))).toContain('Sorties');
  });

  it('prints nothing, and {{#if objectifs}} hides its heading, when the config has none', () => {
    expect(visibleText(render('{{#if objectifs}}## Objectifs{{/if}}{{objectifs}}', [])).trim()).toBe('');
  });

  it('an unknown figure id in objectifs is a build error naming rapport.yaml', () => {
    expect(() => render('{{objectifs}}', [{ id: 'maraudes.sesions', expected: 1 }])).toThrow(/objectifs : chiffre inconnu « maraudes.sesions »/);
  });
});
