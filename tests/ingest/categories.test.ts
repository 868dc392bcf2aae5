import { describe, expect, it } from 'vitest';
import { CellFailure, createCategoryMatcher } from '../../src/ingest/cells.js';
import { CRENEAU, DECISION, DEMANDE, DEPISTAGE, FORME, RESULTAT } from '../../src/ingest/categories.js';

const resultat = createCategoryMatcher(RESULTAT);
const depistage = createCategoryMatcher(DEPISTAGE);
const demande = createCategoryMatcher(DEMANDE);

describe('category values: case, accents and synonyms', () => {
  it.each(['negatif', 'Négatif', 'NÉGATIF', 'NEG', 'neg', 'nég', '-', ' - ', 'négative', 'non réactif'])('%j → negatif', (raw) => {
    expect(resultat(raw)).toBe('negatif');
  });

  it.each(['positif', 'Positif', 'POS', '+', 'réactif'])('%j → positif', (raw) => {
    expect(resultat(raw)).toBe('positif');
  });

  it.each(['invalide', 'indéterminé', 'Indéterminé', 'INDETERMINE', 'indéterminée', 'ininterprétable'])('%j → invalide', (raw) => {
    expect(resultat(raw)).toBe('invalide');
  });

  it.each([
    ['VIH', 'VIH'],
    ['vih', 'VIH'],
    ['HIV', 'VIH'],
    ['hépatite C', 'VHC'],
    ['Hepatite c', 'VHC'],
    ['HCV', 'VHC'],
    ['hépatite B', 'VHB'],
    ['Syphilis', 'syphilis'],
    ['TPHA', 'syphilis'],
  ])('%j → %s', (raw, value) => {
    expect(depistage(raw)).toBe(value);
  });

  it('matches "Hépatite-C" written with a hyphen (bug: it was refused)', () => {
    expect(depistage('Hépatite-C')).toBe('VHC');
    expect(depistage('hépatite-B')).toBe('VHB');
  });

  it.each([
    ['Première demande', 'premiere'],
    ['première', 'premiere'],
    ['PREMIERE DEMANDE', 'premiere'],
    ['1ère demande', 'premiere'],
    ['renouvellement', 'renouvellement'],
    ['Renouvellement', 'renouvellement'],
  ])('%j → %s', (raw, value) => {
    expect(demande(raw)).toBe(value);
  });

  it('reads the other closed lists', () => {
    expect(createCategoryMatcher(CRENEAU)('Nuit')).toBe('nuit');
    expect(createCategoryMatcher(CRENEAU)('journée')).toBe('jour');
    expect(createCategoryMatcher(DECISION)('Refusé')).toBe('refus');
    expect(createCategoryMatcher(DECISION)('accord')).toBe('accord');
    expect(createCategoryMatcher(FORME)('Chèques de service')).toBe('cheque_service');
    expect(createCategoryMatcher(FORME)('espèces')).toBe('especes');
  });

  it('refuses an unknown value and lists the accepted labels', () => {
    const failure = resultat('pas fait');
    expect(failure).toBeInstanceOf(CellFailure);
    expect((failure as CellFailure).expected).toBe('une de ces valeurs : Négatif, Positif, Invalide');
    expect(depistage('chlamydia')).toBeInstanceOf(CellFailure);
  });

  it('gives the same answer for a spelling seen many times (memo)', () => {
    for (let i = 0; i < 3; i += 1) expect(resultat('NEG')).toBe('negatif');
    for (let i = 0; i < 3; i += 1) expect(resultat('??')).toBeInstanceOf(CellFailure);
  });

  it('accepts extra synonyms from the config, mapped to a canonical value or label', () => {
    const custom = createCategoryMatcher(RESULTAT, { 'non détecté': 'negatif', détecté: 'Positif', inconnu: 'absent' });
    expect(custom('Non détecté')).toBe('negatif');
    expect(custom('détecté')).toBe('positif');
    // A synonym pointing to no known value is not added.
    expect(custom('inconnu')).toBeInstanceOf(CellFailure);
  });
});
