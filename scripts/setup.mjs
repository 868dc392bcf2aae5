#!/usr/bin/env node
// Dependency-free, idempotent setup run before `npm start` and `npm test` (prestart/pretest).
// It first checks the Node.js version (Debian 12's apt gives 18: everything after would fail
// in obscure ways). On a fresh Debian machine it then installs, in order: the Debian packages
// (Chromium for the PDF, poppler-utils for tests, cairo/pango headers in case `canvas` must be
// compiled), the npm packages, then the TypeScript build. Elsewhere (macOS, Fedora, Windows)
// it says what to install. When everything is present it only stats a few files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const quiet = process.argv.includes('--quiet');

/** Minimum [major, minor] of Node.js from package.json `engines.node` (">=20.19"). */
export function readNodeRequirement(packageJson = join(root, 'package.json')) {
  const text = JSON.parse(readFileSync(packageJson, 'utf8')).engines?.node ?? '>=20.19';
  const match = /(\d+)(?:\.(\d+))?/.exec(text);
  return { major: Number(match?.[1] ?? 20), minor: Number(match?.[2] ?? 0) };
}

/**
 * undefined when `version` ("v20.19.0") is recent enough, else the French message saying how to
 * get a recent Node.js on this platform (apt's nodejs is too old on Debian 12: NodeSource, or a
 * version manager that needs no administrator rights).
 */
export function describeNodeProblem(version, minimum, platform = process.platform) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > minimum.major || (major === minimum.major && minor >= minimum.minor)) return undefined;
  const wanted = `${minimum.major}.${minimum.minor}`;
  const lines = [`Node.js ${version} est trop ancien : rapport demande Node.js ${wanted} ou plus récent.`];
  if (platform === 'darwin') {
    lines.push('Installez-le avec Homebrew :', '  brew install node@22', 'ou avec fnm (sans droits administrateur) :', '  brew install fnm && fnm install 22 && fnm use 22');
  } else if (platform === 'win32') {
    lines.push('Installez-le :', '  winget install OpenJS.NodeJS.LTS', 'ou :', '  choco install nodejs-lts');
  } else {
    lines.push(
      'Le paquet « nodejs » de Debian 12 est en version 18. Installez une version récente :',
      '  curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash - && sudo apt-get install -y nodejs',
      'ou, sans droits administrateur, avec nvm :',
      '  curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.3/install.sh | bash && nvm install 22',
      'ou avec fnm :',
      '  curl -fsSL https://fnm.vercel.app/install | bash && fnm install 22',
    );
  }
  lines.push('Puis relancez la commande.');
  return lines.join('\n');
}

function ensureNodeVersion() {
  // RAPPORT_SETUP_NODE_VERSION: tests check the message without installing an old Node.js.
  const version = process.env.RAPPORT_SETUP_NODE_VERSION ?? process.version;
  const problem = describeNodeProblem(version, readNodeRequirement());
  if (problem !== undefined) fail(problem);
}

/**
 * What to install by hand on a system without apt, per platform: a browser for the PDF and
 * poppler (pdftotext) for the tests. `canvas` comes prebuilt for macOS and Windows.
 */
export function describeManualInstall(platform = process.platform) {
  if (platform === 'darwin') {
    return ['Installez un navigateur et poppler (tests) avec Homebrew :', '  brew install --cask google-chrome && brew install poppler'];
  }
  if (platform === 'win32') {
    return ['Installez un navigateur et poppler (tests) :', '  winget install Google.Chrome', '  choco install poppler'];
  }
  return [
    'Système sans apt : installez Chromium, poppler et, si canvas doit être compilé, cairo et pango.',
    '  Fedora : sudo dnf install -y chromium poppler-utils gcc-c++ cairo-devel pango-devel libjpeg-turbo-devel giflib-devel librsvg2-devel',
    '  Arch : sudo pacman -S chromium poppler cairo pango',
  ];
}

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
  if (!existsSync('/usr/bin/dpkg-query')) {
    // No apt: nothing can be installed for the user, but saying what is needed now beats a
    // browser error at the end of the first build. `rapport diagnostic` checks it all later.
    if (!existsSync(join(root, 'node_modules', '.rapport-setup'))) {
      for (const line of describeManualInstall()) log(line);
      log('Après l\'installation : « node bin/rapport.js diagnostic » vérifie navigateur, polices et canvas.');
    }
    return;
  }
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
  // puppeteer-core downloads no browser. canvas's own install script is
  // `prebuild-install || node-gyp rebuild`: it takes the prebuilt binary when one exists and
  // can be downloaded, and compiles against the cairo/pango headers installed above otherwise
  // (no internet, unusual platform). Forcing a source build would cost minutes and a compiler
  // on machines that need neither. RAPPORT_CANVAS_SOURCE=1 forces it (a download that hangs).
  run('npm', ['ci', '--no-audit', '--no-fund'], process.env.RAPPORT_CANVAS_SOURCE === '1' ? { npm_config_build_from_source: 'true' } : {});
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

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  try {
    ensureNodeVersion();
    ensureDebianPackages();
    ensureNodeModules();
    ensureBuild();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
