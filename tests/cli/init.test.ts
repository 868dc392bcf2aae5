// `rapport init`: a fresh project builds at once, nothing is ever overwritten, --exemple copies
// the demo's rows. Runs the built CLI, like a user would.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { configSchema } from '../../src/config/schema.js';
import { buildConfigYaml } from '../../src/init/project-template.js';
import { DATASET_FILES, DATASET_IDS } from '../../src/ingest/contract.js';
import { buildExampleCsvs, listContractColumns } from '../../src/init/index.js';
import { readCsvRows, readPdfPages, squash } from '../e2e/report-reading.js';
import { ensureBuilt, runRapport, snapshotTree, STACK_LINE } from './cli-helpers.js';
import { DEMO, makeTempDir } from './demo-copy.js';

beforeAll(async () => {
  await ensureBuilt();
});

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('rapport init, then check and build', () => {
  let project: string;
  let stdout: string;

  beforeAll(async () => {
    project = join(makeTempDir(), 'mon-association');
    const result = await runRapport(['init', project]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
  });

  it('creates rapport.yaml, one CSV per contract file, the texts and LISEZMOI.md', () => {
    const expected = ['rapport.yaml', 'LISEZMOI.md', 'textes/edito.md', 'textes/activite.md', ...DATASET_IDS.map((id) => `donnees/${DATASET_FILES[id]}`)];
    for (const path of expected) {
      expect(existsSync(join(project, path)), path).toBe(true);
      expect(stdout).toContain(`créé      ${path}`);
    }
    expect(readdirSync(join(project, 'donnees')).sort()).toEqual(Object.values(DATASET_FILES).sort());
  });

  it('writes the contract headers and exactly one example row, French-Excel style', () => {
    for (const dataset of DATASET_IDS) {
      const text = readFileSync(join(project, 'donnees', DATASET_FILES[dataset]), 'utf8');
      const lines = text.replace(/^\ufeff/, '').split('\r\n').filter((line) => line !== '');
      expect(lines, dataset).toHaveLength(2);
      expect(lines[0]?.split(';')).toEqual(listContractColumns(dataset));
      expect(lines[1]?.split(';')).toHaveLength(listContractColumns(dataset).length);
    }
    const [aide] = readCsvRows(join(project, 'donnees', 'aides_financieres.csv'));
    expect(aide?.montant).toMatch(/^\d+,\d\d$/);
    expect(aide?.date).toMatch(/^\d\d\/\d\d\/\d{4}$/);
  });

  it('has an example value for every contract column', () => {
    // A column added to the contract without an example would throw here, not ship empty.
    for (const csv of buildExampleCsvs(2025)) {
      expect(csv.row.length).toBe(csv.header.length);
      const required = csv.header.filter((_, index) => csv.row[index] === '');
      // Optional cells may stay empty (orientation only concerns positive tests, no refusal…).
      expect(required.every((column) => !['date', 'personne', 'montant', 'indicateur', 'valeur'].includes(column)), csv.dataset).toBe(true);
    }
  });

  it('comments every key of the configuration and points to the published JSON Schema', () => {
    const yaml = readFileSync(join(project, 'rapport.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/rapport-activite@${VERSION}/schemas/rapport.schema.json`);
    for (const key of Object.keys(configSchema.shape).filter((key) => key !== '$schema')) {
      expect(yaml, key).toMatch(new RegExp(`^#? ?${key}\\s?:`, 'm'));
    }
    expect(yaml).toMatch(/^# financeurs:\n#   - /m);
  });

  it('is a valid configuration as written, and with every commented example switched on', () => {
    const yaml = readFileSync(join(project, 'rapport.yaml'), 'utf8');
    expect(configSchema.safeParse(parse(yaml)).error?.issues ?? []).toEqual([]);
    // A commented key line is « # key: » or an indented continuation; prose comments are neither.
    const everything = yaml.replace(/^(\s*)# (?=[a-z_]+:|\s+\S)/gm, '$1');
    expect(everything).toMatch(/^financeurs:/m);
    expect(everything).toMatch(/^objectifs:/m);
    expect(configSchema.safeParse(parse(everything)).error?.issues ?? []).toEqual([]);
  });

  it('explains a configuration key added later without writing an invalid setting', () => {
    const shape = { ...configSchema.shape, fichiers: z.record(z.string(), z.string()).meta({ description: 'Noms de vos fichiers de données.' }) };
    const yaml = buildConfigYaml(VERSION, shape);
    expect(yaml).toContain('# fichiers\u00a0: Noms de vos fichiers de données. (voir docs/configuration.md)');
    const everything = yaml.replace(/^(\s*)# (?=[a-z_]+:|\s+\S)/gm, '$1');
    expect(everything).not.toMatch(/^fichiers/m);
  });

  it('passes check without an error', async () => {
    const result = await runRapport(['check', project]);
    expect(result.stdout).toContain('Aucune erreur');
    expect(result.code).toBe(0);
  });

  it('builds the PDF at once, with the example section and its figures', async () => {
    const result = await runRapport(['build', project]);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(0);
    const year = new Date().getFullYear() - 1;
    const pdf = join(project, 'sortie', `rapport-activite-${year}.pdf`);
    const text = squash(readPdfPages(pdf).join('\n'));
    expect(text).toContain('Notre activité en bref');
    expect(text).toContain('Mon association');
    // The example row's amount, computed and formatted, not copied: 45,50 €.
    expect(text).toMatch(/45,50\s?€/);
  });
});

describe('a project without one of the data files', () => {
  it('builds once the chapter of that file is removed: the example texts skip its figures', async () => {
    const project = join(makeTempDir(), 'sans-trod');
    expect((await runRapport(['init', project])).code).toBe(0);
    rmSync(join(project, 'donnees', 'trod.csv'));
    const config = join(project, 'rapport.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^  - trod\n/m, ''));
    const result = await runRapport(['build', project]);
    expect(result.stderr).not.toContain('Erreur');
    expect(result.code).toBe(0);
    const pdf = readdirSync(join(project, 'sortie')).find((name) => name.endsWith('.pdf')) ?? '';
    const text = squash(readPdfPages(join(project, 'sortie', pdf)).join('\n'));
    expect(text).toContain('Notre activité en bref');
    expect(text).not.toContain('Dépistages rapides (TROD) proposés');
  });
});

describe('rapport init never overwrites', () => {
  it('keeps existing files, says which, and adds only what is missing', async () => {
    const project = join(makeTempDir(), 'existant');
    mkdirSync(join(project, 'donnees'), { recursive: true });
    writeFileSync(join(project, 'rapport.yaml'), 'association:\n  nom: Les Mouettes\n');
    writeFileSync(join(project, 'donnees', 'trod.csv'), 'date;depistage;resultat\n01/02/2024;VIH;Négatif\n');
    const result = await runRapport(['init', project]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(project, 'rapport.yaml'), 'utf8')).toBe('association:\n  nom: Les Mouettes\n');
    expect(readFileSync(join(project, 'donnees', 'trod.csv'), 'utf8')).toBe('date;depistage;resultat\n01/02/2024;VIH;Négatif\n');
    expect(result.stdout).toContain('conservé  rapport.yaml (existait déjà, non modifié)');
    expect(result.stdout).toContain('conservé  donnees/trod.csv');
    expect(result.stdout).toContain('créé      donnees/maraudes.csv');
    expect(existsSync(join(project, 'textes', 'edito.md'))).toBe(true);
  });

  it('changes nothing when run twice', async () => {
    const project = join(makeTempDir(), 'deux-fois');
    expect((await runRapport(['init', project])).code).toBe(0);
    const before = snapshotTree(project);
    const again = await runRapport(['init', project]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('créé');
    expect(again.stdout).toContain('Rien à créer');
    expect(snapshotTree(project)).toEqual(before);
  });

  it('refuses a file where the project folder should be (exit 2)', async () => {
    const file = join(makeTempDir(), 'fichier');
    writeFileSync(file, 'x');
    const result = await runRapport(['init', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("n'est pas un dossier");
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('rapport init --exemple', () => {
  it("copies the demo's data files byte for byte, and check accepts them", async () => {
    const project = join(makeTempDir(), 'exemple');
    const result = await runRapport(['init', project, '--exemple']);
    expect(result.code).toBe(0);
    const demo = join(DEMO, 'donnees');
    for (const name of readdirSync(demo)) {
      expect(readFileSync(join(project, 'donnees', name)).equals(readFileSync(join(demo, name))), name).toBe(true);
    }
    const check = await runRapport(['check', project]);
    expect(check.code).toBe(0);
  });
});
