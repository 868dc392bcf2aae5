import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_COLOR, loadConfig } from '../../src/config/index.js';
import { ExitCode } from '../../src/shared/errors.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
/** Messages carry no-break spaces (French typography); tests read them with plain spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

async function loadError(folder: string): Promise<ConfigError> {
  const error = await loadConfig(folder).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfig — valid configuration', () => {
  it('reads every key, applies shorthands and resolves paths inside the folder', async () => {
    const folder = fixture('complet');
    const config = await loadConfig(folder);
    expect(config.source).toBe(join(folder, 'rapport.yaml'));
    expect(config.folder).toBe(folder);
    expect(config.association).toEqual({
      nom: 'Les Amies du Quai',
      sigle: 'ADQ',
      logo: join(folder, 'images/logo.svg'),
      couleur: '#8a2b5c',
      adresse: '12 rue des Lilas\n75011 Paris',
      site_web: 'www.amies-du-quai.example',
    });
    expect(config.annee).toBe(2023);
    expect(config.titre).toBe("Rapport d'activité 2023 — 20 ans d'aller-vers");
    expect(config.edito).toEqual({ fichier: join(folder, 'textes/edito.md'), signature: 'Camille Martin, présidente' });
    expect(config.sections).toEqual([
      { kind: 'builtin', id: 'chiffres-cles' },
      { kind: 'file', fichier: join(folder, 'textes/presentation.md'), id: 'presentation' },
      { kind: 'builtin', id: 'maraudes' },
      { kind: 'builtin', id: 'trod' },
      { kind: 'file', fichier: join(folder, 'textes/perspectives.md'), id: undefined },
    ]);
    expect(config.glossaire).toEqual({ ADQ: 'Les Amies du Quai', PAM: "permanence d'accueil mobile" });
    expect(config.partenaires).toEqual([
      { nom: 'CeGIDD Nord', role: undefined },
      { nom: 'Centre de santé sexuelle', role: 'orientation des résultats positifs' },
    ]);
    expect(config.financeurs.map((funder) => funder.nom)).toEqual(['ARS Île-de-France', 'Ville de Paris']);
    expect(config.confidentialite.seuil).toBe(5);
    expect(config.reponses_multiples).toEqual([
      { indicateur: 'accueil.orientations', dimension: 'type' },
      { indicateur: null, dimension: 'motif de visite' },
      { indicateur: 'accueil.besoins', dimension: 'besoin' },
    ]);
    expect(config.objectifs).toEqual({
      'maraudes.sessions': { valeur: 200, libelle: undefined },
      'trod.tests': { valeur: 180, libelle: 'TROD réalisés' },
    });
  });

  it('gives a folder without config the defaults', async () => {
    const config = await loadConfig(fixture('sans-config'));
    expect(config.source).toBeNull();
    expect(config.association.nom).toBe("Rapport d'activité");
    expect(config.association.couleur).toBe(DEFAULT_COLOR);
    expect(config.association.logo).toBeUndefined();
    expect(config.sections).toBeUndefined();
    expect(config.edito).toBeUndefined();
    expect(config.annee).toBeUndefined();
    expect(config.confidentialite.seuil).toBe(3);
    expect(config.colonnes).toEqual({});
    expect(config.valeurs).toEqual({});
    expect(config.reponses_multiples).toEqual([]);
  });

  it('refuses a folder that does not exist, with exit code 2', async () => {
    const error = await loadConfig(fixture('absent')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ exitCode: ExitCode.usage });
    expect(plain((error as Error).message)).toContain("n'existe pas");
  });
});

describe('loadConfig — errors name file, line and key', () => {
  it('suggests the closest key for an unknown one, at any depth', async () => {
    const error = await loadError(fixture('cle-inconnue'));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 3, key: 'association.coleur', message: 'clé inconnue ; vouliez-vous dire « couleur » ?' }),
      expect.objectContaining({ line: 4, key: 'partenaire', message: 'clé inconnue ; vouliez-vous dire « partenaires » ?' }),
    ]);
    expect(plain(error.message)).toBe(`le fichier de configuration « ${join(fixture('cle-inconnue'), 'rapport.yaml')} » contient 2 erreurs`);
    expect(error.details.map(plain)).toContain(
      `${join(fixture('cle-inconnue'), 'rapport.yaml')}, ligne 3, association.coleur : clé inconnue ; vouliez-vous dire « couleur » ?`,
    );
  });

  it('explains a colour that is not #RRGGBB, with French typography', async () => {
    const error = await loadError(fixture('couleur-invalide'));
    expect(error.message).toBe(
      `${join(fixture('couleur-invalide'), 'rapport.yaml')}, ligne 3, association.couleur\u00a0: ` +
        'couleur attendue au format #RRGGBB (entre guillemets), reçu «\u00a0bleu\u00a0»',
    );
  });

  it('refuses a year that is not a four-digit year', async () => {
    const error = await loadError(fixture('annee-invalide'));
    expect(error.problems).toEqual([expect.objectContaining({ line: 3, key: 'annee', message: 'année attendue entre 2000 et 2100, reçu 23' })]);
  });

  it('refuses a section path that leaves the project folder', async () => {
    const error = await loadError(fixture('chemin-hors-dossier'));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 3, key: 'sections[2]' });
    expect(error.problems[0]?.message).toMatch(/^le chemin « \.\.\/complet\/textes\/presentation\.md » sort du dossier du projet/);
  });

  it('names the key of a missing section file', async () => {
    const error = await loadError(fixture('section-manquante'));
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 3, key: 'sections[2]', message: expect.stringContaining('fichier introuvable « textes/introuvable.md »') }),
    ]);
  });

  it('reports a YAML syntax error with its line and column, in French', async () => {
    const error = await loadError(fixture('yaml-invalide'));
    const [problem] = error.problems;
    expect(problem?.key).toBe('');
    expect(problem?.line).toBe(3);
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/guillemet/);
    expect(plain(error.message)).toMatch(/rapport\.yaml, ligne 3 : /);
  });
});

describe('loadConfig — colonnes and valeurs', () => {
  it('hands them over in the ingestion shapes, values resolved to canonical ones', async () => {
    const config = await loadConfig(fixture('colonnes-valeurs'));
    expect(config.colonnes).toEqual({ trod: { depistage: 'Dépistage réalisé', resultat: 'Issue du test' } });
    expect(config.valeurs).toEqual({ trod: { resultat: { 'Réactif faible': 'positif' }, depistage: { 'Hépatite virale C': 'VHC' } } });
  });
});
