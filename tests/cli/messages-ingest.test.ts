// Issue 9 §1: the messages for the shapes real exports have. One folder per message under
// tests/fixtures/message-*; each runs the built CLI (`check`, text and JSON, and `build`, which
// stops before the browser on bad data) and asserts the French text, the lines, the exit code,
// and that nothing was written. The rapport.yaml lines a message prints are applied and checked.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ensureBuilt, ROOT, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';
import { makeTempDir } from './demo-copy.js';

interface JsonGroup {
  severity: string;
  code: string;
  file: string;
  column: string | null;
  count: number;
  lines: number[];
  values: string[];
  text: string;
}
interface CheckJson {
  ok: boolean;
  errors: { code: string; line: number | null; column: string | null }[];
  warnings: { code: string; file: string; message: string; expected: string | null }[];
  groups: JsonGroup[];
}

beforeAll(ensureBuilt);

/** A temporary copy of tests/fixtures/<name>, so that « nothing written » can be asserted. */
function copyFixture(name: string): string {
  const folder = join(makeTempDir(), name);
  cpSync(join(ROOT, 'tests', 'fixtures', name), folder, { recursive: true });
  return folder;
}

function expectClean(result: CliResult): void {
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(STACK_LINE);
  expect(output).not.toMatch(/Erreur interne/);
}

/** check (text), check --json and build on a copy: outputs, and nothing written by any of them. */
async function runAll(name: string, options: { build?: boolean } = {}) {
  const folder = copyFixture(name);
  const before = snapshotTree(folder);
  const text = await runRapport(['check', folder]);
  const json = await runRapport(['check', folder, '--json']);
  const build = options.build === false ? undefined : await runRapport(['build', folder]);
  for (const result of [text, json, ...(build ? [build] : [])]) expectClean(result);
  expect(snapshotTree(folder)).toEqual(before);
  expect(existsSync(join(folder, 'sortie'))).toBe(false);
  return { folder, text, json, build };
}

/** The lines under « rapport.yaml : » in a message, without their common indentation. */
function extractYaml(output: string, marker: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.includes(marker));
  expect(start, output).toBeGreaterThanOrEqual(0);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line) || !/^(\s+)(?:[a-z_]+:|[a-z_]+: ")/.test(line)) break;
    block.push(line);
  }
  const indent = Math.min(...block.map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return `${block.map((line) => line.slice(indent)).join('\n')}\n`;
}

describe('identical errors are grouped', () => {
  it('one column failing on 113 rows is one message with the count and the first lines; the JSON keeps every line', async () => {
    const { text, json, build } = await runAll('message-erreurs-groupees');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '    colonne « Résultat » : 113 valeurs non valides (« À refaire », « en attente »), lignes 2 à 100, 105, 107, 110 à 121 — attendu : une de ces valeurs : Négatif, Positif, Invalide',
    );
    expect(text.stdout).toContain('    ligne 103, colonne « Date du test » : valeur obligatoire manquante');
    expect(text.stdout.match(/colonne « Résultat »/g)).toHaveLength(1);
    expect(text.stdout).not.toContain('autres erreurs');
    expect(text.stdout).toContain('Erreurs (114)');

    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout) as CheckJson;
    // Every occurrence is still listed one by one, and every line is in the group.
    expect(document.errors).toHaveLength(114);
    const group = document.groups.find((g) => g.column === 'Résultat');
    expect(group).toMatchObject({ severity: 'error', code: 'valeur_invalide', file: 'trod.csv', count: 113, values: ['À refaire', 'en attente'] });
    expect(group?.lines).toHaveLength(113);
    expect(group?.lines.slice(0, 3)).toEqual([2, 3, 4]);
    expect(group?.lines.at(-1)).toBe(121);

    expect(build?.code).toBe(1);
    expect(build?.stderr).toContain('trod.csv, colonne « Résultat » : 113 valeurs non valides');
  });
});

describe('a text column read as a counter', () => {
  it('says so once, with the rapport.yaml lines that map it to `type`', async () => {
    const { text, json, build } = await runAll('message-colonne-texte-compteur');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "colonne « Mode d'intervention » : colonne de texte lue comme un compteur : 60 valeurs non numériques (« Sanitaire », « Social », « Sanitaire et social »), lignes 2 à 61.",
    );
    expect(text.stdout).toContain('toute colonne autre que date, site, type, creneau, nombre et les commentaires est un compteur');
    expect(text.stdout).toContain('renommez son en-tête « Commentaire », ou supprimez la colonne');
    expect(text.stdout.match(/Mode d'intervention/g)).toHaveLength(2);
    const document = JSON.parse(json.stdout) as CheckJson;
    expect(document.groups).toEqual([expect.objectContaining({ code: 'colonne_texte_compteur', column: "Mode d'intervention", count: 60 })]);
    expect(document.errors).toHaveLength(60);
    expect(build?.code).toBe(1);
    expect(build?.stderr).toContain('colonne de texte lue comme un compteur');
  });

  it('the printed lines work: pasted in rapport.yaml, check passes and the figures count by type', async () => {
    const { text } = await runAll('message-colonne-texte-compteur', { build: false });
    const yaml = extractYaml(text.stdout, 'ajoutez ces lignes à rapport.yaml');
    expect(yaml).toBe('colonnes:\n  maraudes:\n    type: "Mode d\'intervention"\n');
    const folder = copyFixture('message-colonne-texte-compteur');
    writeFileSync(join(folder, 'rapport.yaml'), yaml);
    const checked = await runRapport(['check', folder]);
    expect(checked.stdout).toContain('✔ Aucune erreur');
    expect(checked.code).toBe(0);
    const exported = join(folder, 'chiffres.json');
    const chiffres = await runRapport(['chiffres', folder, '--format', 'json', '--sortie', exported]);
    expect(chiffres.code).toBe(0);
    expect(readFileSync(exported, 'utf8')).toContain('"Sanitaire et social"');
  });

  it('suggests `creneau` when the words are jour / nuit', async () => {
    const folder = join(makeTempDir(), 'creneau');
    cpSync(join(ROOT, 'tests', 'fixtures', 'message-colonne-texte-compteur'), folder, { recursive: true });
    const file = join(folder, 'donnees', 'maraudes.csv');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const edited = lines.map((line, index) => {
      const cells = line.split(';');
      cells[2] = index === 0 ? 'Moment de la journée' : index % 2 ? 'Nuit' : 'Jour';
      return cells.join(';');
    });
    writeFileSync(file, `${edited.join('\n')}\n`);
    const result = await runRapport(['check', folder]);
    expect(result.code).toBe(1);
    const yaml = extractYaml(result.stdout, 'ajoutez ces lignes à rapport.yaml');
    expect(yaml).toBe('colonnes:\n  maraudes:\n    creneau: "Moment de la journée"\n');
    writeFileSync(join(folder, 'rapport.yaml'), yaml);
    expect((await runRapport(['check', folder])).code).toBe(0);
  });
});

describe('unknown columns close to a contract column', () => {
  it('« vouliez-vous dire » by words, with the lines to paste; a missing required column names its likely header', async () => {
    const { text, json, build } = await runAll('message-colonne-proche');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'ligne 1, colonne « depistage » : colonne obligatoire « depistage » absente : le fichier ne peut pas être utilisé ; est-ce la colonne « Pathologie dépistée » ?',
    );
    expect(text.stdout).toContain('colonne « Ville » inconnue : elle est ignorée ; vouliez-vous dire « lieu » ?');
    expect(text.stdout).toContain('colonne « Réf. usager » inconnue : elle est ignorée ; vouliez-vous dire « personne » ?');
    // The header proposed for the missing column is not warned about a second time.
    expect(text.stdout).not.toContain('colonne « Pathologie dépistée » inconnue');
    const document = JSON.parse(json.stdout) as CheckJson;
    expect(document.errors).toEqual([expect.objectContaining({ code: 'colonne_manquante', line: 1, column: 'depistage' })]);
    expect(build?.code).toBe(1);

    // The three mappings printed, pasted together, make the file valid.
    const folder = copyFixture('message-colonne-proche');
    writeFileSync(
      join(folder, 'rapport.yaml'),
      'colonnes:\n  trod:\n    depistage: "Pathologie dépistée"\n    lieu: "Ville"\n    personne: "Réf. usager"\n',
    );
    const fixed = await runRapport(['check', folder]);
    expect(fixed.stdout).toContain('✔ Aucune erreur');
    expect(fixed.code).toBe(0);
  });
});

describe('an indicateurs.csv in the wrong shape', () => {
  it('gets one message describing the long and wide forms, with examples that are themselves accepted', async () => {
    const { text, build } = await runAll('message-indicateurs-forme');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'ligne 1 : forme du fichier non reconnue : il manque les colonnes indicateur, valeur (en-têtes lus : « Année », « Personnes accueillies », « Passages », « Nuitées »)',
    );
    expect(text.stdout).toContain('Ici les années sont en lignes (colonne « Année »)');
    expect(text.stdout).not.toContain('inconnue');
    expect(build?.code).toBe(1);
    expect(build?.stderr).toContain('forme du fichier non reconnue');

    // Both examples of the message, as files: accepted.
    const examples = [...text.stdout.matchAll(/^ {12}(\S.*)$/gm)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(4);
    for (const [header, row] of [examples.slice(0, 2), examples.slice(2, 4)]) {
      const folder = join(makeTempDir(), 'exemple');
      cpSync(join(ROOT, 'tests', 'fixtures', 'message-indicateurs-forme'), folder, { recursive: true });
      writeFileSync(join(folder, 'donnees', 'indicateurs.csv'), `${header}\n${row}\n`);
      const result = await runRapport(['check', folder]);
      expect(result.code, result.stdout).toBe(0);
    }
  });
});

describe('an unexpected file name', () => {
  it('names the closest contract file and the `fichiers:` lines; pasted, the file is read', async () => {
    const { text, json } = await runAll('message-fichier-inconnu', { build: false });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('fichier « Tournées 2013.csv » non reconnu : il est ignoré ; vouliez-vous dire maraudes.csv ?');
    expect(text.stdout).toContain('renommez le fichier « maraudes.csv », ou déclarez-le dans rapport.yaml :');
    const document = JSON.parse(json.stdout) as CheckJson;
    expect(document.warnings).toEqual([expect.objectContaining({ code: 'fichier_inconnu', file: 'Tournées 2013.csv' })]);

    const yaml = extractYaml(text.stdout, 'déclarez-le dans rapport.yaml');
    expect(yaml).toBe('fichiers:\n  maraudes: "Tournées 2013.csv"\n');
    const folder = copyFixture('message-fichier-inconnu');
    writeFileSync(join(folder, 'rapport.yaml'), yaml);
    const fixed = await runRapport(['check', folder, '--json']);
    expect(fixed.code).toBe(0);
    const summaries = (JSON.parse(fixed.stdout) as { summaries: { file: string; dataset: string | null; rowsValid: number }[] }).summaries;
    expect(summaries).toContainEqual(expect.objectContaining({ file: 'Tournées 2013.csv', dataset: 'maraudes', rowsValid: 2 }));
  });

  it('a `fichiers:` name that is not in the data folder is a config error (exit 2) with the closest file, before any reading', async () => {
    const { text, build } = await runAll('message-fichier-config-introuvable');
    for (const result of [text, build]) {
      expect(result?.code).toBe(2);
      expect(result?.stderr).toContain('rapport.yaml, ligne 2, fichiers.maraudes\u00a0: fichier «\u00a0Tournees 2013.csv\u00a0» introuvable dans «\u00a0donnees\u00a0»');
      expect(result?.stderr).toContain('vouliez-vous dire «\u00a0Tournées 2013.csv\u00a0»\u00a0?');
    }
  });

  it('an unknown contract name under `fichiers:` gets the closest one (exit 2)', async () => {
    const folder = copyFixture('message-fichier-inconnu');
    writeFileSync(join(folder, 'rapport.yaml'), 'fichiers:\n  maraude: "Tournées 2013.csv"\n');
    const result = await runRapport(['check', folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fichiers.maraude\u00a0: clé inconnue\u00a0; vouliez-vous dire «\u00a0maraudes\u00a0»\u00a0?');
  });
});
