// Privacy (brief §4, issue 8 §1): no person code of the input, and no refused personal value, in
// any output, message or temporary file. The demo is built with its own TMPDIR, then every byte
// written (PDF text and bytes, HTML, CSV, chart cache, temp files, stdout, stderr) is searched.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, STACK_LINE } from '../cli/cli-helpers.js';
import { breakCell, collectPersonCodes, copyDemo, DEMO, leakedCodes, makeTempDir } from '../cli/demo-copy.js';
import { readPdfPages } from './report-reading.js';

interface Run {
  code: number;
  output: string;
}

/** The built CLI with its own temporary folder, so the temp files it leaves can be searched. */
function runWithTmp(args: readonly string[], tmp: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'rapport.js'), ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr });
    });
  });
}

/** Every file below `folder`, as text (latin1 keeps every byte, so ASCII codes are found in binaries too). */
function readAll(folder: string): { path: string; text: string }[] {
  if (!existsSync(folder)) return [];
  const result: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size < 64 * 1024 * 1024) result.push({ path, text: readFileSync(path).toString('latin1') });
    }
  };
  walk(folder);
  return result;
}

const codes = collectPersonCodes(join(DEMO, 'donnees'));

beforeAll(ensureBuilt);

describe('no identifier in any output of a successful build of the demo', () => {
  let run: Run;
  let out = '';
  let tmp = '';

  beforeAll(async () => {
    const root = makeTempDir();
    out = join(root, 'sortie');
    tmp = join(root, 'tmp');
    mkdirSync(tmp);
    run = await runWithTmp(['build', DEMO, '--sortie', out], tmp);
  });

  it('builds', () => {
    expect(run.code, run.output).toBe(0);
  });

  it('prints no person code on stdout or stderr', () => {
    expect(leakedCodes(run.output, codes)).toEqual([]);
  });

  it('writes no person code in the PDF text, the PDF bytes, the HTML, the CSV or the chart cache', () => {
    const written = readAll(out);
    expect(written.length).toBeGreaterThanOrEqual(3);
    for (const { path, text } of written) expect(leakedCodes(text, codes), path).toEqual([]);
    const pdf = readdirSync(out).find((name) => name.endsWith('.pdf'));
    expect(leakedCodes(readPdfPages(join(out, pdf ?? '')).join('\n'), codes)).toEqual([]);
  });

  it('leaves no person code in a temporary file', () => {
    for (const { path, text } of readAll(tmp)) expect(leakedCodes(text, codes), path).toEqual([]);
  });
});

describe('refused personal values reach no output (issue 8: an e-mail in « Lieu » was exported and printed)', () => {
  const secrets = { email: 'amina.kone@example.org', phone: '06 12 34 56 78' };

  it.each(['build', 'chiffres', 'check'])('%s stops with exit 1 naming file, line and column, and writes neither the values nor the codes', async (command) => {
    const folder = copyDemo();
    breakCell(folder, 'trod.csv', 5, 'Lieu', secrets.email);
    breakCell(folder, 'maraudes.csv', 7, 'Lieu', secrets.phone);
    const tmp = join(folder, '..', 'tmp');
    mkdirSync(tmp);
    const run = await runWithTmp([command, folder], tmp);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/trod\.csv/);
    expect(run.output).toMatch(/ligne 5, colonne « Lieu »/);
    expect(run.output).toMatch(/ligne 7, colonne « Lieu »/);
    expect(run.output).not.toMatch(STACK_LINE);
    for (const secret of Object.values(secrets)) expect(run.output).not.toContain(secret);
    expect(leakedCodes(run.output, codes)).toEqual([]);
    for (const { path, text } of [...readAll(join(folder, 'sortie')), ...readAll(tmp)]) {
      for (const secret of Object.values(secrets)) expect(text, path).not.toContain(secret);
      expect(leakedCodes(text, codes), path).toEqual([]);
    }
  });
});
