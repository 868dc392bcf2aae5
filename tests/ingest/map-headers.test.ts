import { describe, expect, it } from 'vitest';
import { createRowSchemas, type DatasetId, listFields } from '../../src/ingest/contract.js';
import { mapHeaders } from '../../src/ingest/map-headers.js';
import { suggestColumn } from '../../src/ingest/suggest-column.js';

const schemas = createRowSchemas();
function map(dataset: DatasetId, headers: string[], configured?: Record<string, string>) {
  return mapHeaders(dataset, headers, listFields(schemas[dataset]), configured);
}
const codes = (mapping: ReturnType<typeof map>) => mapping.problems.map((p) => p.code);

describe('header matching', () => {
  it('maps French headers with accents, joiners and synonyms to contract columns', () => {
    const mapping = map('trod', ['Date du test', 'Test', 'Résultats', 'Lieu', 'Code personne', "Tranche d'âge", 'Premier dépistage', 'Orientation']);
    expect(mapping.columns).toEqual({
      date: 'Date du test',
      depistage: 'Test',
      resultat: 'Résultats',
      lieu: 'Lieu',
      personne: 'Code personne',
      tranche_age: "Tranche d'âge",
      premier_depistage: 'Premier dépistage',
      orientation: 'Orientation',
    });
    expect(mapping.problems).toEqual([]);
  });

  it('maps `Montant (€)` and `Date de l\'aide` in aides_financieres.csv', () => {
    const mapping = map('aides', ["Date de l'aide", 'Nature', 'Montant (€)']);
    expect(mapping.columns).toEqual({ date: "Date de l'aide", nature: 'Nature', montant: 'Montant (€)' });
  });

  it('maps `Date de radiation`, `Date de fin` and `Nombre d\'ayants droit` in domiciliations.csv', () => {
    const mapping = map('domiciliations', ['Personne', 'Date', 'Demande', 'Date de fin', 'Date de radiation', "Nombre d'ayants droit"]);
    expect(mapping.columns.date_fin).toBe('Date de fin');
    expect(mapping.columns.date_radiation).toBe('Date de radiation');
    expect(mapping.columns.ayants_droit).toBe("Nombre d'ayants droit");
    expect(mapping.problems).toEqual([]);
  });

  it('makes every other maraudes column a counter keyed by its normalized header', () => {
    const mapping = map('maraudes', ['Date', 'Site', 'Créneau', 'Personnes rencontrées', 'Préservatifs', 'Commentaire']);
    expect(mapping.columns).toEqual({ date: 'Date', site: 'Site', creneau: 'Créneau' });
    expect(mapping.counters).toEqual({ personnes_rencontrees: 'Personnes rencontrées', preservatifs: 'Préservatifs' });
    // `Commentaire` is read and ignored without a warning.
    expect(mapping.problems).toEqual([]);
  });

  it('warns about unknown columns of the other files, never fatal', () => {
    const mapping = map('trod', ['date', 'depistage', 'resultat', 'Couleur']);
    expect(mapping.problems).toHaveLength(1);
    expect(mapping.problems[0]).toMatchObject({ code: 'colonne_inconnue', column: 'Couleur', fatal: false });
  });

  it('lets the config map any other header, before synonyms', () => {
    const mapping = map('trod', ['Jour', 'Examen', 'Issue'], { date: 'Jour', depistage: 'Examen', resultat: 'Issue' });
    expect(mapping.columns).toEqual({ date: 'Jour', depistage: 'Examen', resultat: 'Issue' });
    expect(mapping.problems).toEqual([]);
  });

  it('warns when a configured header is absent', () => {
    const mapping = map('trod', ['date', 'depistage', 'resultat'], { lieu: 'Structure du test' });
    expect(codes(mapping)).toEqual(['colonne_configuree_absente']);
  });
});

describe('header problems', () => {
  it('names each missing required column with its accepted headers', () => {
    const mapping = map('trod', ['Date', 'Lieu']);
    const missing = mapping.problems.filter((p) => p.code === 'colonne_manquante');
    expect(missing.map((p) => p.column)).toEqual(['depistage', 'resultat']);
    expect(missing.every((p) => p.fatal)).toBe(true);
    expect(missing[1]?.expected).toContain('« resultats »');
  });

  it('refuses two headers meaning the same column', () => {
    const mapping = map('trod', ['Date', 'Date du test', 'Dépistage', 'Résultat']);
    expect(mapping.problems).toEqual([
      expect.objectContaining({ code: 'colonne_en_double', column: 'Date du test', fatal: true }),
    ]);
    expect(mapping.problems[0]?.message).toContain('« Date »');
  });

  it('gives « Nb de contacts », « Nombre de contacts » and « Contacts » the same counter id (bug: nb_de_contacts)', () => {
    expect(map('maraudes', ['Date', 'Site', 'Nb de contacts']).counters).toEqual({ contacts: 'Nb de contacts' });
    expect(map('maraudes', ['Date', 'Site', 'Nombre de contacts']).counters).toEqual({ contacts: 'Nombre de contacts' });
    expect(map('maraudes', ['Date', 'Site', 'Contacts']).counters).toEqual({ contacts: 'Contacts' });
  });

  it('refuses « Nb de contacts » next to « Contacts »: the same counter twice', () => {
    const mapping = map('maraudes', ['Date', 'Site', 'Nb de contacts', 'Contacts']);
    expect(mapping.problems).toEqual([
      expect.objectContaining({
        code: 'colonne_en_double',
        fatal: true,
        message: 'les colonnes « Nb de contacts » et « Contacts » désignent la même donnée (même compteur « contacts ») : gardez-en une seule',
      }),
    ]);
  });

  it('refuses two maraudes counters with the same normalized header', () => {
    const mapping = map('maraudes', ['Date', 'Site', 'Préservatifs', 'preservatifs']);
    expect(codes(mapping)).toEqual(['colonne_en_double']);
  });

  it('warns about a column without a header', () => {
    const mapping = map('trod', ['date', '', 'depistage', 'resultat']);
    expect(mapping.problems).toEqual([expect.objectContaining({ code: 'colonne_sans_entete', column: 'n° 2', fatal: false })]);
  });

  it.each(['Nom', 'Prénom', 'NOM PRÉNOM', 'Téléphone', 'Tél.', 'E-mail', 'Mail', 'Courriel', 'Adresse', 'Date de naissance', 'Date naissance', 'NIR', 'N° de sécurité sociale', 'Nom de famille', 'Portable'])(
    'refuses the whole file for the personal column %j',
    (header) => {
      for (const dataset of ['maraudes', 'trod', 'domiciliations', 'aides', 'indicateurs'] as const) {
        const mapping = map(dataset, ['Date', header]);
        const privacy = mapping.problems.find((p) => p.code === 'donnee_personnelle');
        expect(privacy, `${dataset} / ${header}`).toMatchObject({ column: header, fatal: true });
        expect(privacy?.message).toMatch(/données personnelles identifiantes : le fichier est refusé/);
      }
    },
  );

  it('does not mistake ordinary headers containing "nom" for names', () => {
    const mapping = map('maraudes', ['Date', 'Site', 'Nombre de contacts', 'Nom du site']);
    expect(codes(mapping)).not.toContain('donnee_personnelle');
  });
});

describe('personal columns written with a number marker (bug: they were accepted)', () => {
  it.each(['N° de sécurité sociale', 'N° de téléphone', 'No tél', 'Num. portable', 'Numéro de téléphone', 'Adresse e-mail'])(
    'refuses %j',
    (header) => {
      const mapping = map('trod', ['date', 'depistage', 'resultat', header]);
      expect(mapping.problems).toEqual([expect.objectContaining({ code: 'donnee_personnelle', column: header, fatal: true })]);
    },
  );

  it('still accepts counters that start with "n"', () => {
    const mapping = map('maraudes', ['Date', 'Site', 'Nb contacts', 'N° de tournée', 'Nouvelles personnes']);
    expect(codes(mapping)).not.toContain('donnee_personnelle');
  });
});

describe('headers of tracking tools found without config', () => {
  it('reads « N° dossier » and « Code usager » as the person code, « Continent d\'origine » as origine', () => {
    const fields = listFields(createRowSchemas().domiciliations);
    for (const header of ['N° dossier', 'Code usager']) {
      const mapping = mapHeaders('domiciliations', [header, 'Date', 'Demande', "Continent d'origine"], fields);
      expect(mapping.columns.personne).toBe(header);
      expect(mapping.columns.origine).toBe("Continent d'origine");
    }
  });
});

describe('suggestions for unknown headers, by words and synonyms', () => {
  it.each([
    ['trod', 'N° de fiche', 'personne'],
    ['trod', 'Réf. usager', 'personne'],
    ['trod', 'Commune', 'lieu'],
    ['trod', 'Ville', 'lieu'],
    ['trod', 'Pathologie dépistée', 'depistage'],
    ['trod', 'Nb de tests', 'nombre'],
    ['trod', 'Résultta', 'resultat'],
    ['domiciliations', 'Nb enfants', 'ayants_droit'],
    ['domiciliations', 'Date de fin de validité', 'date_fin'],
    ['aides', 'Bailleur', 'financeur'],
    ['aides', 'Mode de règlement', 'forme'],
    ['maraudes', 'Commune', 'site'],
    ['maraudes', 'Mode d\'intervention', 'type'],
  ] as const)('%s: « %s » → %s', (dataset, header, expected) => {
    const fields = listFields(schemas[dataset]);
    expect(suggestColumn(dataset, header, fields)).toBe(expected);
  });

  it('suggests nothing for a count of something else, or an unrelated word', () => {
    const fields = listFields(schemas.trod);
    expect(suggestColumn('trod', 'Nb personnes rencontrées', fields)).toBeUndefined();
    expect(suggestColumn('trod', 'Humeur', fields)).toBeUndefined();
  });

  it('says it in the warning, with the rapport.yaml lines, never for a column already in the file', () => {
    const mapping = map('trod', ['Date', 'Dépistage', 'Résultat', 'Lieu', 'Commune', 'Réf. usager']);
    const [commune, usager] = mapping.problems;
    expect(commune?.message).toBe('colonne « Commune » inconnue : elle est ignorée');
    expect(usager?.message).toContain('vouliez-vous dire « personne » ? Pour la lire ainsi, renommez l\'en-tête en « personne », ou ajoutez à rapport.yaml :');
    expect(usager?.message).toContain('\n          personne: "Réf. usager"');
  });

  it('a missing required column names the header that is likely it', () => {
    const mapping = map('maraudes', ['Date', 'Commune', 'Contacts']);
    expect(mapping.problems).toEqual([expect.objectContaining({ code: 'colonne_manquante', column: 'site', fatal: true })]);
    expect(mapping.problems[0]?.message).toContain('est-ce la colonne « Commune » ?');
    expect(mapping.problems[0]?.message).toContain('site: "Commune"');
  });

  it.each([
    ['trod', 'N° usager', 'personne'],
    ['trod', 'Date du prélèvement', 'date'],
    ['trod', 'Résultat du dépistage', 'resultat'],
    ['trod', 'Sexe / genre', 'genre'],
    ['maraudes', 'Lieu de passage', 'site'],
    ['maraudes', "Type d'intervention", 'type'],
    ['maraudes', 'Créneau horaire', 'creneau'],
    ['domiciliations', 'Pays de naissance', 'origine'],
    ['aides', 'Mode de paiement', 'forme'],
    ['aides', 'Montant versé', 'montant'],
  ] as const)('synonym of tracking tools: %s « %s » maps to %s', (dataset, header, column) => {
    const mapping = map(dataset, [header]);
    expect(mapping.columns[column]).toBe(header);
  });
});
