// Bugs found in review of the ingestion stage; each test is named after what broke.
import { describe, expect, it } from 'vitest';
import { CellFailure, createCategoryMatcher, looksPersonal, parseAmount } from '../../src/ingest/cells.js';
import { RESULTAT } from '../../src/ingest/categories.js';
import { listFields, createRowSchemas } from '../../src/ingest/contract.js';
import { ingestFolder } from '../../src/ingest/index.js';
import { mapHeaders } from '../../src/ingest/map-headers.js';
import { csv, ingestOne, makeFolder } from './temp-folder.js';

describe('review fixes', () => {
  it.each(['1,234', '1.234'])('an ambiguous amount %s is refused instead of read as 1234 €', (raw) => {
    const result = parseAmount(raw);
    expect(result).toBeInstanceOf(CellFailure);
    expect((result as CellFailure).expected).toContain('ambigu');
  });

  it('unambiguous thousands separators are still read', () => {
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('1.234.567')).toBe(1234567);
  });

  it('a zero-padded numeric person code is not taken for a phone number', () => {
    expect(looksPersonal('0000012345')).toBe(false);
    expect(looksPersonal('06 12 34 56 78')).toBe(true);
  });

  it('a category value with a question mark (doubt) is refused, not read as the value', () => {
    const match = createCategoryMatcher(RESULTAT);
    expect(match('pos?')).toBeInstanceOf(CellFailure);
    expect(match('NEG ?')).toBeInstanceOf(CellFailure);
    expect(match('NEG')).toBe('negatif');
  });

  it.each(['Nom et prénom', 'Tél. portable', 'Mail perso', 'Né(e) le', 'Lieu de naissance'])(
    'a personal header phrased as « %s » refuses the file',
    (header) => {
      const fields = listFields(createRowSchemas().maraudes);
      const mapping = mapHeaders('maraudes', ['Date', 'Site', header], fields);
      expect(mapping.problems.map((p) => p.code)).toContain('donnee_personnelle');
    },
  );

  it('a header that only mentions a personal word among others (« Nom du site ») is accepted', () => {
    const fields = listFields(createRowSchemas().maraudes);
    const mapping = mapHeaders('maraudes', ['Date', 'Site', 'Nom du site', 'Adresse du site'], fields);
    expect(mapping.problems.filter((p) => p.code === 'donnee_personnelle')).toEqual([]);
  });

  it('an « Effectif » column of maraudes.csv is a counter, not the number of sessions', () => {
    const fields = listFields(createRowSchemas().maraudes);
    const mapping = mapHeaders('maraudes', ['Date', 'Site', 'Effectif'], fields);
    expect(mapping.columns.nombre).toBeUndefined();
    expect(mapping.counters.effectif).toBe('Effectif');
  });

  it('a « Totaux » row is skipped like a « Total » row', async () => {
    const { report } = await ingestOne('maraudes.csv', csv(['Date', 'Site', 'Contacts'], ['03/01/2025', 'Gare', '4'], ['Totaux', '', '4']));
    expect(report.warnings.map((w) => w.code)).toContain('ligne_total_ignoree');
    expect(report.ok).toBe(true);
  });

  it('a target year in indicateurs.csv does not become the default report year', async () => {
    const folder = makeFolder({
      'maraudes.csv': csv(['Date', 'Site'], ['03/01/2025', 'Gare']),
      'indicateurs.csv': csv(['indicateur', 'annee', 'valeur'], ['accueil.passages', '2026', '3000']),
    });
    const report = await ingestFolder({ folder });
    expect(report.year).toBe(2025);
  });

  it('counts in the out-of-year warning are formatted in French', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [`0${(i % 9) + 1}/01/2024`, `Site ${i}`]);
    const folder = makeFolder({ 'maraudes.csv': csv(['Date', 'Site'], ...rows, ['03/01/2025', 'Gare']) });
    const report = await ingestFolder({ folder });
    const warning = report.warnings.find((w) => w.code === 'hors_annee');
    expect(warning?.message).toContain('1\u202f200 lignes');
  });
});
