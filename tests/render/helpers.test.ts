// The Handlebars helpers of section files, on a small fake set of published figures: values
// formatted by unit, suppressed cells, evolutions, shares, tiles, tables, typologies, errors.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors.js';
import { cell, createFakeFigures, renderBody, value, visibleText } from './fake-figures.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const figures = createFakeFigures(
  [
    value('maraudes.preservatifs', 2023, 133_892, { libelle: 'Préservatifs distribués' }),
    value('maraudes.preservatifs', 2022, 81_051, { libelle: 'Préservatifs distribués' }),
    value('maraudes.sites', 2023, 12, { libelle: 'Sites visités' }),
    value('maraudes.sites', 2022, 12, { libelle: 'Sites visités' }),
    value('maraudes.sessions', 2023, 95, { libelle: 'Maraudes réalisées' }),
    value('maraudes.sessions', 2022, 100, { libelle: 'Maraudes réalisées' }),
    value('maraudes.entretiens', 2023, 7, { libelle: 'Entretiens santé' }),
    value('maraudes.entretiens', 2022, 0, { libelle: 'Entretiens santé' }),
    value('maraudes.nuit', 2023, 4, { libelle: 'Maraudes de nuit' }),
    value('aides.montant', 2023, 9589.4, { unite: '€', libelle: 'Montant des aides' }),
    value('aides.montant', 2022, 8618.43, { unite: '€', libelle: 'Montant des aides' }),
    value('aides.montant_moyen', 2023, 12.5, { libelle: 'Montant moyen' }),
    value('trod.taux', 2023, 50.27, { unite: '%', libelle: 'Taux de positivité' }),
    value('trod.tests', 2023, 249, { unite: 'tests', libelle: 'Tests réalisés' }),
    value('trod.tests', 2022, 2, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'VIH', 106, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'VHC', 67, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'VHB', 42, { unite: 'tests', libelle: 'Tests réalisés' }),
    cell('trod.tests', 2023, 'depistage', 'Syphilis', 34, { unite: 'tests', libelle: 'Tests réalisés' }),
    value('trod.positifs', 2023, 7, { libelle: 'Tests positifs' }),
    value('trod.positifs', 2022, null, { libelle: 'Tests positifs' }),
    cell('trod.positifs', 2023, 'depistage', 'VIH', null, { libelle: 'Tests positifs' }),
    cell('trod.positifs', 2023, 'depistage', 'Syphilis', 5, { libelle: 'Tests positifs' }),
    cell('trod.positifs', 2023, 'depistage', 'VHC', null, { libelle: 'Tests positifs' }),
    value('domiciliations.personnes', 2023, 273, { libelle: 'Personnes domiciliées' }),
    value('domiciliations.renouvellements', 2023, 113, { libelle: 'Renouvellements' }),
    value('aides.nombre', 2023, 150, { libelle: 'Aides attribuées' }),
    ...(
      [
        ['Chèques de service', 100, 4550],
        ['Transport', 12, 685.8],
        ['Régularisation administrative', 23, 1800],
        ['Frais de santé', 4, 184.15],
        ['Nuitée d’hôtel', 1, 80],
        ['Maintien dans le logement', 4, 2045.62],
        ['Autre chose', 6, 120],
      ] as const
    ).flatMap(([nature, count, amount]) => [
      cell('aides.nombre', 2023, 'nature', nature, count === 1 ? null : count, { libelle: 'Aides attribuées' }),
      cell('aides.montant', 2023, 'nature', nature, amount, { unite: '€', libelle: 'Montant des aides' }),
    ]),
  ],
  {
    year: 2023,
    threshold: 3,
    parents: {
      'aides.nombre|nature': {
        'Chèques de service': 'Aide à la vie quotidienne',
        Transport: 'Aide à la vie quotidienne',
        'Régularisation administrative': 'Aide à la vie quotidienne',
        'Frais de santé': 'Aide à la vie quotidienne',
        'Nuitée d’hôtel': 'Hébergement',
        'Maintien dans le logement': 'Hébergement',
      },
    },
  },
);

/** Visible text of a one-paragraph section. */
function say(body: string): string {
  return visibleText(renderBody(body, figures));
}

function failure(body: string): UsageError {
  try {
    renderBody(body, figures);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no error for ${body}`);
}

describe('chiffre', () => {
  it('formats integers with a narrow no-break space between thousands', () => {
    expect(say('{{chiffre "maraudes.preservatifs"}}')).toBe(`133${NNBSP}892`);
  });

  it('formats euros with two decimals, a decimal comma and a no-break space before €', () => {
    expect(say('{{chiffre "aides.montant"}}')).toBe(`9${NNBSP}589,40${NBSP}€`);
  });

  it('formats percentages with one decimal and a no-break space before %', () => {
    expect(say('{{chiffre "trod.taux"}}')).toBe(`50,3${NBSP}%`);
  });

  it('keeps a decimal value that has no unit readable', () => {
    expect(say('{{chiffre "aides.montant_moyen"}}')).toBe('12,5');
  });

  it('reads a breakdown cell, the modalite matched ignoring case', () => {
    expect(say('{{chiffre "trod.tests" depistage="VIH"}}')).toBe('106');
    expect(say('{{chiffre "trod.tests" depistage="syphilis"}}')).toBe('34');
  });

  it('shows a suppressed value as "< 3", escaped in the HTML', () => {
    const html = renderBody('{{chiffre "trod.positifs" depistage="VIH"}}', figures);
    expect(html).not.toMatch(/<\u00a0?3/);
    expect(visibleText(html)).toBe(`<${NBSP}3`);
  });

  it('uses the configured threshold in the "<" text', () => {
    const strict = createFakeFigures([value('x.y', 2023, null)], { year: 2023, threshold: 5 });
    expect(visibleText(renderBody('{{chiffre "x.y"}}', strict))).toBe(`<${NBSP}5`);
  });

  it('reads another year with annee=', () => {
    expect(say('{{chiffre "maraudes.preservatifs" annee=2022}}')).toBe(`81${NNBSP}051`);
  });
});

describe('evolution', () => {
  it('words a rise with its percentage, the year and the previous value', () => {
    expect(say('{{evolution "maraudes.preservatifs"}}')).toBe(`+65${NBSP}% par rapport à 2022 (81${NNBSP}051)`);
  });

  it('words a fall with a true minus sign and one decimal under 10 %', () => {
    expect(say('{{evolution "maraudes.sessions"}}')).toBe(`\u22125${NBSP}% par rapport à 2022 (100)`);
  });

  it('says "stable" when the value did not change', () => {
    expect(say('{{evolution "maraudes.sites"}}')).toBe('stable par rapport à 2022 (12)');
  });

  it('says "nouveau" when last year was zero', () => {
    expect(say('{{evolution "maraudes.entretiens"}}')).toMatch(/^nouveau\b.*2022/);
  });

  it('says there is no data when last year is missing', () => {
    expect(say('{{evolution "maraudes.nuit"}}')).toBe('pas de donnée pour 2022');
  });

  it('never derives a change from a suppressed value', () => {
    const text = say('{{evolution "trod.positifs"}}');
    expect(text).not.toMatch(/%/);
    expect(text).not.toMatch(/\d/);
  });
});

describe('part', () => {
  it('gives the share of a figure in another one', () => {
    expect(say('{{part "domiciliations.renouvellements" sur="domiciliations.personnes"}}')).toBe(`41,4${NBSP}%`);
  });

  it('gives the share of a cell in its own total by default', () => {
    expect(say('{{part "trod.tests" depistage="VIH"}}')).toBe(`42,6${NBSP}%`);
  });

  it('prints a dash rather than a share of a suppressed cell', () => {
    expect(say('{{part "trod.positifs" depistage="VIH"}}')).toBe('—');
  });
});

describe('libelle', () => {
  it('prints the label of a figure as text', () => {
    expect(say('{{libelle "maraudes.preservatifs"}}')).toBe('Préservatifs distribués');
  });
});

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

  it('does not publish a subtotal that would reveal a masked cell', () => {
    const texts = rows.map((r) => r.text);
    const lodging = texts.indexOf('Hébergement');
    expect(texts.slice(lodging + 1, lodging + 4)).toEqual([
      `Maintien dans le logement 4 2${NNBSP}045,62${NBSP}€`,
      `Nuitée d’hôtel <${NBSP}3 80,00${NBSP}€`,
      `Sous-total Hébergement <${NBSP}3 2${NNBSP}125,62${NBSP}€`,
    ]);
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

describe('errors name the file and the line of the section', () => {
  // The section body starts on line 5 of sections/essai.md (after its front matter).
  it('an unknown figure id, suggesting the closest one', () => {
    const error = failure('Premier paragraphe.\n\nEn 2023, {{chiffre "trod.test"}} tests.');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('sections/essai.md, ligne 7');
    expect(error.message).toContain('« trod.tests »');
  });

  it('an unknown modalite, suggesting the closest one', () => {
    const error = failure('{{chiffre "trod.tests" depistage="VIX"}}');
    expect(error.message).toContain('sections/essai.md, ligne 5');
    expect(error.message).toContain('« VIX »');
    expect(error.message).toContain('« VIH »');
  });

  it('an unknown helper', () => {
    const error = failure('\n{{chifre "trod.tests"}}');
    expect(error.message).toContain('ligne 6');
    expect(error.message).toContain('chifre');
  });

  it('a broken {{…}} syntax', () => {
    const error = failure('a\nb\n{{chiffre "trod.tests"');
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/sections\/essai\.md, ligne \d+/);
  });

  it('two filters at once', () => {
    expect(failure('{{chiffre "trod.tests" depistage="VIH" genre="Femme"}}').message).toMatch(/une seule ventilation/);
  });
});
