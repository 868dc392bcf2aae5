// A funder's bilan as HTML: cover facts, one table per indicator type, « — » for a missing
// target, status in words, rates rounded, hidden cells with their mark and no rate.
import { describe, expect, it } from 'vitest';
import { renderAnnex } from '../../src/render/annex.js';
import { renderFundersIndicators, renderFunderTables } from '../../src/render/funder-table.js';
import { renderFunderBilan } from '../../src/render/render-funder-bilan.js';
import { createFakeFigures, decodeEntities, section } from './fake-figures.js';
import { row, sampleBilan } from './funder-bilan-sample.js';

const ASSOCIATION = { nom: 'Association Les Lucioles', couleur: '#1f5f73' };

/** Cells of each body row of the table following `title`, tags stripped, entities decoded. */
function tableAfter(html: string, title: string): string[][] {
  const start = html.indexOf(`>${title}<`);
  expect(start, title).toBeGreaterThan(-1);
  const table = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decodeEntities((c[1] ?? '').replace(/<[^>]+>/g, '')).replace(/[\u00a0\u202f]/g, ' ')),
  );
}

describe('renderFunderTables', () => {
  const html = renderFunderTables(sampleBilan(), { headingLevel: 2 });

  it('prints one table per indicator type, résultats first, rows in config order', () => {
    expect(html.indexOf('Indicateurs de résultats')).toBeLessThan(html.indexOf('Indicateurs de moyens'));
    expect(tableAfter(html, 'Indicateurs de résultats').map((cells) => cells[0])).toEqual([
      'Nombre de TROD VIH réalisés',
      'Personnes dépistées',
      'Tests positifs syphilis',
    ]);
    expect(tableAfter(html, 'Indicateurs de moyens').map((cells) => cells[0])).toEqual(['Sessions de maraude', 'Montant des aides versées']);
  });

  it('prints expected, obtained N, rate, N−1 and the status in words with a symbol', () => {
    const [vih, personnes] = tableAfter(html, 'Indicateurs de résultats');
    expect(vih).toEqual(['Nombre de TROD VIH réalisés', '100', '73', '73 %', '64', '✘ non atteint']);
    expect(personnes).toEqual(['Personnes dépistées', '1 200', '1 534', '128 %', '1 320', '✔ atteint']);
  });

  it('prints « — » for a missing target and for a missing N−1, and « sans cible »', () => {
    const [sessions, aides] = tableAfter(html, 'Indicateurs de moyens');
    expect(sessions).toEqual(['Sessions de maraude', '—', '212', '—', '198', 'sans cible']);
    expect(aides).toEqual(['Montant des aides versées', '20 000,00 €', '18 250,50 €', '91 %', '—', '✘ non atteint']);
  });

  it('shows the mark of a hidden cell, no rate, « non disponible », and the report\'s notes for each mark', () => {
    const hidden = tableAfter(html, 'Indicateurs de résultats')[2];
    expect(hidden).toEqual(['Tests positifs syphilis', '5', '< 3', '—', 's', 'non disponible']);
    const text = decodeEntities(html);
    expect(text).toContain('effectif inférieur à 3');
    expect(text).toContain('elle peut être grande ou nulle');
  });

  it('prints no secrecy note when no cell is hidden, and nothing for a funder without indicators', () => {
    const plain = renderFunderTables(sampleBilan({ rows: [row('A', { expected: 10, obtained: { valeur: 12 }, rate: 120, status: 'atteint' })] }), { headingLevel: 4 });
    expect(plain).toContain('<h4>Indicateurs de résultats</h4>');
    expect(plain).not.toContain('Indicateurs de moyens');
    expect(plain).not.toContain('secret statistique)');
    expect(renderFunderTables(sampleBilan({ rows: [] }), { headingLevel: 2 })).toBe('');
  });

  it('escapes the wording of the convention', () => {
    const escaped = renderFunderTables(sampleBilan({ rows: [row('<b>TROD</b> & co')] }), { headingLevel: 2 });
    expect(escaped).not.toContain('<b>TROD');
    expect(decodeEntities(escaped)).toContain('<b>TROD</b> & co');
  });
});

describe('renderFunderBilan', () => {
  const figures = createFakeFigures([], { year: 2025 });
  const drawChart = () => Promise.reject(new Error('no chart expected'));

  it('is a French document titled « Bilan <funder> <N> — <association> » with the cover facts', async () => {
    const rendered = await renderFunderBilan({ association: ASSOCIATION, bilan: sampleBilan(), sections: [], figures, drawChart, version: '1.0.0' });
    expect(rendered.title).toBe('Bilan ARS Île-de-France 2025 — Association Les Lucioles');
    expect(rendered.html).toContain('<html lang="fr">');
    const text = decodeEntities(rendered.html);
    expect(text).toContain('<title>Bilan ARS Île-de-France 2025 — Association Les Lucioles</title>');
    for (const fact of ['Prévention et dépistage hors les murs', '2023-ARS-042', 'ARS Île-de-France', 'Association Les Lucioles']) expect(text).toContain(fact);
    // The footer « Association — Bilan ARS 2025 — X / Y ».
    expect(rendered.html).toMatch(/@page\{@bottom-center\{content:"Association Les Lucioles — Bilan ARS Île-de-France 2025 — " counter\(page\)/);
  });

  it('renders the funder\'s sections with the report\'s helpers, after the tables and before the method note', async () => {
    const withSection = createFakeFigures([{ indicateur: 'trod.tests', annee: 2025, dimension: '', modalite: '', valeur: 812, unite: '', libelle: 'tests' }], { year: 2025 });
    const own = { ...section('En {{annee}}, **{{chiffre "trod.tests"}}** tests.'), id: 'ars', title: 'Faits marquants' };
    const rendered = await renderFunderBilan({ association: ASSOCIATION, bilan: sampleBilan(), sections: [own], figures: withSection, drawChart, version: '1.0.0' });
    const text = decodeEntities(rendered.html);
    expect(text).toContain('En 2025, <strong>812</strong> tests.');
    const order = ['Indicateurs de résultats', 'Faits marquants', 'Note méthodologique'].map((title) => text.indexOf(`>${title}<`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(-1);
  });

  it('names the sources, their period and the threshold in the method note', async () => {
    const rendered = await renderFunderBilan({ association: ASSOCIATION, bilan: sampleBilan(), sections: [], figures, drawChart, version: '1.0.0' });
    const note = decodeEntities(rendered.html.slice(rendered.html.indexOf('Note méthodologique')));
    expect(note).toContain('trod.csv');
    expect(note).toContain('du 2 janvier 2025 au 30 décembre 2025');
    expect(note).toMatch(/entre 1 et 2 sont affichés «\u00a0<\u00a03\u00a0»/);
    const open = await renderFunderBilan({ association: ASSOCIATION, bilan: sampleBilan({ threshold: 0 }), sections: [], figures, drawChart, version: '1.0.0' });
    expect(decodeEntities(open.html)).toContain('secret statistique est désactivé');
  });
});

describe('the main report\'s funders page and annex', () => {
  const ville = sampleBilan({ id: 'ville', nom: 'Ville de Vernelle', action: undefined, convention: undefined, rows: [row('Personnes domiciliées', { expected: 250, obtained: { valeur: 273 }, rate: 109, status: 'atteint' })] });

  it('lists each funder with indicators, in order, with its own tables and one reading note for all', () => {
    const html = decodeEntities(renderFundersIndicators([sampleBilan(), ville, sampleBilan({ id: 'vide', nom: 'Sans indicateurs', rows: [] })]));
    expect(html.indexOf('<h3>ARS Île-de-France</h3>')).toBeLessThan(html.indexOf('<h3>Ville de Vernelle</h3>'));
    expect(html).not.toContain('Sans indicateurs');
    expect(html).toContain('Prévention et dépistage hors les murs — convention 2023-ARS-042');
    expect(html.match(/<h4>Indicateurs de résultats<\/h4>/g)).toHaveLength(2);
    expect(html.match(/Taux de réalisation\u00a0: valeur obtenue/g)).toHaveLength(1);
    expect(tableAfter(html, 'Ville de Vernelle')[0]).toEqual(['Personnes domiciliées', '250', '273', '109 %', '—', '✔ atteint']);
    expect(renderFundersIndicators([])).toBe('');
  });

  it('says in the annex which bilans were produced', () => {
    const annex = { sources: [], checks: [], suppressed: [], threshold: 3, version: '1.0.0' };
    expect(renderAnnex(annex)).not.toContain('Bilans des financeurs');
    const html = decodeEntities(renderAnnex({ ...annex, funderBilans: [{ nom: 'ARS Île-de-France', pdf: 'financeurs/ars-2025.pdf', csv: 'financeurs/ars-2025.csv' }] }));
    expect(html).toContain('<h2>Bilans des financeurs</h2>');
    expect(html).toContain('ARS Île-de-France\u00a0: financeurs/ars-2025.pdf (PDF) et financeurs/ars-2025.csv (tableau CSV)');
  });
});
