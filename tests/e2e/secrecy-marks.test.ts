// Statistical secrecy end to end, hand-worked (issue 7 §1), on tests/fixtures/build-secret-statistique:
// tests by place Centre 124, Gare 37, Port 2 (total 163): Port is « < 3 », Gare (37, the smallest
// other cell) is its complementary cell and must print « s », never « < 3 », in the PDF, the HTML,
// the chart's alt text and the CSV export. Aids: Nuitée d'hôtel 1 (« < 3 ») and Maintien dans le
// logement 6 (« s ») under Hébergement (7); their amounts « s »; the subtotal 7 and total 87 published.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport } from '../cli/cli-helpers.js';
import { decodeEntities } from '../render/fake-figures.js';
import { readPdfPages, squash } from './report-reading.js';

const FOLDER = join(ROOT, 'tests', 'fixtures', 'build-secret-statistique');
let output = '';
let text = '';
let html = '';
let csv = '';

beforeAll(async () => {
  await ensureBuilt();
  output = mkdtempSync(join(tmpdir(), 'rapport-secret-'));
  const result = await runRapport(['build', FOLDER, '--sortie', output, '--quiet']);
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr}`);
  text = squash(readPdfPages(join(output, 'rapport-activite-2024.pdf')).join('\n'));
  html = readFileSync(join(output, 'rapport-activite-2024.html'), 'utf8');
  csv = readFileSync(join(output, 'chiffres-2024.csv'), 'utf8');
}, 240_000);

afterAll(() => {
  if (output) rmSync(output, { recursive: true, force: true });
});

describe('a complementary cell of 37', () => {
  it('prints « s » in the PDF table and in {{chiffre}}, never « < 3 »', () => {
    expect(text).toContain('Gare s');
    expect(text).toContain('Tests à la gare : s.');
    // pdftotext may drop the no-break space inside « < 3 ».
    expect(text).not.toMatch(/Gare <\s?3/);
    expect(text).toMatch(/Port <\s?3 —/);
    expect(text).toContain('Centre 124');
    expect(text).toContain('Total 163');
  });

  it('has the same mark in the CSV export and in the chart alt text', () => {
    expect(csv).toContain('trod.tests;2024;lieu;Gare;s;tests;');
    expect(csv).toContain('trod.tests;2024;lieu;Port;< 3;tests;');
    const alt = decodeEntities(/aria-label="([^"]*Gare[^"]*)"/.exec(html)?.[1] ?? '');
    expect(squash(alt)).toContain('Gare s');
    expect(squash(alt)).toContain('Port < 3');
    expect(alt).toContain('sans barre dessinée');
  });

  it('explains both marks under the table and in the annex', () => {
    expect(text).toContain('« < 3 » : effectif inférieur à 3');
    expect(text).toContain("« s » : valeur masquée pour qu'une petite case ne puisse pas être recalculée");
    expect(text).toMatch(/Tests rapides \(TROD\) réalisés \(2024\) : [^.]*Gare « s »/);
  });
});

describe('typology, amounts and rates next to masked counts', () => {
  it('shows the small count « < 3 », its partner and both amounts « s », the subtotal and the total', () => {
    expect(text).toMatch(/Nuitée d'hôtel <\s?3 s/);
    expect(text).toContain('Maintien dans le logement s s');
    expect(text).toContain('Sous-total Hébergement 7 1 280,00 €');
    expect(text).toContain('Total 87 2 580,00 €');
    expect(text).not.toMatch(/Sous-total [^0-9]*<\s?3/);
  });

  it('prints a rate computed on a masked count « s »', () => {
    expect(text).toMatch(/VIH s/);
    expect(csv).toContain('trod.taux_positivite;2024;depistage;VIH;s;%;');
    expect(text).not.toMatch(/<\s?3 ?%/);
  });
});
