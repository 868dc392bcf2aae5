import { describe, expect, it } from 'vitest';
import { counterKey, headerKey, looseValueKey, normalizeHeader, stripAccents, valueKey } from '../../src/shared/normalize.js';

describe('normalizeHeader', () => {
  it.each([
    ['Montant (€)', 'montant'],
    ['Créneau', 'creneau'],
    ["Date de l'aide", 'date_de_l_aide'],
    ['Date de l’aide', 'date_de_l_aide'],
    ['  Personnes   rencontrées ', 'personnes_rencontrees'],
    ['RÉSULTAT', 'resultat'],
    ['Nb. de préservatifs', 'nb_de_preservatifs'],
    ['Œuvre', 'oeuvre'],
    ['E-mail', 'e_mail'],
    ['Tranche d’âge', 'tranche_d_age'],
    ['(€)', ''],
  ])('%s → %s', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('headerKey (French joiners ignored between words)', () => {
  it.each([
    ['Date de radiation', 'date_radiation'],
    ['Date de fin', 'date_fin'],
    ["Date de l'aide", 'date_aide'],
    ['Date du test', 'date_test'],
    ['Nombre des ayants droit', 'nombre_ayants_droit'],
    ['Tranche d’âge', 'tranche_age'],
    ['date_radiation', 'date_radiation'],
    ['Type de la demande', 'type_demande'],
  ])('%s → %s', (header, expected) => {
    expect(headerKey(header)).toBe(expected);
  });

  it('keeps a header made only of a joiner', () => {
    expect(headerKey('de')).toBe('de');
    expect(headerKey('La')).toBe('la');
  });
});

describe('value keys', () => {
  it('ignores case, accents and repeated spaces but keeps punctuation', () => {
    expect(valueKey('  Négatif  ')).toBe('negatif');
    expect(valueKey('Hépatite   C')).toBe('hepatite c');
    expect(valueKey('-')).toBe('-');
    expect(valueKey('+')).toBe('+');
  });

  it('loose key treats a hyphen inside a word as a space (bug: "Hépatite-C" was refused)', () => {
    expect(looseValueKey('Hépatite-C')).toBe(looseValueKey('hepatite c'));
    expect(looseValueKey('VIH 1/2')).toBe('vih 1 2');
  });

  it('loose key keeps a lone sign, so "-" and "+" never meet', () => {
    expect(looseValueKey('-')).not.toBe(looseValueKey('+'));
    expect(looseValueKey('(+)')).toBe('+');
  });

  it('stripAccents removes combining marks only', () => {
    expect(stripAccents('àéèêëïôùç')).toBe('aeeeeiouc');
  });

  it('counter key drops joiners and a leading « Nb de » / « Nombre de » (bug: « Nb de contacts » gave nb_de_contacts)', () => {
    expect(counterKey('Nb de contacts')).toBe('contacts');
    expect(counterKey('Nombre de contacts')).toBe('contacts');
    expect(counterKey('Nbre de préservatifs')).toBe('preservatifs');
    expect(counterKey("Nombre d'entretiens santé")).toBe('entretiens_sante');
    expect(counterKey('Contacts')).toBe('contacts');
    expect(counterKey('Kits de réduction des risques')).toBe('kits_reduction_risques');
  });

  it('counter key keeps « Nb » or « Nombre » when nothing follows', () => {
    expect(counterKey('Nb')).toBe('nb');
    expect(counterKey('Nombre')).toBe('nombre');
  });
});

