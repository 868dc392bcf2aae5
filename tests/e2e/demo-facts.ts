// What the demo report must say, computed from the demo's own files (rapport.yaml, CSV
// exports, section templates) independently of src/, so that no expected number is copied
// from the output under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../cli/cli-helpers.js';
import { parseFrenchNumber, readCsvRows, readFrontMatter, yearOfDate } from './report-reading.js';

export const DEMO = join(ROOT, 'fixtures', 'association-demo');
export const DATA = join(DEMO, 'donnees');
export const YEAR = 2025;

export const config = parseYaml(readFileSync(join(DEMO, 'rapport.yaml'), 'utf8')) as {
  association: { nom: string };
  sections: string[];
  edito?: { fichier: string };
};
export const NAME = config.association.nom;
export const maraudes = readCsvRows(join(DATA, 'maraudes.csv')).filter((row) => yearOfDate(row['Date de sortie']) === YEAR);
export const sessions = maraudes.length;
export const contacts = maraudes.reduce((sum, row) => sum + Number(row.Contacts), 0);
export const types = new Map<string, number>();
for (const row of maraudes) types.set(row['Type de maraude'] ?? '', (types.get(row['Type de maraude'] ?? '') ?? 0) + 1);
export const aides = readCsvRows(join(DATA, 'aides_financieres.csv')).filter((row) => yearOfDate(row["Date de l'aide"]) === YEAR);
export const aidAmount = Math.round(aides.reduce((sum, row) => sum + parseFrenchNumber(row['Montant (€)']), 0) * 100) / 100;
export const trodByTest = new Map<string, number>();
for (const row of readCsvRows(join(DATA, 'trod.csv')).filter((r) => yearOfDate(r['Date du test']) === YEAR)) {
  trodByTest.set(row['Dépistage'] ?? '', (trodByTest.get(row['Dépistage'] ?? '') ?? 0) + 1);
}
export const MARAUDES_TITLE = String(readFrontMatter(join(ROOT, 'templates', 'sections', 'maraudes.md')).titre);
/** `{{graphique}}` calls in the sections the demo uses (built-in ids or its own files). */
export const chartCalls = config.sections
  .map((entry) => (entry.endsWith('.md') ? join(DEMO, entry) : join(ROOT, 'templates', 'sections', `${entry}.md`)))
  .concat(config.edito ? [join(DEMO, config.edito.fichier)] : [])
  .reduce((count, path) => count + (readFileSync(path, 'utf8').match(/\{\{graphique\s/g)?.length ?? 0), 0);
