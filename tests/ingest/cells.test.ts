import { describe, expect, it } from 'vitest';
import {
  CellFailure,
  looksPersonal,
  parseAmount,
  parseBoolean,
  parseCount,
  parseDate,
  parseIndicatorId,
  parseNumber,
  parsePersonCode,
  parsePositiveCount,
  parseYear,
} from '../../src/ingest/cells.js';

/** The `expected` text of a refused cell, or a marker when the cell was accepted. */
function refusal(result: unknown): string {
  return result instanceof CellFailure ? result.expected : `ACCEPTÉ: ${String(result)}`;
}

describe('parseDate', () => {
  it.each([
    ['2023-03-15', '2023-03-15'],
    ['15/03/2023', '2023-03-15'],
    ['15-03-2023', '2023-03-15'],
    ['15.03.2023', '2023-03-15'],
    ['5/3/2023', '2023-03-05'],
    ['2023-3-5', '2023-03-05'],
  ])('accepts %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ['15/03/2023 14:30', '2023-03-15'],
    ['15/03/2023 14:30:05', '2023-03-15'],
    ['15/03/2023 14h30', '2023-03-15'],
    ['2023-03-15 09:00', '2023-03-15'],
    ['2023-03-15T09:00:00', '2023-03-15'],
    ['2023-03-15T09:00:00Z', '2023-03-15'],
    ['2023-03-15T09:00:00+01:00', '2023-03-15'],
  ])('accepts a time part: %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('refuses impossible dates with a calendar explanation', () => {
    expect(refusal(parseDate('31/02/2023'))).toMatch(/n'existe pas dans le calendrier/);
    expect(refusal(parseDate('31/04/2023'))).toMatch(/n'existe pas dans le calendrier/);
    expect(refusal(parseDate('15/13/2023'))).toMatch(/le mois 13 n'existe pas/);
    expect(refusal(parseDate('2023-13-01'))).toMatch(/le mois 13 n'existe pas/);
    expect(refusal(parseDate('00/01/2023'))).toMatch(/calendrier/);
  });

  it('knows leap years', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseDate('29/02/2023')).toBeInstanceOf(CellFailure);
    expect(parseDate('29/02/1900')).toBeInstanceOf(CellFailure);
  });

  it("accepts French Excel's short dates jj/mm/aa, in the 2000s", () => {
    expect(parseDate('15/03/23')).toBe('2023-03-15');
    expect(parseDate('6/1/24')).toBe('2024-01-06');
    expect(refusal(parseDate('29/02/23'))).toMatch(/calendrier/);
  });

  it.each(['2023/03/15', '15 mars 2023', 'mars 2023', '45000', '15/03-2023', 'hier'])('refuses %s', (raw) => {
    expect(refusal(parseDate(raw))).toMatch(/une date \(jj\/mm\/aaaa, jj\/mm\/aa ou aaaa-mm-jj\)/);
  });

  it('refuses years outside 1900–2100 (a typo such as 2203)', () => {
    expect(refusal(parseDate('15/03/2203'))).toMatch(/année entre 1900 et 2100/);
  });
});

describe('parseCount (integer counters)', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
    ['133 892', 133892],
  ])('accepts %j', (raw, value) => {
    expect(parseCount(raw)).toBe(value);
  });

  it('refuses a decimal', () => {
    expect(refusal(parseCount('12,5'))).toMatch(/pas de décimale/);
    expect(refusal(parseCount('12.0'))).toMatch(/pas de décimale/);
  });

  it('refuses a negative count', () => {
    expect(refusal(parseCount('-3'))).toMatch(/négatif/);
    expect(refusal(parseCount('-1,5'))).toMatch(/négatif/);
  });

  it.each(['douze', '12a', 'x', '1e3', '+3'])('refuses %j', (raw) => {
    expect(refusal(parseCount(raw))).toMatch(/un nombre entier positif ou nul/);
  });
});

describe('parsePositiveCount (`nombre`)', () => {
  it('accepts 1 and more', () => {
    expect(parsePositiveCount('1')).toBe(1);
    expect(parsePositiveCount('2 000')).toBe(2000);
  });

  it.each(['0', '-2', '1,5', 'deux'])('refuses %j', (raw) => {
    expect(refusal(parsePositiveCount(raw))).toMatch(/supérieur ou égal à 1/);
  });
});

describe('parseAmount (euros)', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    ['12,50', 12.5],
    ['1 234,50', 1234.5],
    ['1\u202f234,50', 1234.5],
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['12,50 €', 12.5],
    ['12,50€', 12.5],
    ['€12', 12],
    ['12 EUR', 12],
    ['0', 0],
    ['0,1', 0.1],
  ])('accepts %j', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });

  it('refuses a negative amount', () => {
    expect(refusal(parseAmount('-12,50'))).toMatch(/montant négatif/);
    expect(refusal(parseAmount('-12,50 €'))).toMatch(/montant négatif/);
  });

  it('refuses more than two decimals and text', () => {
    expect(refusal(parseAmount('12,3456'))).toMatch(/deux décimales/);
    expect(refusal(parseAmount('douze'))).toMatch(/un montant en euros/);
    expect(refusal(parseAmount('12,50,3'))).toMatch(/un montant en euros/);
  });
});

describe('parseBoolean', () => {
  it.each(['oui', 'OUI', 'o', 'O', 'vrai', 'Vrai', 'true', 'TRUE', '1', 'x', 'X'])('%j → true', (raw) => {
    expect(parseBoolean(raw)).toBe(true);
  });

  it.each(['non', 'Non', 'n', 'faux', 'false', '0'])('%j → false', (raw) => {
    expect(parseBoolean(raw)).toBe(false);
  });

  it.each(['peut-être', '2', 'oui/non'])('refuses %j', (raw) => {
    expect(refusal(parseBoolean(raw))).toMatch(/oui ou non/);
  });
});

describe('parseNumber, parseYear, parseIndicatorId (indicateurs.csv)', () => {
  it('reads French and English decimals, thousands and signs', () => {
    expect(parseNumber('50,3')).toBe(50.3);
    expect(parseNumber('50.3')).toBe(50.3);
    expect(parseNumber('1 234')).toBe(1234);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('-4')).toBe(-4);
    expect(parseNumber('50,3 %')).toBe(50.3);
    expect(parseNumber('beaucoup')).toBeInstanceOf(CellFailure);
  });

  it('reads four-digit years only', () => {
    expect(parseYear('2023')).toBe(2023);
    expect(parseYear('23')).toBeInstanceOf(CellFailure);
    expect(parseYear('3023')).toBeInstanceOf(CellFailure);
  });

  it('accepts dotted lowercase identifiers only', () => {
    expect(parseIndicatorId('accueil.personnes_accueillies')).toBe('accueil.personnes_accueillies');
    expect(parseIndicatorId('Accueil.Personnes')).toBeInstanceOf(CellFailure);
    expect(parseIndicatorId('accueil..x')).toBeInstanceOf(CellFailure);
    expect(parseIndicatorId('accueil.personnes accueillies')).toBeInstanceOf(CellFailure);
  });
});

describe('person codes (privacy)', () => {
  it.each(['P-0421', 'AB12', 'X-2023-117', '0421'])('accepts the pseudonymous code %j', (raw) => {
    expect(parsePersonCode(raw)).toBe(raw);
  });

  it.each(['jean.dupont@example.org', 'a@b.fr', '06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '0033612345678', '(06) 12 34 56 78'])(
    'refuses %j, which looks like an e-mail or a phone number',
    (raw) => {
      expect(looksPersonal(raw)).toBe(true);
      expect(refusal(parsePersonCode(raw))).toMatch(/code pseudonyme/);
    },
  );
});
