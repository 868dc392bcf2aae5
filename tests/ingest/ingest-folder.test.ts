import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetOfFile, findDataFolder, ingestFolder } from '../../src/ingest/index.js';
import { RapportError } from '../../src/shared/errors.js';
import { suggestDataset } from '../../src/ingest/file-names.js';
import { csv, makeFolder } from './temp-folder.js';

const TROD = csv(['date', 'depistage', 'resultat'], ['02/01/2023', 'VIH', 'NEG']);

describe('data folder lookup', () => {
  it('reads <dossier>/donnees/ when it exists, and ignores CSV files beside it', async () => {
    const folder = makeFolder({ 'donnees/trod.csv': TROD, 'maraudes.csv': 'pas lu' });
    expect(await findDataFolder(folder)).toBe(join(folder, 'donnees'));
    const report = await ingestFolder({ folder });
    expect(report.dataFolder).toBe(join(folder, 'donnees'));
    expect(report.files.map((f) => f.file)).toEqual(['trod.csv']);
    expect(report.ok).toBe(true);
  });

  it('reads <dossier> itself otherwise', async () => {
    const folder = makeFolder({ 'trod.csv': TROD });
    expect(await findDataFolder(folder)).toBe(folder);
  });

  it('refuses a missing folder with a usage error (exit 2)', async () => {
    const error = await ingestFolder({ folder: '/nulle/part/rapport' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).exitCode).toBe(2);
    expect((error as RapportError).message).toBe("le dossier « /nulle/part/rapport » n'existe pas ou n'est pas un dossier");
  });

  it('refuses a file given instead of a folder', async () => {
    const folder = makeFolder({ 'trod.csv': TROD });
    await expect(ingestFolder({ folder: join(folder, 'trod.csv') })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('accepts an empty folder: no file, no error', async () => {
    const report = await ingestFolder({ folder: makeFolder({}) });
    expect(report).toMatchObject({ files: [], errors: [], warnings: [], ok: true, year: undefined });
  });
});

describe('file names', () => {
  it.each([
    ['maraudes.csv', 'maraudes'],
    ['Maraudes.CSV', 'maraudes'],
    ['trod.csv', 'trod'],
    ['domiciliations.csv', 'domiciliations'],
    ['aides_financieres.csv', 'aides'],
    ['Aides-financières.csv', 'aides'],
    ['indicateurs.csv', 'indicateurs'],
    ['chiffres-2022.csv', 'indicateurs'],
    ['budget.csv', null],
  ])('%s feeds %s', (name, dataset) => {
    expect(datasetOfFile(name)).toBe(dataset);
  });

  it('warns about an unknown CSV naming the expected files; ignores other extensions silently', async () => {
    const folder = makeFolder({ 'trod.csv': TROD, 'budget.csv': 'a;b\n1;2\n', 'notes.txt': 'x', 'classeur.xlsx': 'PK' });
    const report = await ingestFolder({ folder });
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.file).sort()).toEqual(['budget.csv', 'trod.csv']);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'fichier_inconnu',
        file: 'budget.csv',
        expected: expect.stringContaining('un de ces noms : maraudes.csv, trod.csv, domiciliations.csv, aides_financieres.csv, indicateurs.csv ;'),
      }),
    ]);
  });

  it('refuses two files feeding the same dataset', async () => {
    const folder = makeFolder({ 'trod.csv': TROD, 'depistages.csv': TROD });
    const report = await ingestFolder({ folder });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ code: 'fichier_en_double' })]);
    expect(report.errors[0]?.message).toContain('« trod.csv »');
  });

  it('warns about unknown columns without failing', async () => {
    const folder = makeFolder({ 'trod.csv': csv(['date', 'depistage', 'resultat', 'Humeur'], ['02/01/2023', 'VIH', 'NEG', 'bonne']) });
    const report = await ingestFolder({ folder });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'colonne_inconnue', file: 'trod.csv', line: 1, column: 'Humeur' })]);
  });
});

describe('report year', () => {
  const twoYears = csv(['date', 'depistage', 'resultat'], ['02/01/2022', 'VIH', 'NEG'], ['02/01/2023', 'VIH', 'NEG'], ['03/01/2023', 'VIH', 'NEG']);

  it('defaults to the latest year present and keeps older rows as history, with a warning (bug: "1 ligne … conservées")', async () => {
    const report = await ingestFolder({ folder: makeFolder({ 'trod.csv': twoYears }) });
    expect(report.year).toBe(2023);
    expect(report.ok).toBe(true);
    expect(report.files[0]?.years).toEqual({ '2022': 1, '2023': 2 });
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'hors_annee', file: 'trod.csv' })]);
    expect(report.warnings[0]?.message).toBe("1 ligne hors de l'année 2023 (2022 : 1) : conservée comme historique");
  });

  it('uses the given year and flags later data', async () => {
    const report = await ingestFolder({ folder: makeFolder({ 'trod.csv': twoYears }), year: 2022 });
    expect(report.year).toBe(2022);
    expect(report.warnings[0]?.message).toContain('postérieures au rapport');
  });
});

describe('config `fichiers`: the association\'s own file names', () => {
  it('reads a declared file as its contract file', async () => {
    const folder = makeFolder({ 'Tests rapides 2024.csv': TROD });
    const report = await ingestFolder({ folder, files: { trod: 'Tests rapides 2024.csv' } });
    expect(report.ok).toBe(true);
    expect(report.files).toEqual([expect.objectContaining({ file: 'Tests rapides 2024.csv', dataset: 'trod', rowsValid: 1 })]);
    expect(report.warnings).toEqual([]);
  });

  it('a declared file absent from the data folder is a usage error (exit 2) naming it and the closest file', async () => {
    const folder = makeFolder({ 'Tests rapides 2024.csv': TROD });
    const error = await ingestFolder({ folder, files: { trod: 'Tests rapide 2024.csv' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).exitCode).toBe(2);
    expect((error as RapportError).message).toContain('fichiers.trod : fichier « Tests rapide 2024.csv » introuvable');
    expect((error as RapportError).hint).toContain('« Tests rapides 2024.csv »');
  });

  it.each([
    ['Tournées 2013.csv', 'maraudes'],
    ['Sorties de rue.csv', 'maraudes'],
    ['Dépistages VIH-VHC 2024.csv', 'trod'],
    ['Domiciliés 2024.csv', 'domiciliations'],
    ['Secours financiers.csv', 'aides'],
    ['Bilan activité 2024.csv', 'indicateurs'],
    ['maraudse.csv', 'maraudes'],
    ['budget.csv', undefined],
  ])('an unexpected name, %s, suggests %s', (name, dataset) => {
    expect(suggestDataset(name)).toBe(dataset);
  });
});
