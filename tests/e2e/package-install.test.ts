// The published package as a user gets it: `npm pack`, install the tarball into an empty folder
// (npm registry only: no browser download, canvas prebuilt or compiled), then `npx rapport build`
// on a copy of the demo. The install compiles canvas when its prebuilt binary cannot be
// downloaded (about 4 minutes on a 2-core machine): too slow for every `npm test`, so it runs
// when RAPPORT_TEST_PAQUET=1, which .ci/run sets in its own step after `npm test`.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ensureBuilt, ROOT } from '../cli/cli-helpers.js';
import { readPdfPages } from './report-reading.js';

const RUN_INSTALL = process.env.RAPPORT_TEST_PAQUET === '1';
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** npm settings a user has (registry, cache, certificates, headers folder); not those of the `npm test` around us. */
const KEPT_NPM_VARIABLES = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_cafile', 'npm_config_nodedir', 'npm_config_userconfig', 'npm_config_globalconfig']);

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.toLowerCase().startsWith('npm_') && !KEPT_NPM_VARIABLES.has(key.toLowerCase())) continue;
    if (key === 'INIT_CWD' || key.startsWith('PUPPETEER_')) continue;
    env[key] = value;
  }
  return env;
}

function run(command: string, args: readonly string[], cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    execFile(command, [...args], { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('the package file list', () => {
  it('ships what an installed package needs and nothing of the tests', async () => {
    // --ignore-scripts: lists without compiling (prepack), fast enough for every run.
    const result = await run(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    expect(result.code).toBe(0);
    const [pack] = JSON.parse(result.stdout) as { name: string; files: { path: string }[] }[];
    expect(pack?.name).toBe('rapport-activite');
    const files = (pack?.files ?? []).map((file) => file.path);
    for (const needed of [
      'bin/rapport.js',
      'dist/cli/run-cli.js',
      'dist/init/init-project.js',
      'templates/report.css',
      'templates/sections/trod.md',
      'schemas/rapport.schema.json',
      'schemas/donnees.schema.json',
      'docs/configuration.md',
      'fixtures/association-demo/donnees/maraudes.csv',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const unwanted = files.filter((path) => /^(?:src|tests|scripts|\.ci)\//.test(path) || (path.startsWith('fixtures/') && !path.startsWith('fixtures/association-demo/donnees/')));
    expect(unwanted).toEqual([]);
  });

  it('has no trace of the full puppeteer package (which downloads a browser at install)', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    expect(manifest).not.toMatch(/"puppeteer"/);
    expect(manifest).toContain('"puppeteer-core"');
  });
});

describe.skipIf(!RUN_INSTALL)('installed from the packed tarball into an empty folder', () => {
  let work: string;
  let app: string;
  let install: CliResult;

  beforeAll(async () => {
    await ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'rapport-paquet-'));
    const packed = await run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    app = join(work, 'app');
    cpSync(join(ROOT, 'fixtures', 'association-demo'), join(app, 'demo'), { recursive: true, filter: (path) => !path.includes(`${join('demo', 'sortie')}`) });
    // canvas's install script (prebuilt binary, else compile) is the only one the package needs.
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'essai-installation', private: true, allowScripts: { canvas: true } }, null, 2));
    install = await run(NPM, ['install', '--no-audit', '--no-fund', join(work, info?.filename ?? 'absent.tgz')], app);
  }, 30 * 60_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('installs with no browser download', () => {
    expect(install.code, install.stderr.slice(-4000)).toBe(0);
    const modules = readdirSync(join(app, 'node_modules'));
    expect(modules).toContain('rapport-activite');
    expect(modules).toContain('puppeteer-core');
    expect(modules).not.toContain('puppeteer');
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/Downloading (?:Chrome|Chromium|chrome-headless)/i);
    expect(existsSync(join(app, 'node_modules', '.bin', 'rapport'))).toBe(true);
  });

  it('runs `npx rapport` with the packaged version', async () => {
    const result = await run(NPX, ['--no-install', 'rapport', '--version'], app);
    expect(result.stdout.trim()).toBe(PACKAGE.version);
  });

  it('builds the demo: PDF, HTML and figures', async () => {
    const result = await run(NPX, ['--no-install', 'rapport', 'build', 'demo'], app);
    expect(result.code, result.stderr).toBe(0);
    const output = readdirSync(join(app, 'demo', 'sortie'));
    const pdf = output.find((name) => /^rapport-activite-\d{4}\.pdf$/.test(name));
    expect(pdf).toBeDefined();
    expect(output.some((name) => name.endsWith('.html'))).toBe(true);
    const pages = readPdfPages(join(app, 'demo', 'sortie', pdf ?? ''));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.join('\n')).toContain('Association Les Lucioles');
  }, 5 * 60_000);

  it('creates a project with `init --exemple` from the shipped demo data, which check accepts', async () => {
    const init = await run(NPX, ['--no-install', 'rapport', 'init', 'projet', '--exemple'], app);
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(join(app, 'projet', 'donnees')).sort()).toEqual(readdirSync(join(app, 'demo', 'donnees')).sort());
    const check = await run(NPX, ['--no-install', 'rapport', 'check', 'projet'], app);
    expect(check.code, check.stdout).toBe(0);
  });
});
