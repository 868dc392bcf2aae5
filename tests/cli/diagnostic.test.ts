// `rapport diagnostic`: every check comes from the stage that owns it; a missing browser is
// reported with the command for each system and exit 3.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnoseCharts } from '../../src/charts/diagnose-charts.js';
import { diagnoseBrowser } from '../../src/pdf/diagnose-browser.js';
import { diagnoseWriteAccess } from '../../src/pipeline/diagnose-write-access.js';
import { diagnoseNode } from '../../src/shared/node-version.js';
import { type CliResult, ensureBuilt, ROOT, runRapport, STACK_LINE } from './cli-helpers.js';
import { makeTempDir } from './demo-copy.js';

beforeAll(async () => {
  await ensureBuilt();
});

/** The built CLI with one more environment variable (the injected browser path). */
function runWithEnv(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'rapport.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

interface DiagnosticJson {
  ready: boolean;
  checks: { id: string; ok: boolean; required: boolean; detail: string; commands?: Record<string, string> }[];
}

describe('rapport diagnostic with a missing browser', () => {
  it('says what is missing, with the command for Debian/Ubuntu, macOS and Windows, and exits 3', async () => {
    const result = await runWithEnv(['diagnostic'], { PUPPETEER_EXECUTABLE_PATH: '/nulle/part/chromium' });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/\[MANQUE\] Navigateur .*«\u00a0\/nulle\/part\/chromium\u00a0»/);
    expect(result.stdout).toContain('Debian / Ubuntu\u00a0: sudo apt-get install -y chromium');
    expect(result.stdout).toContain('macOS (Homebrew)\u00a0: brew install --cask google-chrome');
    expect(result.stdout).toContain('Windows\u00a0: winget install Google.Chrome');
    // The rest is still checked and reported.
    expect(result.stdout).toContain('[ok]     Module canvas');
    expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
  });

  it('reports a browser found nowhere on the standard paths', async () => {
    const [found, ...rest] = await diagnoseBrowser({ find: { env: {}, candidates: [] } });
    expect(found).toMatchObject({ id: 'navigateur', ok: false, required: true });
    expect(found?.detail).toContain('Chromium est introuvable');
    expect(found?.commands?.debian).toBe('sudo apt-get install -y chromium');
    // No separate print failure for the same cause.
    expect(rest).toEqual([]);
  });

  it('gives the same facts in JSON', async () => {
    const result = await runWithEnv(['diagnostic', '--json'], { PUPPETEER_EXECUTABLE_PATH: '/nulle/part/chromium' });
    expect(result.code).toBe(3);
    const json = JSON.parse(result.stdout) as DiagnosticJson;
    expect(json.ready).toBe(false);
    expect(json.checks.find((check) => check.id === 'navigateur')).toMatchObject({ ok: false, required: true });
    expect(json.checks.find((check) => check.id === 'canvas')).toMatchObject({ ok: true });
  });
});

describe('rapport diagnostic on this machine', () => {
  it('finds the browser, prints a one-page PDF, loads canvas and the fonts, and exits 0', async () => {
    const project = makeTempDir();
    const result = await runRapport(['diagnostic', project, '--json']);
    const json = JSON.parse(result.stdout) as DiagnosticJson;
    expect(json.checks.filter((check) => !check.ok)).toEqual([]);
    expect(json.checks.map((check) => check.id)).toEqual([
      'node', 'navigateur', 'impression-pdf', 'polices', 'canvas', 'ecriture-sortie', 'ecriture-temporaire',
    ]);
    expect(json.checks.find((check) => check.id === 'navigateur')?.detail).toMatch(/\((?:Headless)?Chrome\/\d+/);
    expect(json.ready).toBe(true);
    expect(result.code).toBe(0);
  });
});

describe('diagnostic checks of each stage', () => {
  it('refuses Node 18 with the commands to get a recent one', () => {
    const check = diagnoseNode('v18.19.0');
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('20.19');
    expect(check.commands?.debian).toContain('deb.nodesource.com');
    expect(check.commands?.macos).toContain('brew install node');
    expect(diagnoseNode('v20.19.0').ok).toBe(true);
  });

  it('loads canvas and draws with the document font', async () => {
    const checks = await diagnoseCharts();
    expect(checks.map((check) => [check.id, check.ok])).toEqual([['polices', true], ['canvas', true]]);
  });

  it('reports an output folder that cannot be written, naming it', () => {
    const file = join(makeTempDir(), 'projet');
    writeFileSync(file, 'pas un dossier');
    const [output, temporary] = diagnoseWriteAccess(file);
    expect(output).toMatchObject({ id: 'ecriture-sortie', ok: false, required: true });
    expect(output?.detail).toContain(file);
    expect(temporary).toMatchObject({ id: 'ecriture-temporaire', ok: true });
  });
});
