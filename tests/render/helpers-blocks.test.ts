// Section helpers that print blocks: key-figure tiles, breakdown tables with shares and total,
// typologies with subtotals, conditional blocks.
import { describe, expect, it } from 'vitest';
import { createFakeFigures, renderBody, value, visibleText } from './fake-figures.js';
import { failure, figures, NBSP, NNBSP, say } from './sample-figures.js';

describe('tuiles', () => {
  it('gives each tile its value, label and comparison with last year', () => {
    const html = renderBody('{{tuiles "maraudes.preservatifs" "aides.montant"}}', figures);
    expect(html.match(/class="tuile"/g)).toHaveLength(2);
    const text = visibleText(html);
    expect(text).toContain(`133${NNBSP}892 Préservatifs distribués contre 81${NNBSP}051 en 2022 (+65${NBSP}%)`);
    expect(text).toContain(`9${NNBSP}589,40${NBSP}€ Montant des aides contre 8${NNBSP}618,43${NBSP}€ en 2022 (+11${NBSP}%)`);
    expect(html).toMatch(/class="comparaison hausse"/);
  });

  it('marks a fall and says "stable" for an unchanged value', () => {
    const html = renderBody('{{tuiles "maraudes.sessions" "maraudes.sites"}}', figures);
    expect(html).toMatch(/class="comparaison baisse"[^>]*>contre 100 en 2022 \(\u22125\u00a0%\)/);
    expect(visibleText(html)).toContain('contre 12 en 2022 (stable)');
  });

  it('compares with a suppressed value without computing a change', () => {
    const text = visibleText(renderBody('{{tuiles "trod.positifs"}}', figures));
    expect(text).toBe(`7 Tests positifs contre <${NBSP}3 en 2022`);
  });

  it('expands a prefix, applies sauf= and limite=', () => {
    const html = renderBody('{{tuiles "maraudes.*" sauf="maraudes.sites" limite=3}}', figures);
    expect(html.match(/class="tuile"/g)).toHaveLength(3);
    expect(visibleText(html)).not.toContain('Sites visités');
  });

  it('skips an absent figure only when optionnel=true', () => {
    expect(renderBody('{{tuiles "maraudes.sites" "accueil.passages" optionnel=true}}', figures).match(/class="tuile"/g)).toHaveLength(1);
    expect(failure('{{tuiles "maraudes.sites" "accueil.passages"}}').message).toContain('accueil.passages');
  });
});

describe('tableau', () => {
  const html = renderBody('{{tableau "trod.tests" par="depistage"}}', figures);
  const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => visibleText(m[1] ?? ''));

  it('has a caption naming the figure, the dimension and the year', () => {
    expect(html).toMatch(/<caption>Tests réalisés par dépistage en 2023<\/caption>/);
  });

  it('lists each modalite with its count and share, largest first, then the total', () => {
    expect(rows).toEqual([
      'Dépistage Tests Part',
      `VIH 106 42,6${NBSP}%`,
      `VHC 67 26,9${NBSP}%`,
      `VHB 42 16,9${NBSP}%`,
      `Syphilis 34 13,7${NBSP}%`,
      `Total 249 100${NBSP}%`,
    ]);
  });

  it('masks small cells, gives them no share and explains why', () => {
    const masked = renderBody('{{tableau "trod.positifs" par="depistage" titre="Positifs"}}', figures);
    const text = visibleText(masked);
    expect(text).toContain(`VIH <${NBSP}3 —`);
    expect(text).toContain(`Syphilis 5 71,4${NBSP}%`);
    expect(text).toMatch(/secret statistique/);
    expect(masked).toMatch(/<caption>Positifs<\/caption>/);
  });

  it('rejects an unknown dimension, listing the available ones', () => {
    const error = failure('{{tableau "trod.tests" par="genre"}}');
    expect(error.message).toContain('« genre »');
    expect(error.hint).toContain('depistage');
  });
});

describe('typologie', () => {
  const html = renderBody('{{typologie "aides.nombre" par="nature" montant="aides.montant"}}', figures);
  const rows = [...html.matchAll(/<tr([^>]*)>(.*?)<\/tr>/g)].map((m) => ({ attributes: m[1] ?? '', text: visibleText(m[2] ?? '') }));

  it('groups the natures by category, each with a subtotal of counts and amounts', () => {
    const texts = rows.map((r) => r.text);
    const daily = texts.indexOf('Aide à la vie quotidienne');
    expect(daily).toBeGreaterThan(0);
    expect(texts.slice(daily + 1, daily + 6)).toEqual([
      `Chèques de service 100 4${NNBSP}550,00${NBSP}€`,
      `Régularisation administrative 23 1${NNBSP}800,00${NBSP}€`,
      `Transport 12 685,80${NBSP}€`,
      `Frais de santé 4 184,15${NBSP}€`,
      `Sous-total Aide à la vie quotidienne 139 7${NNBSP}219,95${NBSP}€`,
    ]);
    expect(rows[daily + 5]?.attributes).toContain('sous-total');
  });

  it('prints a subtotal that would reveal a masked cell as « s », never « < 3 », and explains both marks', () => {
    const texts = rows.map((r) => r.text);
    const lodging = texts.indexOf('Hébergement');
    expect(texts.slice(lodging + 1, lodging + 4)).toEqual([
      `Maintien dans le logement 4 2${NNBSP}045,62${NBSP}€`,
      `Nuitée d’hôtel <${NBSP}3 s`,
      'Sous-total Hébergement s s',
    ]);
    const notes = visibleText(html.slice(html.indexOf('</table>')));
    expect(notes).toContain(`«${NBSP}<${NBSP}3${NBSP}»${NBSP}: effectif inférieur à 3`);
    expect(notes).toContain(`«${NBSP}s${NBSP}»${NBSP}: valeur masquée pour qu'une petite case ne puisse pas être recalculée`);
  });

  it('puts natures without a category under "Autres" and ends with the grand total', () => {
    const texts = rows.map((r) => r.text);
    expect(texts).toContain('Autres');
    expect(texts).toContain('Sous-total Autres 6 120,00\u00a0€');
    expect(texts.at(-1)).toBe(`Total 150 9${NNBSP}589,40${NBSP}€`);
  });

  it('orders the categories by decreasing subtotal', () => {
    const texts = rows.map((r) => r.text);
    expect(texts.indexOf('Aide à la vie quotidienne')).toBeLessThan(texts.indexOf('Autres'));
  });

  it('refuses a breakdown that has no categories', () => {
    expect(failure('{{typologie "trod.tests" par="depistage"}}').message).toMatch(/regroupement/);
  });
});

describe('si', () => {
  it('shows its block only for a figure that exists', () => {
    expect(say('{{#si "maraudes.sites"}}oui{{else}}non{{/si}}')).toBe('oui');
    expect(say('{{#si "accueil.passages"}}oui{{else}}non{{/si}}')).toBe('non');
  });

  it('with non_nul=true, hides its block for a zero value', () => {
    const zero = createFakeFigures([value('domiciliations.refus', 2023, 0)], { year: 2023 });
    expect(visibleText(renderBody('{{#si "domiciliations.refus" non_nul=true}}refus{{/si}}', zero))).toBe('');
    expect(visibleText(renderBody('{{#si "domiciliations.refus"}}refus{{/si}}', zero))).toBe('refus');
  });
});
