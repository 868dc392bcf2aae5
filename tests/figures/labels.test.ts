// Printed labels: readable labels built from ids, config `libelles`, labels of added modalites,
// and the warnings for a figure without label and for history that matches no computed figure.
import { describe, expect, it } from 'vitest';
import { buildReadableLabel, familyOf, findUnknownLabelKeys, getFigure, listBreakdown } from '../../src/figures/index.js';
import type { CategoryExtensions } from '../../src/ingest/index.js';
import { computeFigures } from '../../src/pipeline/compute-figures.js';
import { makeFolder } from './figure-helpers.js';

async function compute(files: Record<string, string>, options: { labels?: Record<string, string>; categories?: CategoryExtensions } = {}) {
  return computeFigures({
    folder: makeFolder(files),
    ...(options.categories !== undefined && { categories: options.categories }),
    ...(options.labels !== undefined && { labels: { chiffres: options.labels, familles: {}, lignes: {} } }),
  });
}

describe('readable label of an id', () => {
  it.each([
    ['sante.entretiens_infirmiers', 'Entretiens infirmiers'],
    ['mediation.rdv_pris', 'Rdv pris'],
    ['caarud.kits.distribues', 'Kits distribués'],
    ['sante.vaccinations_vhb', 'Vaccinations VHB'],
    ['sante.personnes_accompagnees', 'Personnes accompagnées'],
    ['contacts', 'Contacts'],
  ])('%s → %s', (id, label) => {
    expect(buildReadableLabel(id)).toBe(label);
  });

  it('family of an id is its first segment', () => {
    expect(familyOf('sante.entretiens_infirmiers')).toBe('sante');
    expect(familyOf('sante')).toBe('sante');
  });
});

describe('a figure without libelle', () => {
  it('is shown with a readable label built from its id, and warned about once per file', async () => {
    const { figures } = await compute({ 'indicateurs.csv': 'indicateur;annee;valeur\nsante.entretiens_infirmiers;2022;10\nsante.entretiens_infirmiers;2023;12\n' });
    expect(getFigure(figures, 'sante.entretiens_infirmiers', 2023)?.libelle).toBe('Entretiens infirmiers');
    const warnings = figures.findings.filter((f) => f.code === 'libelle_manquant');
    expect(warnings).toEqual([
      {
        code: 'libelle_manquant',
        severity: 'warning',
        file: 'indicateurs.csv',
        lines: [2, 3],
        message:
          "le chiffre « sante.entretiens_infirmiers » n'a pas de libellé : il est affiché « Entretiens infirmiers » ; " +
          'donnez-le dans la colonne « libelle » ou dans « libelles » de rapport.yaml',
      },
    ]);
  });

  it('takes the label another row of the same figure gives (only the total row has one), without warning', async () => {
    const { figures } = await compute({
      'indicateurs.csv': 'indicateur;annee;valeur;dimension;modalite;libelle\na.b;2023;3;;;Personnes accueillies\na.b;2023;1;genre;Femme;\na.b;2023;2;genre;Homme;\n',
    });
    expect(listBreakdown(figures, 'a.b', 2023, 'genre').map((f) => f.libelle)).toEqual(['Personnes accueillies', 'Personnes accueillies']);
    expect(figures.findings.filter((f) => f.code === 'libelle_manquant')).toEqual([]);
  });

  it('takes the label of libelles in rapport.yaml, without warning', async () => {
    const { figures } = await compute({ 'indicateurs.csv': 'indicateur;annee;valeur\nsante.entretiens;2023;12\n' }, { labels: { 'sante.entretiens': 'Entretiens de santé' } });
    expect(getFigure(figures, 'sante.entretiens', 2023)?.libelle).toBe('Entretiens de santé');
    expect(figures.findings.filter((f) => f.code === 'libelle_manquant')).toEqual([]);
  });
});

describe('config libelles', () => {
  it('renames a figure in every year and every cell, catalogue figures and counters alike', async () => {
    const { figures } = await compute(
      { 'maraudes.csv': 'date;site;type;Nb de contacts\n03/01/2022;Gare;Santé;4\n03/01/2023;Gare;Santé;5\n' },
      { labels: { 'maraudes.sessions': 'Tournées réalisées', 'maraudes.contacts': 'Personnes rencontrées' } },
    );
    const renamed = figures.figures.filter((f) => f.indicateur === 'maraudes.sessions');
    expect(renamed.length).toBeGreaterThan(2);
    expect(new Set(renamed.map((f) => f.libelle))).toEqual(new Set(['Tournées réalisées']));
    expect(getFigure(figures, 'maraudes.contacts', 2022)?.libelle).toBe('Personnes rencontrées');
    expect(getFigure(figures, 'maraudes.contacts', 2023, 'type', 'Santé')?.libelle).toBe('Personnes rencontrées');
  });

  it('reports a key that names no figure or family, with the closest one', () => {
    const unknown = findUnknownLabelKeys({ figures: ['maraudes.sesions', 'trod.tests', 'sante.x'], families: ['acceuil', 'sante'] }, [
      { indicateur: 'accueil.visites' },
      { indicateur: 'sante.y' },
    ]);
    expect(unknown).toEqual([
      { key: 'maraudes.sesions', kind: 'figure', closest: 'maraudes.sessions' },
      { key: 'sante.x', kind: 'figure', closest: 'sante.y' },
      { key: 'acceuil', kind: 'family', closest: 'accueil' },
    ]);
  });

  it('throws a config error (exit 2) naming the key and the closest id', async () => {
    const error = await computeFigures({
      folder: makeFolder({ 'maraudes.csv': 'date;site\n03/01/2023;Gare\n' }),
      labels: { chiffres: { 'maraudes.sesions': 'Tournées' }, familles: {}, lignes: { 'maraudes.sesions': 4 } },
      configFile: 'asso/rapport.yaml',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ exitCode: 2 });
    expect((error as Error).message).toBe(
      'asso/rapport.yaml, ligne 4, libelles["maraudes.sesions"]\u00a0: chiffre inconnu «\u00a0maraudes.sesions\u00a0»\u00a0; vouliez-vous dire «\u00a0maraudes.sessions\u00a0»\u00a0?',
    );
  });
});

describe('history that matches no computed figure', () => {
  const maraudes = 'date;site;Nb de contacts\n03/01/2023;Gare;4\n';

  it('is a warning naming the closest computed id (a counter renamed since the export)', async () => {
    const { figures } = await compute({ 'maraudes.csv': maraudes, 'chiffres-2022.csv': 'indicateur;annee;valeur;libelle\nmaraudes.nb_de_contacts;2022;40;Nb de contacts\n' });
    expect(figures.findings.filter((f) => f.code === 'historique_orphelin')).toEqual([
      expect.objectContaining({
        file: 'chiffres-2022.csv',
        lines: [2],
        message:
          'le chiffre « maraudes.nb_de_contacts » (2022) ne correspond à aucun chiffre calculé à partir des données de 2023 : ' +
          "cet historique n'est relié à rien (le rapport dira « pas de donnée » pour ces années) ; vouliez-vous dire « maraudes.contacts » ? " +
          'Renommez-le dans chiffres-2022.csv',
      }),
    ]);
  });

  it('is silent when the id matches, for a catalogue id, for a family not computed, and for a figure given for year N', async () => {
    const { figures } = await compute({
      'maraudes.csv': maraudes,
      'indicateurs.csv':
        'indicateur;annee;valeur;libelle\nmaraudes.contacts;2022;40;Contacts\ntrod.tests;2022;5;Tests\naccueil.visites;2022;3;Visites\nmaraudes.benevoles;2022;8;Bénévoles\nmaraudes.benevoles;2023;9;Bénévoles\n',
    });
    expect(figures.findings.filter((f) => f.code === 'historique_orphelin')).toEqual([]);
  });
});

describe('config categories', () => {
  const categories: CategoryExtensions = {
    trod: {
      depistage: { VHA: { label: 'VHA', synonyms: ['hépatite A'], positive: false, valid: true } },
      resultat: {
        immunise: { label: 'Immunisé', synonyms: ['vacciné'], positive: false, valid: true },
        non_rendu: { label: 'Non rendu', synonyms: [], positive: false, valid: false },
      },
    },
  };
  const trod =
    'date;depistage;resultat\n' +
    '2023-01-05;VIH;positif\n2023-01-05;VIH;négatif\n2023-01-06;hépatite A;vacciné\n2023-01-06;VHA;immunise\n2023-01-07;VHC;non_rendu\n2023-01-07;VHC;négatif\n';

  it('accepts the added values and their synonyms, each its own modalite after the built-in ones', async () => {
    const { figures } = await compute({ 'trod.csv': trod }, { categories });
    expect(listBreakdown(figures, 'trod.tests', 2023, 'depistage').map((f) => [f.modalite, f.valeur])).toEqual([
      ['VIH', 2], ['VHC', 2], ['VHB', 0], ['syphilis', 0], ['VHA', 2],
    ]);
    expect(listBreakdown(figures, 'trod.tests', 2023, 'resultat').map((f) => [f.libelleModalite, f.valeur])).toEqual([
      ['Négatif', 2], ['Positif', 1], ['Invalide', 0], ['Immunisé', 2], ['Non rendu', 1],
    ]);
  });

  it('keeps an added result out of the positives; in the rate denominator unless declared not valid', async () => {
    const { figures } = await compute({ 'trod.csv': trod }, { categories });
    expect(getFigure(figures, 'trod.positifs', 2023)?.valeur).toBe(1);
    expect(getFigure(figures, 'trod.invalides', 2023)?.valeur).toBe(1);
    // 1 positive over 6 tests − 1 not valid = 5 valid results.
    expect(getFigure(figures, 'trod.taux_positivite', 2023)?.valeur).toBe(20);
  });

  it('counts an added result declared positive with the positives', async () => {
    const positive: CategoryExtensions = { trod: { resultat: { reactif_faible: { label: 'Réactif faible', synonyms: [], positive: true, valid: true } } } };
    const { figures } = await compute({ 'trod.csv': 'date;depistage;resultat;orientation\n2023-01-05;VIH;reactif_faible;oui\n2023-01-05;VIH;négatif;\n' }, { categories: positive });
    expect(getFigure(figures, 'trod.positifs', 2023)?.valeur).toBe(1);
    expect(getFigure(figures, 'trod.taux_positivite', 2023)?.valeur).toBe(50);
  });

  it('reads history written with the printed label of an added value as the same modalite', async () => {
    const { figures } = await compute(
      { 'trod.csv': trod, 'chiffres-2022.csv': 'indicateur;annee;dimension;modalite;valeur\ntrod.tests;2022;resultat;Immunisé;4\ntrod.tests;2022;depistage;hépatite A;3\n' },
      { categories },
    );
    expect(getFigure(figures, 'trod.tests', 2022, 'resultat', 'immunise')).toMatchObject({ valeur: 4, modalite: 'immunise', libelleModalite: 'Immunisé' });
    expect(getFigure(figures, 'trod.tests', 2022, 'depistage', 'VHA')?.valeur).toBe(3);
  });

  it('refuses a value outside the built-in list without the config, naming the accepted ones', async () => {
    const error = await compute({ 'trod.csv': trod }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ exitCode: 1 });
    // Grouped per column (issue 9): « colonne « depistage » : 2 valeurs non valides (« hépatite A », « VHA ») ».
    const details = (error as { details: string[] }).details.join('\n');
    expect(details).toContain('colonne « depistage »');
    expect(details).toMatch(/valeurs? non valides?/);
    expect(details).toContain('« hépatite A »');
  });
});
