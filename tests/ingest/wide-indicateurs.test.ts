// indicateurs.csv in the wide form real reports print: one column per year.
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../src/ingest/index.js';
import { readYearHeader } from '../../src/ingest/wide-indicateurs.js';
import { csv, ingestOne } from './temp-folder.js';

describe('year-named headers', () => {
  it.each([
    ['2023', 2023],
    ['Année 2023', 2023],
    ['ANNEE 2022', 2022],
    ['Exercice 2021', 2021],
    ['2023 (réalisé)', 2023],
  ])('reads %j as the year %i', (header, year) => {
    expect(readYearHeader(header)).toEqual({ year, actual: true });
  });

  it.each(['2024 (objectif)', '2024 prévisionnel', 'Prévu 2024', 'Objectif 2024'])('reads %j as an expected value, not a figure', (header) => {
    expect(readYearHeader(header)?.actual).toBe(false);
  });

  it.each(['Indicateur', 'Libellé', 'Valeur 2023 bis', '123', 'an'])('does not read %j as a year', (header) => {
    expect(readYearHeader(header)?.actual ?? false).toBe(false);
  });
});

describe('indicateurs.csv in wide form', () => {
  it('reads a table copied from a printed report, labels and no ids, into the indicateurs family', async () => {
    const { report, rows } = await ingestOne(
      'indicateurs.csv',
      csv(['Indicateurs', '2022', '2023', 'Évolution'], ['Préservatifs distribués', '81 051', '133 892', '+65 %'], ['Nombre de contacts', '17 203', '18 068', '+5 %'], ['Total', '', '', '']),
    );
    expect(report.ok).toBe(true);
    expect(rows).toEqual([
      { libelle: 'Préservatifs distribués', annee: 2022, valeur: 81051, indicateur: 'indicateurs.preservatifs_distribues' },
      { libelle: 'Préservatifs distribués', annee: 2023, valeur: 133892, indicateur: 'indicateurs.preservatifs_distribues' },
      { libelle: 'Nombre de contacts', annee: 2022, valeur: 17203, indicateur: 'indicateurs.contacts' },
      { libelle: 'Nombre de contacts', annee: 2023, valeur: 18068, indicateur: 'indicateurs.contacts' },
    ]);
  });

  it('names the rows of a label-only table from its libelle column when it has one', async () => {
    const { rows } = await ingestOne('indicateurs.csv', csv(['Unité', 'Libellé', '2023'], ['personnes', 'File active', '455']));
    expect(rows).toEqual([{ unite: 'personnes', libelle: 'File active', annee: 2023, valeur: 455, indicateur: 'indicateurs.file_active' }]);
  });

  it('turns each year cell into a long-format row, in any column order, empty cells giving nothing', async () => {
    const { report, rows } = await ingestOne(
      'indicateurs.csv',
      csv(
        ['2023', 'Indicateur', 'Libellé', 'Année 2022', 'Unité'],
        ['150', 'sante.entretiens_infirmiers', 'Entretiens infirmiers', '120', 'entretiens'],
        ['', 'sante.orientations', 'Orientations', '40', ''],
      ),
    );
    expect(report.ok).toBe(true);
    expect(rows).toEqual([
      { indicateur: 'sante.entretiens_infirmiers', libelle: 'Entretiens infirmiers', unite: 'entretiens', annee: 2023, valeur: 150 },
      { indicateur: 'sante.entretiens_infirmiers', libelle: 'Entretiens infirmiers', unite: 'entretiens', annee: 2022, valeur: 120 },
      { indicateur: 'sante.orientations', libelle: 'Orientations', annee: 2022, valeur: 40 },
    ]);
    expect(report.files[0]).toMatchObject({ rowsRead: 2, rowsValid: 2, years: { '2022': 2, '2023': 1 } });
  });

  it('keeps breakdowns (dimension, modalite) and skips a Total row', async () => {
    const { report, rows } = await ingestOne(
      'indicateurs.csv',
      csv(
        ['indicateur', 'dimension', 'modalite', '2022', '2023'],
        ['accueil.visites', '', '', '10', '12'],
        ['accueil.visites', 'genre', 'Femme', '6', '7'],
        ['accueil.visites', 'genre', 'Homme', '4', '5'],
        ['Total', '', '', '20', '24'],
      ),
    );
    expect(rows).toHaveLength(6);
    expect(rows).toContainEqual({ indicateur: 'accueil.visites', dimension: 'genre', modalite: 'Homme', annee: 2023, valeur: 5 });
    expect(report.warnings.map((w) => w.code)).toEqual(['ligne_total_ignoree']);
  });

  it('names file, line, the year column and the value of a bad cell', async () => {
    const { report } = await ingestOne('indicateurs.csv', csv(['indicateur', '2022', '2023 (réalisé)'], ['a.b', '1', '2'], ['a.c', '3', 'douze']));
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => describeIssue(e))).toEqual([
      expect.stringMatching(/^indicateurs\.csv, ligne 3, colonne « 2023 \(réalisé\) » : valeur « douze » non valide/),
    ]);
  });

  it('refuses two columns for the same year', async () => {
    const { report } = await ingestOne('indicateurs.csv', csv(['indicateur', '2023', 'Année 2023'], ['a.b', '1', '2']));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ code: 'colonne_en_double', column: 'Année 2023' });
    expect(report.errors[0]?.message).toBe("les colonnes « 2023 » et « Année 2023 » donnent toutes deux l'année 2023 : gardez-en une seule");
  });

  it('ignores an expected-value column with a warning pointing to objectifs', async () => {
    const { report, rows } = await ingestOne('indicateurs.csv', csv(['indicateur', '2023', '2024 (objectif)'], ['a.b', '1', '5']));
    expect(report.ok).toBe(true);
    expect(rows).toEqual([{ indicateur: 'a.b', annee: 2023, valeur: 1 }]);
    expect(report.warnings[0]).toMatchObject({ code: 'colonne_annee_ignoree', column: '2024 (objectif)' });
    expect(report.warnings[0]?.message).toContain('« objectifs » de rapport.yaml');
  });

  it('warns about a row with no value in any year (a heading row of a printed table)', async () => {
    const { report, rows } = await ingestOne('indicateurs.csv', csv(['indicateur', '2022', '2023'], ['Santé', '', ''], ['a.b', '1', '']));
    expect(report.ok).toBe(true);
    expect(rows).toHaveLength(1);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'ligne_sans_valeur', line: 2, value: 'Santé' })]);
  });

  it('skips a masked cell of a published table, naming its year column', async () => {
    const { report, rows } = await ingestOne('indicateurs.csv', csv(['indicateur', '2022', '2023'], ['a.b', '< 3', '4']));
    expect(rows).toEqual([{ indicateur: 'a.b', annee: 2023, valeur: 4 }]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'cellule_masquee', column: '2022', value: '< 3' })]);
  });

  it('stays long when the file has an annee column: year-named columns are then unknown', async () => {
    const { report, rows } = await ingestOne('indicateurs.csv', csv(['indicateur', 'annee', 'valeur', '2023'], ['a.b', '2022', '1', '9']));
    expect(rows).toEqual([{ indicateur: 'a.b', annee: 2022, valeur: 1 }]);
    expect(report.warnings.map((w) => w.code)).toEqual(['colonne_inconnue']);
  });
});
