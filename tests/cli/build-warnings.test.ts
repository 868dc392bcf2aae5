// `rapport build` on a user section asking for a breakdown that exists in an earlier year only:
// exit 0, a note in the PDF in place of the table, a warning on stderr naming the section file
// and line. Also « 1 page », not « 1 pages », for a one-page section build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfPages, squash } from '../e2e/report-reading.js';
import { ensureBuilt, runRapport, STACK_LINE, type CliResult } from './cli-helpers.js';

let folder = '';
let full: CliResult;
let single: CliResult;

beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'rapport-avertissements-'));
  // The type column is filled in 2023 only: maraudes.sessions par type exists, not for 2024.
  const rows = ['date;site;type', '10/03/2023;Gare;Sociale', '11/04/2023;Port;Santé', '12/05/2023;Gare;Sociale'];
  for (let day = 1; day <= 20; day += 1) rows.push(`${String(day).padStart(2, '0')}/0${(day % 9) + 1}/2024;${day % 2 ? 'Gare' : 'Port'};`);
  writeFileSync(join(folder, 'maraudes.csv'), `${rows.join('\n')}\n`);
  mkdirSync(join(folder, 'sections'));
  writeFileSync(
    join(folder, 'sections', 'types.md'),
    '---\ntitre: Types de sorties\nid: types\n---\nNos sorties par type.\n\n{{tableau "maraudes.sessions" par="type"}}\n',
  );
  writeFileSync(join(folder, 'rapport.yaml'), 'association:\n  nom: Les Essais\nsections:\n  - chiffres-cles\n  - sections/types.md\n');
  full = await runRapport(['build', folder]);
  single = await runRapport(['build', folder, '--section', 'types', '--quiet']);
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('rapport build: a table with no value in the report year', () => {
  it('exits 0 and prints a warning with the section file and line on stderr', () => {
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).not.toMatch(STACK_LINE);
    expect(full.stderr).toContain('Avertissement : sections/types.md, ligne 7 : Maraudes réalisées par type : pas de donnée pour 2024, tableau remplacé par une note');
    expect(full.stdout).not.toContain('Avertissement');
  });

  it('puts a short French note in the PDF in place of the table', () => {
    const text = squash(readPdfPages(join(folder, 'sortie', 'rapport-activite-2024.pdf')).join(' '));
    expect(text).toContain('Nos sorties par type. Maraudes réalisées par type : pas de donnée pour 2024.');
  });

  it('--quiet silences the warning (only errors on stderr), and says « 1 page » for a one-page PDF', () => {
    expect(single.code, single.stderr).toBe(0);
    expect(single.stderr).toBe('');
    expect(single.stdout).toMatch(/rapport-activite-2024-types\.pdf \(1 page\)/);
  });
});
