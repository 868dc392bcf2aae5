// Config keys `libelles` (figure labels and family titles) and `categories` (values added to
// the closed lists of the data files).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folderWith(yaml: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-config-'));
  created.push(folder);
  writeFileSync(join(folder, 'rapport.yaml'), yaml);
  return folder;
}

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

async function problemsOf(yaml: string): Promise<{ line?: number; key: string; message: string }[]> {
  const error = await loadConfig(folderWith(yaml)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map((p) => ({ ...(p.line !== undefined && { line: p.line }), key: p.key, message: plain(p.message) }));
}

describe('libelles', () => {
  it('splits figure labels from family titles (a key without a dot), with the line of each key', async () => {
    const config = await loadConfig(folderWith('libelles:\n  maraudes.sessions: Tournées réalisées\n  sante: Santé communautaire\n'));
    expect(config.libelles).toEqual({
      chiffres: { 'maraudes.sessions': 'Tournées réalisées' },
      familles: { sante: 'Santé communautaire' },
      lignes: { 'maraudes.sessions': 2, sante: 3 },
    });
  });

  it('is empty by default', async () => {
    const config = await loadConfig(folderWith('annee: 2024\n'));
    expect(config.libelles).toEqual({ chiffres: {}, familles: {}, lignes: {} });
  });

  it('refuses a key that is not an id and an empty label', async () => {
    expect(await problemsOf('libelles:\n  Maraudes Sessions: Tournées\n  trod.tests: ""\n')).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('identifiant de chiffre (ex. maraudes.sessions) ou de famille (ex. sante) attendu') }),
      expect.objectContaining({ line: 3, key: 'libelles["trod.tests"]', message: expect.stringMatching(/^libellé vide/) }),
    ]);
  });
});

describe('categories', () => {
  it('takes a list of synonyms or { libelle, synonymes, positif, valide }, with defaults', async () => {
    const config = await loadConfig(
      folderWith(
        'categories:\n  trod:\n    depistage:\n      VHA: [hépatite A]\n      chlamydia:\n    resultat:\n' +
          '      immunise: { libelle: Immunisé, synonymes: [vacciné] }\n      non_rendu: { valide: false }\n  aides:\n    forme:\n      bon_alimentaire: { libelle: Bon alimentaire }\n',
      ),
    );
    expect(config.categories).toEqual({
      trod: {
        depistage: {
          VHA: { label: 'VHA', synonyms: ['hépatite A'], positive: false, valid: true },
          chlamydia: { label: 'chlamydia', synonyms: [], positive: false, valid: true },
        },
        resultat: {
          immunise: { label: 'Immunisé', synonyms: ['vacciné'], positive: false, valid: true },
          non_rendu: { label: 'non_rendu', synonyms: [], positive: false, valid: false },
        },
      },
      aides: { forme: { bon_alimentaire: { label: 'Bon alimentaire', synonyms: [], positive: false, valid: true } } },
    });
  });

  it('refuses a word that already means a built-in value, naming it', async () => {
    expect(await problemsOf('categories:\n  trod:\n    depistage:\n      VHA: [hépatite A, HCV]\n')).toEqual([
      {
        line: 4,
        key: 'categories.trod.depistage.VHA',
        message: 'mot déjà reconnu, reçu « HCV » : il désigne la valeur intégrée « VHC » ; retirez-le (valeurs intégrées : VIH, VHC, VHB, Syphilis)',
      },
    ]);
  });

  it('refuses positif/valide outside trod.resultat, a column that is not extensible, and a positive not valid', async () => {
    const problems = await problemsOf(
      'categories:\n  trod:\n    depistage:\n      VHA: { positif: true }\n    resultat:\n      douteux_positif: { positif: true, valide: false }\n  domiciliations:\n    demande:\n      autre: []\n',
    );
    expect(problems.map((p) => [p.line, p.key, p.message])).toEqual([
      [4, 'categories.trod.depistage.VHA.positif', 'clé inconnue ; clés possibles : libelle, synonymes'],
      [6, 'categories.trod.resultat.douteux_positif', 'un résultat positif est forcément valide, reçu « positif: true » et « valide: false »'],
      [7, 'categories.domiciliations', 'clé inconnue ; clés possibles : maraudes, trod, aides'],
    ]);
  });
});
