// `financeurs` with indicators (issue 10): the forms rapport.yaml accepts, and one config error
// (exit 2, French message naming the funder, the indicator, the value and the closest valid one)
// per bad input, as `rapport check` reports them on the fixtures tests/fixtures/financeurs-*.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { ensureBuilt, runRapport, STACK_LINE } from '../cli/cli-helpers.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

function parseFunders(financeurs: unknown) {
  return configSchema.safeParse({ financeurs });
}

describe('financeurs in rapport.yaml', () => {
  it('keeps a plain name and { nom, role } working', () => {
    const result = parseFunders(['Ville de Vernelle', { nom: 'Fondation', role: 'aides' }]);
    expect(result.success).toBe(true);
    expect(result.data?.financeurs).toEqual([
      { nom: 'Ville de Vernelle', indicateurs: [], sections: [] },
      { nom: 'Fondation', role: 'aides', indicateurs: [], sections: [] },
    ]);
  });

  it('reads a breakdown cell written as in the helpers, defaults type to resultat and a missing target to null', () => {
    const result = parseFunders([
      {
        id: 'ars',
        nom: 'ARS',
        indicateurs: [
          { chiffre: 'trod.tests', depistage: 'VIH', libelle: 'Nombre de TROD VIH réalisés', cible: 100 },
          { chiffre: 'maraudes.sessions', type: 'moyens' },
          // A breakdown named like a key of the indicator (maraudes' `type`) is given explicitly.
          { chiffre: 'maraudes.contacts', dimension: 'type', modalite: 'TROD' },
          { chiffre: 'domiciliations.personnes', tranche_age: 25 },
        ],
      },
    ]);
    expect(result.success).toBe(true);
    expect(result.data?.financeurs[0]?.indicateurs).toEqual([
      { chiffre: 'trod.tests', libelle: 'Nombre de TROD VIH réalisés', cible: 100, type: 'resultat', dimension: 'depistage', modalite: 'VIH' },
      { chiffre: 'maraudes.sessions', libelle: undefined, cible: null, type: 'moyens' },
      { chiffre: 'maraudes.contacts', libelle: undefined, cible: null, type: 'resultat', dimension: 'type', modalite: 'TROD' },
      { chiffre: 'domiciliations.personnes', libelle: undefined, cible: null, type: 'resultat', dimension: 'tranche_age', modalite: '25' },
    ]);
  });

  it('refuses two breakdown cells in one indicator, and points a misspelt key to the right one', () => {
    const two = parseFunders([{ id: 'ars', nom: 'ARS', indicateurs: [{ chiffre: 'trod.tests', depistage: 'VIH', lieu: 'Gare' }] }]);
    expect(two.error?.issues.map((issue) => issue.message)).toEqual(['une seule case de ventilation par indicateur (reçu depistage, lieu)']);
    const typo = parseFunders([{ id: 'ars', nom: 'ARS', indicateurs: [{ chiffre: 'trod.tests', libele: 'TROD' }] }]);
    expect(typo.error?.issues.map((issue) => issue.message)).toEqual(['clé inconnue « libele » ; vouliez-vous dire « libelle » ?']);
    // Named even though the missing `chiffre` fails the indicator first.
    const missing = parseFunders([{ id: 'ars', nom: 'ARS', indicateurs: [{ chifre: 'trod.tests' }] }]);
    expect(JSON.stringify(missing.error?.issues)).toContain('clé inconnue « chifre » ; vouliez-vous dire « chiffre » ?');
  });

  it('refuses sections without indicators (no bilan would carry them)', () => {
    const result = parseFunders([{ id: 'ars', nom: 'ARS', sections: ['financeurs/ars.md'] }]);
    expect(result.error?.issues[0]?.message).toMatch(/^sections sans indicateurs/);
  });
});

describe('rapport check on funders’ config errors', () => {
  beforeAll(async () => {
    await ensureBuilt();
  });

  it('accepts a valid funder (tests/fixtures/financeurs-bilan)', async () => {
    const result = await runRapport(['check', join(FIXTURES, 'financeurs-bilan')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  const cases: [string, string][] = [
    ['chiffre-inconnu', 'ligne 6, financeurs[1].indicateurs[1].chiffre : financeur « ars », indicateur « Nombre de TROD réalisés » : chiffre inconnu « trod.test » ; vouliez-vous dire « trod.tests » ?'],
    ['ventilation-inconnue', 'ligne 6, financeurs[1].indicateurs[1].depistages : financeur « ars », indicateur « Nombre de TROD VIH réalisés » : ventilation inconnue « depistages » ; vouliez-vous dire « depistage » ?'],
    ['modalite-inconnue', 'ligne 6, financeurs[1].indicateurs[1].depistage : financeur « ars », indicateur « Nombre de TROD VHC réalisés » : modalité inconnue « VHCC » pour la ventilation « depistage » ; vouliez-vous dire « VHC » ?'],
    ['cible-non-numerique', 'ligne 8, financeurs[1].indicateurs[1].cible : financeur « ars », indicateur « Nombre de TROD réalisés » : nombre attendu (valeur de la convention, sans guillemets ni espace, ex. cible: 1000), reçu « cent »'],
    ['id-en-double', 'ligne 7, financeurs[2].id : financeur « ars » : identifiant déjà utilisé par le financeur n° 1 (« ARS Île-de-France ») ; chaque financeur a le sien'],
    ['id-invalide', 'ligne 3, financeurs[1].id : financeur « ARS Île-de-France » : identifiant en minuscules sans accent, chiffres et tirets attendu, reçu « ARS IDF » ; vouliez-vous dire « ars-idf » ?'],
    ['id-manquant', 'ligne 3, financeurs[1] : financeur « ARS Île-de-France » : identifiant « id » manquant : il est obligatoire avec des indicateurs ou des sections (ex. id: ars-ile-de-france)'],
    ['section-absente', 'ligne 7, financeurs[1].sections[1] : financeur « ars » : fichier introuvable « financeurs/absente.md »'],
  ];
  it.each(cases)('financeurs-%s: exit 2 with the message', async (name, message) => {
    const folder = join(FIXTURES, `financeurs-${name}`);
    const result = await runRapport(['check', folder]);
    expect(result.code).toBe(2);
    // Config errors found before reading the data leave stdout empty; those that need the
    // figures come after the files' summary, which ends by saying build would stop.
    if (result.stdout !== '') expect(result.stdout).toContain('La construction échouerait');
    expect(result.stderr).not.toMatch(STACK_LINE);
    // Messages put a no-break space before « : ; ? » and inside guillemets (config-error.ts).
    const plain = result.stderr.replace(/\u00a0/g, ' ');
    expect(plain).toContain(`Erreur : ${join(folder, 'rapport.yaml')}, ${message}`);
  });

  it('stops build with the same message before anything is written', async () => {
    const folder = join(FIXTURES, 'financeurs-chiffre-inconnu');
    const result = await runRapport(['build', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\u00a0/g, ' ')).toContain('chiffre inconnu « trod.test » ; vouliez-vous dire « trod.tests » ?');
    expect(existsSync(join(folder, 'sortie', 'rapport-activite-2024.pdf'))).toBe(false);
  });
});
