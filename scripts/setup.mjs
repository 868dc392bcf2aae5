#!/usr/bin/env node
// Dependency-free, idempotent setup run before `npm start` and `npm test` (prestart/pretest).
// On a fresh Debian machine it installs, in order: the Debian packages (Chromium for the PDF,
// poppler-utils for tests, cairo/pango headers that `canvas` compiles against), the npm
// packages, then the TypeScript build. When everything is present it only stats a few files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const quiet = process.argv.includes('--quiet');

// Debian packages: runtime (chromium) + test tools (poppler-utils) + build deps of `canvas`.
const DEBIAN_PACKAGES = [
  'chromium',
  'poppler-utils',
  'fonts-dejavu-core',
  'pkg-config',
  'build-essential',
  'libcairo2-dev',
  'libpango1.0-dev',
  'libjpeg-dev',
  'libgif-dev',
  'librsvg2-dev',
];

function log(message) {
  if (!quiet) process.stderr.write(`[setup] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[setup] ${message}\n`);
  process.exit(1);
}

function run(command, args, env = {}) {
  log(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) fail(`échec de « ${command} ${args.join(' ')} » (code ${result.status})`);
}

function missingDebianPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) return [];
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...DEBIAN_PACKAGES], {
    encoding: 'utf8',
  });
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith('install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return DEBIAN_PACKAGES.filter((name) => !installed.has(name));
}

function ensureDebianPackages() {
  if (process.env.RAPPORT_SKIP_SYSTEM === '1') return;
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    fail(
      `paquets système manquants : ${missing.join(', ')}.\n` +
        `Installez-les avec les droits administrateur puis relancez :\n  sudo sh -c '${command}'`,
    );
  }
  log(`installation des paquets système : ${missing.join(', ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], env);
}

function hashOf(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.rapport-setup');
  const wanted = `${hashOf(lock)} ${hashOf(join(root, 'package.json'))}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  // No browser download (we use Debian's chromium) and no prebuilt canvas binary: compile it.
  run('npm', ['ci', '--no-audit', '--no-fund'], {
    PUPPETEER_SKIP_DOWNLOAD: 'true',
    npm_config_build_from_source: 'true',
  });
  writeFileSync(stamp, wanted);
}

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureBuild() {
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
  writeFileSync(stamp, new Date().toISOString());
}

try {
  ensureDebianPackages();
  ensureNodeModules();
  ensureBuild();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
