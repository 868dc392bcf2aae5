// Section helpers that print one value: chiffre (by unit, suppressed cells), evolution, part,
// libelle, and the build errors that name the section file and line.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors.js';
import { createFakeFigures, renderBody, value, visibleText } from './fake-figures.js';
import { failure, figures, NBSP, NNBSP, say } from './sample-figures.js';

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
    const strict = createFakeFigures([value('x.y', 2023, null, { masque: 'seuil' })], { year: 2023, threshold: 5 });
    expect(visibleText(renderBody('{{chiffre "x.y"}}', strict))).toBe(`<${NBSP}5`);
  });

  it('prints a complementary cell, a rate or an amount that is hidden as « s », never « < 3 »', () => {
    const hidden = createFakeFigures(
      [
        value('x.y', 2023, null, { masque: 'secondaire' }),
        value('x.taux', 2023, null, { masque: 'associee', unite: '%' }),
        value('x.montant', 2023, null, { masque: 'seuil', unite: '€' }),
      ],
      { year: 2023 },
    );
    expect(visibleText(renderBody('{{chiffre "x.y"}} {{chiffre "x.taux"}} {{chiffre "x.montant"}}', hidden))).toBe('s s s');
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

  it('says there is no point of comparison when last year is missing, in words that read after « soit »', () => {
    expect(say('{{evolution "maraudes.nuit"}}')).toBe('sans point de comparaison en 2022');
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
