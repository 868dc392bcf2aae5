// Per-funder bilans (issue 10), end to end: a copy of the demo with two funders (one with a
// section, one target missing, one hidden cell). The full build runs in-process to count browser
// launches (one for the report and both bilans); `--financeur` runs through the built CLI.
// Every expected value is read from the build's own figures export (chiffres-<N>.csv), never
// copied from the bilan under test.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/pipeline/build-report.js';
import { countBrowserLaunches } from '../../src/pdf/browser-processes.js';
import { readVersion } from '../../src/shared/version.js';
import { ensureBuilt, runRapport, STACK_LINE } from '../cli/cli-helpers.js';
import { readOutline } from '../pdf/helpers.js';
import { copyDemo } from '../cli/demo-copy.js';
import { YEAR } from './demo-facts.js';
import { french, linesOf, parseFrenchNumber, readCsvRows, readPdfInfo, readPdfPages, readStructure, squash } from './report-reading.js';

interface Indicator {
  chiffre: string;
  libelle: string;
  cible?: number;
  type?: 'moyens';
  depistage?: string;
}

const ARS: Indicator[] = [
  { chiffre: 'trod.personnes', libelle: 'Personnes dépistées par TROD', cible: 120 },
  { chiffre: 'trod.tests', libelle: 'TROD VIH réalisés', cible: 100, depistage: 'VIH' },
  // Fewer than 3 in the demo: hidden, never compared to its target.
  { chiffre: 'trod.positifs', libelle: 'TROD VIH positifs', cible: 2, depistage: 'VIH' },
  { chiffre: 'maraudes.sessions', libelle: 'Maraudes réalisées', cible: 200, type: 'moyens' },
  { chiffre: 'maraudes.sites', libelle: 'Sites visités', type: 'moyens' },
];
const VILLE: Indicator[] = [
  { chiffre: 'domiciliations.personnes', libelle: 'Personnes domiciliées', cible: 250 },
  { chiffre: 'aides.montant', libelle: 'Montant des aides versées', cible: 10000, type: 'moyens' },
  { chiffre: 'aides.beneficiaires', libelle: "Bénéficiaires d'une aide" },
];
const ARS_NAME = 'ARS Île-de-France';
const VILLE_NAME = 'Ville de Vernelle';

let folder = '';
let out = '';
let year = 0;
let result: BuildResult;
let launches = 0;
let store: Record<string, string>[] = [];

/** The demo with two funders with indicators (and one without) and the ARS section. */
function writeFixture(): string {
  const project = copyDemo();
  const path = join(project, 'rapport.yaml');
  const config = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  config.financeurs = [
    { id: 'ars', nom: ARS_NAME, action: 'Prévention et dépistage hors les murs', convention: '2023-ARS-042', indicateurs: ARS, sections: ['financeurs/faits.md'] },
    { id: 'ville', nom: VILLE_NAME, role: 'domiciliation et aides', indicateurs: VILLE },
    'Fondation du Pont-Levis',
  ];
  writeFileSync(path, stringify(config));
  // Outputs of an earlier demo build, if any, are not this test's.
  rmSync(join(project, 'sortie'), { recursive: true, force: true });
  mkdirSync(join(project, 'financeurs'), { recursive: true });
  writeFileSync(join(project, 'financeurs', 'faits.md'), '---\ntitre: Faits marquants\n---\nEn {{annee}}, {{chiffre "trod.personnes"}} personnes ont été dépistées hors les murs.\n');
  return project;
}

beforeAll(async () => {
  await ensureBuilt();
  folder = writeFixture();
  out = join(folder, 'sortie');
  // Left by earlier builds: a funder gone from rapport.yaml (removed), another year (kept).
  mkdirSync(join(out, 'financeurs'), { recursive: true });
  writeFileSync(join(out, 'financeurs', `parti-${YEAR}.pdf`), 'ancien bilan');
  writeFileSync(join(out, 'financeurs', 'ars-2020.pdf'), 'bilan 2020');
  const before = countBrowserLaunches();
  // The CLI's version, so that the bilan rebuilt by `--financeur` below can be compared byte for byte.
  result = await buildReport({ folder, version: readVersion() });
  launches = countBrowserLaunches() - before;
  year = result.year;
  store = readCsvRows(join(out, `chiffres-${year}.csv`));
}, 300_000);

/** pdftotext may drop the no-break space of « < 3 » in a small italic cell: compare without it. */
function plain(text: string | undefined): string | undefined {
  return text === undefined ? undefined : squash(text).replace(/< (?=\d)/g, '<');
}

/** The published value of the figures export, as written there (« 103 », « 9589,4 », « < 3 »). */
function published(indicator: Indicator, at: number): string | undefined {
  const dimension = indicator.depistage === undefined ? '' : 'depistage';
  return store.find((r) => r.indicateur === indicator.chiffre && r.annee === String(at) && r.dimension === dimension && r.modalite === (indicator.depistage ?? ''))?.valeur;
}

function isNumber(text: string | undefined): text is string {
  return text !== undefined && /^-?\d+(,\d+)?$/.test(text);
}

/** The row as the bilan must print it, derived from the export: expected, obtained, rate, N−1, status. */
function expectedRow(indicator: Indicator) {
  const money = indicator.chiffre === 'aides.montant';
  const show = (text: string | undefined) => (text === undefined ? '—' : !isNumber(text) ? text : money ? french.euros(parseFrenchNumber(text)) : french.integer(parseFrenchNumber(text)));
  const obtained = published(indicator, year);
  const comparable = indicator.cible !== undefined && isNumber(obtained);
  const rate = comparable ? Math.round((parseFrenchNumber(obtained) * 100) / (indicator.cible ?? 1)) : undefined;
  const status =
    indicator.cible === undefined ? 'sans cible' : !comparable ? 'non disponible' : parseFrenchNumber(obtained) >= (indicator.cible ?? 0) ? '✔ atteint' : '✘ non atteint';
  return {
    obtained,
    rate,
    status,
    line: squash(
      [
        indicator.libelle,
        indicator.cible === undefined ? '—' : money ? french.euros(indicator.cible) : french.integer(indicator.cible),
        show(obtained),
        rate === undefined ? '—' : `${french.integer(rate)} %`,
        show(published(indicator, year - 1)),
        status,
      ].join(' '),
    ),
  };
}

const pdfOf = (id: string) => join(out, 'financeurs', `${id}-${year}.pdf`);
const csvOf = (id: string) => join(out, 'financeurs', `${id}-${year}.csv`);

describe('rapport build with two funders with indicators', () => {
  it('launches the browser once for the report and both bilans', () => {
    expect(launches).toBe(1);
    expect(result.funders.map((f) => f.id)).toEqual(['ars', 'ville']);
  });

  it('writes sortie/financeurs/<id>-<N>.pdf and .csv for each funder with indicators, and only for them; removes the bilan of a funder gone', () => {
    expect(year).toBe(YEAR);
    expect(readdirSync(join(out, 'financeurs')).sort()).toEqual(['ars-2020.pdf', `ars-${year}.csv`, `ars-${year}.pdf`, `ville-${year}.csv`, `ville-${year}.pdf`]);
    for (const funder of result.funders) {
      expect(readFileSync(funder.pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
      expect(funder.pageCount).toBe(readPdfPages(funder.pdfPath).length);
    }
  });

  it.each([
    ['ars', ARS],
    ['ville', VILLE],
  ] as const)('%s: each PDF row shows the export\'s values, the rounded rate, « — » and the status in words', (id, indicators) => {
    const text = readPdfPages(pdfOf(id)).flatMap(linesOf);
    for (const indicator of indicators) {
      const row = expectedRow(indicator);
      const printed = text.find((line) => line.startsWith(indicator.libelle) && /\d|—/.test(line.slice(indicator.libelle.length)));
      expect(plain(printed), indicator.libelle).toBe(plain(row.line));
    }
  });

  it('covers the cases the test means to: a rate rounded up from .5, a missing target, a hidden cell with its mark and no rate', () => {
    const sessions = expectedRow(ARS[3] as Indicator);
    expect((parseFrenchNumber(sessions.obtained) * 100) / 200).not.toBe(sessions.rate);
    expect(expectedRow(ARS[4] as Indicator).line).toContain('Sites visités —');
    const hidden = expectedRow(ARS[2] as Indicator);
    expect(hidden.obtained).toBe('< 3');
    expect(hidden.line).toBe('TROD VIH positifs 2 < 3 — < 3 non disponible');
    const text = squash(readPdfPages(pdfOf('ars')).join('\n'));
    expect(text).toContain('« < 3 » : effectif inférieur à 3');
  });

  it.each([
    ['ars', ARS],
    ['ville', VILLE],
  ] as const)('%s: the CSV holds the same values as the PDF and the export', (id, indicators) => {
    const bytes = readFileSync(csvOf(id));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsvRows(csvOf(id));
    for (const indicator of indicators) {
      // The unit goes with the label (« Montant des aides versées (€) »): the number stays bare for a form's field.
      const row = rows.find((r) => r.Indicateur === indicator.libelle || r.Indicateur === `${indicator.libelle} (€)`);
      const expected = expectedRow(indicator);
      expect(row, indicator.libelle).toBeDefined();
      expect(row?.[`Obtenu ${year}`]).toBe(expected.obtained);
      expect(row?.[`Obtenu ${year - 1}`]).toBe(published(indicator, year - 1) ?? '—');
      expect(row?.Attendu).toBe(indicator.cible === undefined ? '—' : String(indicator.cible));
      expect(row?.['Taux de réalisation (%)']).toBe(expected.rate === undefined ? '—' : String(expected.rate));
      expect(row?.Statut).toBe(expected.status.replace(/^[✔✘] /, ''));
    }
  });

  it('has the cover facts, the funder section with its figure, the method note, and « X / Y » on every page after the cover', () => {
    const pages = readPdfPages(pdfOf('ars'));
    const cover = squash(pages[0] ?? '');
    for (const fact of ['Association Les Lucioles', ARS_NAME, 'Prévention et dépistage hors les murs', '2023-ARS-042', String(year)]) expect(cover).toContain(fact);
    const all = squash(pages.join('\n'));
    const personnes = published(ARS[0] as Indicator, year) ?? '?';
    expect(all).toContain(`Faits marquants En ${year}, ${personnes} personnes ont été dépistées hors les murs.`);
    expect(all).toMatch(/Note méthodologique Sources et période/);
    expect(all).toContain('trod.csv');
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue;
      expect(linesOf(page).at(-1), `page ${index + 1}`).toBe(`Association Les Lucioles — Bilan ${ARS_NAME} ${year} — ${index + 1} / ${pages.length}`);
    }
  });

  it('has the title « Bilan <funder> <N> — <association> », French language, tags and bookmarks', async () => {
    const info = readPdfInfo(pdfOf('ville'));
    expect(info.fields.get('Title')).toBe(`Bilan ${VILLE_NAME} ${year} — Association Les Lucioles`);
    expect(info.fields.get('Tagged')).toBe('yes');
    expect(info.pageSizes.every((size) => size.endsWith('(A4)'))).toBe(true);
    expect((await readStructure(pdfOf('ville'))).lang).toBe('fr');
    const outline = (await readOutline(readFileSync(pdfOf('ars')))).map((entry) => entry.title);
    for (const title of [ARS_NAME, `Indicateurs ${year}`, 'Indicateurs de résultats', 'Indicateurs de moyens', 'Faits marquants', 'Note méthodologique']) expect(outline).toContain(title);
  });

  it('lists each funder with its table on the report\'s funders page, and the bilans in the annex', () => {
    const text = squash(readPdfPages(result.pdfPath).join('\n'));
    const page = text.slice(text.indexOf('Indicateurs des conventions'));
    expect(page.indexOf(ARS_NAME)).toBeLessThan(page.indexOf(VILLE_NAME));
    for (const indicator of [...ARS, ...VILLE]) expect(plain(page)).toContain(plain(expectedRow(indicator).line));
    expect(text).toMatch(new RegExp(`Bilans des financeurs .*${ARS_NAME} : financeurs/ars-${year}\\.pdf`));
  });
});

describe('rapport build --financeur', () => {
  it('builds only that funder\'s bilan: no report written, the other funder untouched', async () => {
    const reportPdf = readFileSync(result.pdfPath);
    const villePdf = readFileSync(pdfOf('ville'));
    const ars = { pdf: readFileSync(pdfOf('ars')), csv: readFileSync(csvOf('ars')) };
    rmSync(pdfOf('ars'));
    const run = await runRapport(['build', folder, '--financeur', 'ars']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Bilan ${ARS_NAME} : `);
    expect(run.stdout).not.toContain('rapport-activite');
    expect(readFileSync(result.pdfPath).equals(reportPdf)).toBe(true);
    expect(readFileSync(pdfOf('ville')).equals(villePdf)).toBe(true);
    expect(readPdfInfo(pdfOf('ars')).fields.get('Title')).toBe(`Bilan ${ARS_NAME} ${year} — Association Les Lucioles`);
    // The same bilan, byte for byte, whether built alone or with the report.
    expect(readFileSync(pdfOf('ars')).equals(ars.pdf)).toBe(true);
    expect(readFileSync(csvOf('ars')).equals(ars.csv)).toBe(true);
  }, 120_000);

  it('an unknown id exits 2, names it and lists the known ones, and writes nothing', async () => {
    const before = readdirSync(join(out, 'financeurs')).map((name) => readFileSync(join(out, 'financeurs', name)).length);
    const run = await runRapport(['build', folder, '--financeur', 'arss']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('« arss »');
    expect(run.stderr).toContain('« ars »');
    expect(run.stderr).toContain('ars, ville');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(join(out, 'financeurs')).map((name) => readFileSync(join(out, 'financeurs', name)).length)).toEqual(before);
    const both = await runRapport(['build', folder, '--financeur', 'ars', '--section', 'maraudes']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--section et --financeur ne vont pas ensemble');
  }, 60_000);
});
