// The demo built with `libelles` (maraudes called « tournées ») and `categories` (hepatitis A
// tests, « immunisé » results): the new wording reaches tiles, funders' table, charts, tables
// and the export, and the added values are counted apart.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/pipeline/build-report.js';
import { DEMO } from '../cli/demo-copy.js';
import { readPdfPages, squash } from './report-reading.js';

let folder = '';
let result: BuildResult;
let text = '';
let csv = '';
/** Rows of the demo's trod.csv turned into hepatitis A tests and « vacciné » results. */
const changed = { hepatiteA: 0, vaccine: 0 };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rapport-libelles-'));
  cpSync(DEMO, folder, { recursive: true });
  rmSync(join(folder, 'sortie'), { recursive: true, force: true });
  const trodPath = join(folder, 'donnees', 'trod.csv');
  const lines = readFileSync(trodPath, 'utf8').replace(/^\ufeff/, '').split('\n');
  const edited = lines.map((line, index) => {
    if (index === 0 || !line.startsWith('2025')) return line;
    if (index % 40 === 5 && line.includes(',VHC,')) {
      changed.hepatiteA += 1;
      return line.replace(',VHC,', ',hépatite A,');
    }
    if (index % 50 === 7 && line.includes(',Négatif,')) {
      changed.vaccine += 1;
      return line.replace(',Négatif,', ',vacciné,');
    }
    return line;
  });
  writeFileSync(trodPath, edited.join('\n'));
  // A figure without libelle: shown under a readable label, listed in the annex.
  appendFileSync(join(folder, 'donnees', 'indicateurs.csv'), 'sante.entretiens_infirmiers,2025,,,150,,entretiens\n');
  appendFileSync(
    join(folder, 'rapport.yaml'),
    '\nlibelles:\n  maraudes.sessions: Tournées réalisées\n  maraudes.preservatifs: Préservatifs remis\n' +
      'categories:\n  trod:\n    depistage:\n      VHA: [hépatite A]\n    resultat:\n      immunise: { libelle: Immunisé, synonymes: [vacciné] }\n' +
      // The short form of expected values (the demo's funders carry their own since issue 10).
      'objectifs:\n  maraudes.sessions: 200\n',
  );
  result = await buildReport({ folder, version: '0.0.0-test', now: new Date('2026-03-01T10:00:00Z') });
  text = squash(readPdfPages(result.pdfPath).join('\n'));
  csv = readFileSync(result.csvPath ?? '', 'utf8');
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('demo built with libelles and categories', () => {
  it('really changed some rows of the demo', () => {
    expect(changed.hepatiteA).toBeGreaterThan(0);
    expect(changed.vaccine).toBeGreaterThan(0);
  });

  it('prints the configured label in the tiles, the funders\' table and the chart titles, never the built-in one', () => {
    const count = (needle: string) => text.split(needle).length - 1;
    // Chiffres clés and maraudes tiles, funders' table, three chart or table titles.
    expect(count('Tournées réalisées')).toBeGreaterThanOrEqual(6);
    expect(text).toMatch(/Chiffres clés L'essentiel[^]*?Tournées réalisées[^]*?contre 192 en 2024/);
    expect(text).toContain('Indicateur Attendu Obtenu Réalisation Tournées réalisées 200 209');
    expect(text).toContain('Tournées réalisées par site en 2025');
    expect(count('Préservatifs remis')).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('Maraudes réalisées');
  });

  it('writes the configured label in the chiffres export', () => {
    expect(csv).toMatch(/maraudes\.sessions;2025;;;\d+;maraudes;Tournées réalisées/);
    expect(csv).not.toContain('Maraudes réalisées');
  });

  it('lists the figure without libelle in the annex, under its readable label', () => {
    expect(text).toContain("Le chiffre « sante.entretiens_infirmiers » n'a pas de libellé : il est affiché « Entretiens infirmiers »");
    expect(csv).toContain('sante.entretiens_infirmiers;2025;;;150;entretiens;Entretiens infirmiers');
  });

  it('counts the added test type and result as their own modalites', () => {
    expect(text).toMatch(/Dépistage Tests Part VIH \d+ [^]*? VHA (?:\d+|< ?3) /);
    expect(csv).toMatch(/trod\.tests;2025;depistage;VHA;(?:\d+|< 3|s|secret);/);
    expect(csv).toMatch(/trod\.tests;2025;resultat;immunise;(?:\d+|< 3|s|secret);/);
  });
});
