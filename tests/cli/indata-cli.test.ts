// End to end through the built CLI: config `libelles` and `categories`, indicateurs.csv in wide
// form, one id per counter column, warnings for a figure without label and for orphan history.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runRapport, STACK_LINE } from './cli-helpers.js';
import { makeTempDir } from './demo-copy.js';

beforeAll(ensureBuilt);

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function folderWith(files: Record<string, string>): string {
  const folder = makeTempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

async function chiffres(folder: string): Promise<{ code: number; csv: string; stderr: string }> {
  // Outside the data folder: a chiffres-*.csv there would be read back as history.
  const out = join(makeTempDir(), 'export.csv');
  const result = await runRapport(['chiffres', folder, '--complet', '--sortie', out]);
  expect(result.stderr).not.toMatch(STACK_LINE);
  return { code: result.code, csv: result.code === 0 ? readFileSync(out, 'utf8') : '', stderr: plain(result.stderr) };
}

const MARAUDES = 'Date;Site;Nb de contacts\n03/01/2023;Gare;4\n04/01/2023;Port;6\n';

describe('config libelles', () => {
  it('renames a figure in the chiffres export', async () => {
    const folder = folderWith({ 'maraudes.csv': MARAUDES, 'rapport.yaml': 'libelles:\n  maraudes.sessions: Tournées réalisées\n  maraudes.contacts: Personnes contactées\n' });
    const { code, csv } = await chiffres(folder);
    expect(code).toBe(0);
    expect(csv).toContain('maraudes.sessions;2023;;;2;maraudes;Tournées réalisées');
    expect(csv).toContain('maraudes.contacts;2023;;;10;');
    expect(csv).toMatch(/maraudes\.contacts;2023;;;10;[^;]*;Personnes contactées/);
    expect(csv).not.toContain('Maraudes réalisées');
  });

  it('refuses an unknown figure id with the closest one, exit 2, in check as in chiffres', async () => {
    const folder = folderWith({ 'maraudes.csv': MARAUDES, 'rapport.yaml': 'libelles:\n  maraudes.contact: Personnes contactées\n' });
    const { code, stderr } = await chiffres(folder);
    expect(code).toBe(2);
    expect(stderr).toContain('rapport.yaml, ligne 2, libelles["maraudes.contact"] : chiffre inconnu « maraudes.contact » ; vouliez-vous dire « maraudes.contacts » ?');
    const check = await runRapport(['check', folder]);
    expect(check.code).toBe(2);
    expect(plain(check.stderr)).toContain('chiffre inconnu « maraudes.contact »');
  });
});

describe('config categories', () => {
  const trod = 'date;depistage;resultat\n2023-01-05;VIH;positif\n2023-01-05;hépatite A;vacciné\n2023-01-06;chlamydiae;négatif\n2023-01-06;VHC;négatif\n';

  it('refuses values outside the built-in lists without it, and accepts them with it', async () => {
    const folder = folderWith({ 'trod.csv': trod });
    const refused = await runRapport(['check', folder]);
    expect(refused.code).toBe(1);
    // Both refused values of the column in one message (issue 9: identical errors grouped).
    expect(plain(refused.stdout)).toContain(
      'colonne « depistage » : 2 valeurs non valides (« hépatite A », « chlamydiae »), lignes 3, 4 — attendu : une de ces valeurs : VIH, VHC, VHB, Syphilis',
    );
    writeFileSync(
      join(folder, 'rapport.yaml'),
      'categories:\n  trod:\n    depistage:\n      VHA: [hépatite A]\n      chlamydia: [chlamydiae]\n    resultat:\n      immunise: { libelle: Immunisé, synonymes: [vacciné] }\n',
    );
    const { code, csv } = await chiffres(folder);
    expect(code).toBe(0);
    expect(csv).toContain('trod.tests;2023;depistage;VHA;1;');
    expect(csv).toContain('trod.tests;2023;depistage;chlamydia;1;');
    expect(csv).toContain('trod.tests;2023;resultat;immunise;1;');
    expect(csv).toContain('trod.positifs;2023;;;1;');
    // 1 positive over 4 valid results.
    expect(csv).toContain('trod.taux_positivite;2023;;;25;');
  });
});

describe('indicateurs.csv in wide form', () => {
  it('is read as one figure per year, with the readable label and a warning when no libelle is given', async () => {
    const folder = folderWith({
      'indicateurs.csv': '\ufeffIndicateur;Libellé;2022;2023 (réalisé)\nsante.entretiens_infirmiers;;120;150\nsante.orientations;Orientations vers le soin;40;\nTotal;;160;150\n',
    });
    const { code, csv } = await chiffres(folder);
    expect(code).toBe(0);
    expect(csv).toContain('sante.entretiens_infirmiers;2022;;;120;;Entretiens infirmiers');
    expect(csv).toContain('sante.entretiens_infirmiers;2023;;;150;;Entretiens infirmiers');
    expect(csv).toContain('sante.orientations;2022;;;40;;Orientations vers le soin');
    expect(csv).not.toContain('sante.orientations;2023');
    const check = await runRapport(['check', folder]);
    expect(check.code).toBe(0);
    expect(plain(check.stdout)).toContain(
      "indicateurs.csv, ligne 2 : le chiffre « sante.entretiens_infirmiers » n'a pas de libellé : il est affiché « Entretiens infirmiers »",
    );
  });
});

describe('counter ids and history', () => {
  it('refuses « Nb de contacts » next to « Contacts » in maraudes.csv (exit 1)', async () => {
    const folder = folderWith({ 'maraudes.csv': 'Date;Site;Nb de contacts;Contacts\n03/01/2023;Gare;4;5\n' });
    const check = await runRapport(['check', folder]);
    expect(check.code).toBe(1);
    expect(plain(check.stdout)).toContain('les colonnes « Nb de contacts » et « Contacts » désignent la même donnée (même compteur « contacts ») : gardez-en une seule');
  });

  it('warns about a history row of a computed family that matches no computed figure', async () => {
    const folder = folderWith({ 'maraudes.csv': MARAUDES, 'chiffres-2022.csv': 'indicateur;annee;valeur;libelle\nmaraudes.nb_de_contacts;2022;40;Nb de contacts\n' });
    const check = await runRapport(['check', folder]);
    expect(check.code).toBe(0);
    expect(plain(check.stdout)).toContain('chiffres-2022.csv, ligne 2 : le chiffre « maraudes.nb_de_contacts » (2022) ne correspond à aucun chiffre calculé');
    expect(plain(check.stdout)).toContain('vouliez-vous dire « maraudes.contacts » ?');
  });
});
