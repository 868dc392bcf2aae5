// Two builds of the same input and config give the same bytes (PDF, HTML, CSV), whether the
// charts are drawn or come from the cache and whatever the output folder: the PDF dates come
// from the data (31 December of the report year) or SOURCE_DATE_EPOCH, the file identifier from
// the content, and the real date appears only in the annex, when asked (--horodater).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport } from '../cli/cli-helpers.js';
import { pdfInfo, readXmp } from '../pdf/helpers.js';

const PROJECT = join(ROOT, 'tests', 'fixtures', 'build-sans-config');
const FILES = ['rapport-activite-2025.pdf', 'rapport-activite-2025.html', 'chiffres-2025.csv'];
let scratch = '';

beforeAll(async () => {
  await ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'rapport-reproducible-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function build(out: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Map<string, Buffer>> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const result = await runRapport(['build', PROJECT, '--sortie', out, '-q', ...args]);
    expect(result.code, result.stderr).toBe(0);
  } finally {
    process.env = saved;
  }
  return new Map(FILES.map((file) => [file, readFileSync(join(out, file))]));
}

describe('reproducible build', () => {
  let first = new Map<string, Buffer>();

  it('two builds give the same bytes for the PDF, the HTML and the CSV (charts drawn, then from the cache, in another folder)', async () => {
    const out1 = join(scratch, 'premiere');
    const out2 = join(scratch, 'seconde');
    first = await build(out1);
    // The second build finds every chart in its cache: the cache must not change a byte either.
    cpSync(join(out1, '.cache'), join(out2, '.cache'), { recursive: true });
    const second = await build(out2);
    for (const file of FILES) expect(second.get(file)!.equals(first.get(file)!), `${file} differs`).toBe(true);
  });

  it('dates the PDF on 31 December of the report year (Info and XMP), with an identifier in the trailer', async () => {
    const pdf = first.get('rapport-activite-2025.pdf')!;
    const info = pdfInfo(pdf);
    expect(info.get('CreationDate')).toBe('2025-12-31T00:00:00Z');
    expect(info.get('ModDate')).toBe('2025-12-31T00:00:00Z');
    expect(await readXmp(pdf)).toContain('<xmp:CreateDate>2025-12-31T00:00:00.000Z</xmp:CreateDate>');
    expect(pdf.toString('latin1')).toMatch(/\/ID \[ <([0-9A-F]{32})> <\1> \]/);
    const html = first.get('rapport-activite-2025.html')!.toString('utf8');
    expect(html).not.toContain('Document produit le');
    expect(html).toContain("reconstruit à l'identique");
  });

  it('SOURCE_DATE_EPOCH dates the PDF; --horodater writes that date in the annex', async () => {
    // 2026-01-15T00:00:00Z
    const stamped = await build(join(scratch, 'horodatee'), ['--horodater'], { SOURCE_DATE_EPOCH: '1768435200' });
    const info = pdfInfo(stamped.get('rapport-activite-2025.pdf')!);
    expect(info.get('CreationDate')).toBe('2026-01-15T00:00:00Z');
    expect(stamped.get('rapport-activite-2025.html')!.toString('utf8')).toContain('Document produit le 15 janvier 2026 par rapport');
    // The CSV does not depend on dates.
    expect(stamped.get('chiffres-2025.csv')!.equals(first.get('chiffres-2025.csv')!)).toBe(true);
  });
});
