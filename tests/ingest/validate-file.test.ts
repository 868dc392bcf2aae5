import { describe, expect, it } from 'vitest';
import { createIssueGroup, describeFileGroups, describeGroup, describeIssue, formatLineList } from '../../src/ingest/index.js';
import { csv, ingestOne } from './temp-folder.js';

const TROD_HEADER = ['date', 'depistage', 'resultat'];

describe('rows of every file', () => {
  it('delivers typed rows with trimmed cells, defaults and counters', async () => {
    const { report, rows } = await ingestOne(
      'maraudes.csv',
      csv(['Date', 'Site', 'Créneau', 'Personnes rencontrées', 'Préservatifs', 'Commentaire'], [' 15/03/2023 ', ' Gare du Nord ', 'NUIT', '12', '1 200', 'RAS'], ['16/03/2023', 'Bois', 'jour', '', '30', '']),
    );
    expect(report.ok).toBe(true);
    expect(rows).toEqual([
      { date: '2023-03-15', site: 'Gare du Nord', creneau: 'nuit', nombre: 1, compteurs: { personnes_rencontrees: 12, preservatifs: 1200 } },
      { date: '2023-03-16', site: 'Bois', creneau: 'jour', nombre: 1, compteurs: { preservatifs: 30 } },
    ]);
    expect(report.files[0]).toMatchObject({
      rowsRead: 2,
      rowsValid: 2,
      firstDate: '2023-03-15',
      lastDate: '2023-03-16',
      years: { '2023': 2 },
      counters: { personnes_rencontrees: 'Personnes rencontrées', preservatifs: 'Préservatifs' },
    });
  });

  it('reads `nombre` (default 1) and refuses 0', async () => {
    const { report, rows } = await ingestOne(
      'aides_financieres.csv',
      csv(['date', 'nature', 'montant', 'nombre'], ['02/01/2023', 'transport', '12,50', ''], ['03/01/2023', 'chèques de service', '100', '10'], ['04/01/2023', 'transport', '5', '0']),
    );
    expect(rows.map((row) => [row.montant, row.nombre])).toEqual([
      [12.5, 1],
      [100, 10],
    ]);
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'valeur_invalide', line: 4, column: 'nombre', value: '0', expected: 'un nombre entier supérieur ou égal à 1' }),
    ]);
  });

  it('reports every bad cell of a row, and a missing required value', async () => {
    const { report, rows } = await ingestOne('trod.csv', csv(TROD_HEADER, ['31/02/2023', 'VIH', 'pas fait'], ['02/01/2023', '', 'NEG']));
    expect(rows).toEqual([]);
    expect(report.errors.map((e) => [e.line, e.column, e.code, e.value])).toEqual([
      [2, 'date', 'valeur_invalide', '31/02/2023'],
      [2, 'resultat', 'valeur_invalide', 'pas fait'],
      [3, 'depistage', 'valeur_manquante', undefined],
    ]);
    expect(report.files[0]).toMatchObject({ rowsRead: 2, rowsValid: 0, errorCount: 3 });
  });

  it('skips Total and Sous-total rows, in any case, with a warning', async () => {
    const { report, rows } = await ingestOne(
      'maraudes.csv',
      csv(
        ['date', 'site', 'contacts'],
        ['01/03/2023', 'Gare', '10'],
        ['Sous-total', '', '10'],
        ['02/03/2023', 'Bois', '5'],
        ['', 'TOTAL', '15'],
        ['sous total mars', '', '15'],
        ['Total général', '', '15'],
      ),
    );
    expect(rows).toHaveLength(2);
    expect(report.ok).toBe(true);
    expect(report.files[0]).toMatchObject({ rowsRead: 2, rowsValid: 2, rowsSkipped: 4 });
    expect(report.warnings.map((w) => [w.code, w.line, w.value])).toEqual([
      ['ligne_total_ignoree', 3, 'Sous-total'],
      ['ligne_total_ignoree', 5, 'TOTAL'],
      ['ligne_total_ignoree', 6, 'sous total mars'],
      ['ligne_total_ignoree', 7, 'Total général'],
    ]);
  });

  it('does not take a site named "Totalement neuf" for a total row', async () => {
    const { rows } = await ingestOne('maraudes.csv', csv(['site', 'date'], ['Totalement neuf', '01/03/2023']));
    expect(rows).toHaveLength(1);
  });

  it('skips empty lines, including lines of bare separators, and keeps line numbers', async () => {
    const { report } = await ingestOne('trod.csv', `date;depistage;resultat\n\n02/01/2023;VIH;NEG\n;;\n\n03/01/2023;VIH;??\n`);
    expect(report.files[0]).toMatchObject({ rowsRead: 2, rowsValid: 1 });
    expect(report.errors.map((e) => e.line)).toEqual([6]);
  });

  it('names spreadsheet lines after a cell holding a newline and a separator (CRLF file)', async () => {
    const content = ['Date;Site;Contacts', '02/01/2023;"Gare;\r\nquai 2";3', '03/01/2023;Bois;trois', ''].join('\r\n');
    const { report, rows } = await ingestOne('maraudes.csv', content);
    expect(rows[0]).toMatchObject({ site: 'Gare;\r\nquai 2' });
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, column: 'Contacts', value: 'trois' })]);
  });

  it('refuses ragged rows naming the line and both widths; trailing empty cells are fine', async () => {
    const { report, rows } = await ingestOne(
      'trod.csv',
      csv(TROD_HEADER, ['02/01/2023', 'VIH', 'NEG', '', ''], ['02/01/2023', 'VIH'], ['02/01/2023', 'VIH', 'NEG', 'en trop']),
    );
    expect(rows).toHaveLength(1);
    expect(report.errors.map((e) => [e.code, e.line])).toEqual([
      ['ligne_irreguliere', 3],
      ['ligne_irreguliere', 4],
    ]);
    expect(report.errors[0]?.message).toBe("la ligne a 2 cellules alors que l'en-tête a 3 colonnes");
    expect(report.errors[0]?.expected).toContain('séparées par « ; »');
  });

  it('groups one column failing on many rows: one message with the count and the first lines', async () => {
    const bad = Array.from({ length: 73 }, (_, i) => ['02/01/2023', 'VIH', `mauvais ${i}`]);
    const { report } = await ingestOne('trod.csv', csv(TROD_HEADER, ...bad));
    expect(report.errors).toHaveLength(73);
    expect(report.files[0]).toMatchObject({ errorCount: 73, errorsOmitted: 0 });
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({ code: 'valeur_invalide', column: 'resultat', count: 73, values: ['mauvais 0', 'mauvais 1', 'mauvais 2'], moreValues: true });
    expect(report.groups[0]?.lines).toEqual(Array.from({ length: 73 }, (_, i) => i + 2));
    expect(describeGroup(report.groups[0]!)).toBe(
      'trod.csv, colonne « resultat » : 73 valeurs non valides (« mauvais 0 », « mauvais 1 », « mauvais 2 »…), lignes 2 à 74 — attendu : une de ces valeurs : Négatif, Positif, Invalide ; pour compter une autre valeur à part, déclarez-la dans rapport.yaml (categories → trod → resultat, voir docs/configuration.md)',
    );
  });

  it('keeps at most 10 000 occurrences per file for the JSON, but every line in the group', async () => {
    const bad = Array.from({ length: 10_010 }, () => ['02/01/2023', 'VIH', 'mauvais']);
    const { report } = await ingestOne('trod.csv', csv(TROD_HEADER, ...bad));
    expect(report.errors).toHaveLength(10_000);
    expect(report.files[0]).toMatchObject({ errorCount: 10_010, errorsOmitted: 10 });
    expect(report.groups[0]).toMatchObject({ count: 10_010 });
    expect(report.groups[0]?.lines).toHaveLength(10_010);
  });

  it('a maraudes column made of words is one « text read as a counter » message; a lone word among numbers stays a typo', async () => {
    const header = ['Date', 'Lieu', 'Équipe', 'Contacts'];
    const rows = Array.from({ length: 6 }, (_, i) => [`0${i + 1}/01/2024`, 'Gare', i % 2 ? 'Nord' : 'Sud', i === 3 ? 'douze' : '4']);
    const { report } = await ingestOne('maraudes.csv', csv(header, ...rows));
    expect(report.groups.map((g) => [g.code, g.column, g.count])).toEqual([
      ['colonne_texte_compteur', 'Équipe', 6],
      ['valeur_invalide', 'Contacts', 1],
    ]);
    expect(report.errors.filter((e) => e.column === 'Équipe').every((e) => e.code === 'valeur_invalide')).toBe(true);
    const text = describeGroup(report.groups[0]!);
    expect(text).toContain('maraudes.csv, colonne « Équipe » : colonne de texte lue comme un compteur : 6 valeurs non numériques (« Sud », « Nord »), lignes 2 à 7.');
    expect(text).toContain('\n      colonnes:\n        maraudes:\n          type: "Équipe"');
  });

  it('no `type` line when the file already has a type column: only how to ignore the column', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => [`0${i + 1}/01/2024`, 'Gare', 'Santé', 'Nord']);
    const { report } = await ingestOne('maraudes.csv', csv(['Date', 'Lieu', 'Type', 'Équipe'], ...rows));
    const text = describeGroup(report.groups[0]!);
    expect(text).toContain('colonne de texte lue comme un compteur');
    expect(text).not.toContain('colonnes:');
    expect(text).toContain("Pour qu'elle soit ignorée : renommez son en-tête « Commentaire »");
  });

  it('prints at most 50 groups per file, then counts the occurrences left', () => {
    const groups = Array.from({ length: 55 }, (_, i) =>
      createIssueGroup({ severity: 'error', code: 'chiffre_en_double', file: 'indicateurs.csv', line: i + 2, message: `doublon ${i}` }),
    );
    const lines = describeFileGroups(groups, 'indicateurs.csv', 'error', undefined);
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe('… et 5 autres erreurs dans indicateurs.csv (la liste complète : rapport check --json)');
  });

  it('lists lines as ranges, the first runs only', () => {
    expect(formatLineList([4])).toBe('ligne 4');
    expect(formatLineList([4, 5])).toBe('lignes 4, 5');
    expect(formatLineList([2, 3, 4, 9, 11, 12, 13])).toBe('lignes 2 à 4, 9, 11 à 13');
    expect(formatLineList([2, 4, 6, 8, 10, 12, 14, 16, 18, 20])).toBe('lignes 2, 4, 6, 8, 10, 12, 14, 16…');
  });

  it('describes an issue with file, line, column, value and what was expected', async () => {
    const { report } = await ingestOne('trod.csv', csv(['Date', 'Dépistage', 'Résultat'], ['02/01/2023', 'VIH', 'peut-être']));
    expect(describeIssue(report.errors[0]!)).toBe(
      'trod.csv, ligne 2, colonne « Résultat » : valeur « peut-être » non valide — attendu : une de ces valeurs : Négatif, Positif, Invalide ; pour compter une autre valeur à part, déclarez-la dans rapport.yaml (categories → trod → resultat, voir docs/configuration.md)',
    );
  });
});

describe('trod.csv', () => {
  it('reads booleans; an empty cell of a present column is "non"', async () => {
    const { rows } = await ingestOne(
      'trod.csv',
      csv([...TROD_HEADER, 'premier_depistage', 'orientation'], ['02/01/2023', 'VIH', 'POS', 'x', 'oui'], ['02/01/2023', 'hépatite C', 'négatif', '', '']),
    );
    expect(rows).toEqual([
      { date: '2023-01-02', depistage: 'VIH', resultat: 'positif', premier_depistage: true, orientation: true, nombre: 1 },
      { date: '2023-01-02', depistage: 'VHC', resultat: 'negatif', premier_depistage: false, orientation: false, nombre: 1 },
    ]);
  });

  it('leaves booleans undefined when the column is absent', async () => {
    const { rows } = await ingestOne('trod.csv', csv(TROD_HEADER, ['02/01/2023', 'VIH', 'indéterminé']));
    expect(rows).toEqual([{ date: '2023-01-02', depistage: 'VIH', resultat: 'invalide', nombre: 1 }]);
  });
});

describe('privacy of person codes', () => {
  it('refuses an e-mail or a phone number in `personne` without printing it', async () => {
    const { report, rows } = await ingestOne(
      'trod.csv',
      csv([...TROD_HEADER, 'personne'], ['02/01/2023', 'VIH', 'NEG', 'P-0421'], ['02/01/2023', 'VIH', 'NEG', 'marie.x@example.org'], ['02/01/2023', 'VIH', 'NEG', '06 12 34 56 78']),
    );
    expect(rows).toEqual([expect.objectContaining({ personne: 'P-0421' })]);
    expect(report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'personne', '(valeur masquée)'],
      [4, 'personne', '(valeur masquée)'],
    ]);
    const printed = JSON.stringify(report) + report.errors.map((e) => describeIssue(e)).join('\n');
    expect(printed).not.toContain('marie.x');
    expect(printed).not.toContain('06 12 34 56 78');
    expect(printed).not.toContain('P-0421');
  });

  it('never prints an e-mail or phone number found in a maraudes counter (bug: the value was printed)', async () => {
    const { report } = await ingestOne('maraudes.csv', csv(['date', 'site', 'Contact'], ['02/01/2023', 'Gare', '06.12.34.56.78'], ['02/01/2023', 'Gare', 'lea@example.org']));
    expect(report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'Contact', '(valeur masquée)'],
      [3, 'Contact', '(valeur masquée)'],
    ]);
    const printed = JSON.stringify(report);
    expect(printed).not.toContain('06.12');
    expect(printed).not.toContain('lea@');
  });

  it('never prints the code of a `personne` column in maraudes.csv (bug: read as a counter, its codes were printed)', async () => {
    const { report } = await ingestOne('maraudes.csv', csv(['date', 'site', 'Personne'], ['02/01/2023', 'Gare', 'P-0421']));
    expect(JSON.stringify(report)).not.toContain('P-0421');
  });
});

describe('domiciliations.csv', () => {
  const HEADER = ['Personne', 'Date de la décision', 'Demande', 'Décision', 'Date de fin', 'Date de radiation'];

  it('defaults decision to accord and date_fin to one year minus one day', async () => {
    const { report, rows } = await ingestOne(
      'domiciliations.csv',
      csv(
        HEADER,
        ['D-001', '15/03/2023', 'Première demande', '', '', ''],
        ['D-002', '29/02/2024', 'renouvellement', 'accord', '', ''],
        ['D-003', '01/03/2023', 'Renouvellement', 'Refus', '', ''],
        ['D-004', '10/01/2023', 'première', '', '31/12/2023', '30/06/2023'],
      ),
    );
    expect(report.errors).toEqual([]);
    expect(rows.map((row) => [row.demande, row.decision, row.date_fin, row.date_radiation])).toEqual([
      ['premiere', 'accord', '2024-03-14', undefined],
      ['renouvellement', 'accord', '2025-02-28', undefined],
      ['renouvellement', 'refus', undefined, undefined],
      ['premiere', 'accord', '2023-12-31', '2023-06-30'],
    ]);
  });

  it('refuses an end or a radiation before the decision, naming the header and the cell as written (bug: contract name and ISO date)', async () => {
    const { report } = await ingestOne(
      'domiciliations.csv',
      csv(HEADER, ['D-001', '15/03/2023', 'première', '', '01/03/2023', ''], ['D-002', '15/03/2023', 'première', '', '', '14/03/2023']),
    );
    expect(report.errors.map((e) => [e.code, e.line, e.column, e.value])).toEqual([
      ['dates_incoherentes', 2, 'Date de fin', '01/03/2023'],
      ['dates_incoherentes', 3, 'Date de radiation', '14/03/2023'],
    ]);
    expect(describeIssue(report.errors[0]!)).toBe(
      'domiciliations.csv, ligne 2, colonne « Date de fin » : valeur « 01/03/2023 » : la fin de validité précède la date de décision — attendu : une date de fin postérieure à la date de la décision',
    );
  });

  it('requires the person code', async () => {
    const { report } = await ingestOne('domiciliations.csv', csv(HEADER.slice(1), ['15/03/2023', 'première', '', '', '']));
    expect(report.errors).toEqual([expect.objectContaining({ code: 'colonne_manquante', column: 'personne', line: 1 })]);
  });
});

describe('indicateurs.csv', () => {
  const HEADER = ['indicateur', 'annee', 'valeur', 'dimension', 'modalite'];

  it('refuses a duplicate key, naming both lines', async () => {
    const { report, rows } = await ingestOne(
      'indicateurs.csv',
      csv(
        HEADER,
        ['accueil.visites', '2023', '3 281', '', ''],
        ['accueil.visites', '2022', '2 900', '', ''],
        ['accueil.visites', '2023', '12', 'genre', 'femme'],
        ['accueil.visites', '2023', '3 282', '', ''],
      ),
    );
    expect(rows).toHaveLength(3);
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'chiffre_en_double', line: 5, otherLines: [2], column: 'indicateur', value: 'accueil.visites' }),
    ]);
    expect(describeIssue(report.errors[0]!)).toMatch(/^indicateurs\.csv, ligne 5, colonne « indicateur » : .*déjà donné ligne 2/);
  });

  it('names the duplicate under the header used in the file', async () => {
    const { report } = await ingestOne('indicateurs.csv', csv(['Code indicateur', 'Année', 'Valeur'], ['a.b', '2023', '1'], ['a.b', '2023', '2']));
    expect(report.errors).toEqual([expect.objectContaining({ code: 'chiffre_en_double', line: 3, column: 'Code indicateur', value: 'a.b' })]);
    expect(report.errors[0]?.message).toBe('le chiffre « a.b » 2023 est déjà donné ligne 2');
  });

  it('requires dimension and modalite together', async () => {
    const { report } = await ingestOne('indicateurs.csv', csv(HEADER, ['accueil.visites', '2023', '1', 'genre', '']));
    expect(report.errors).toEqual([expect.objectContaining({ code: 'ventilation_incomplete', line: 2, column: 'modalite' })]);
  });

  it('counts years from `annee` and gives no out-of-year warning (history)', async () => {
    const { report } = await ingestOne('indicateurs.csv', csv(HEADER, ['a.b', '2022', '1', '', ''], ['a.b', '2023', '2', '', '']));
    expect(report.files[0]?.years).toEqual({ '2022': 1, '2023': 1 });
    expect(report.warnings).toEqual([]);
  });
});
