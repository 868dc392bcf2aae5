import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { RenderError } from '../shared/errors.js';

export interface FindBrowserOptions {
  /** Environment read for PUPPETEER_EXECUTABLE_PATH (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Paths tried in order after the variable (default: the standard paths of this platform). */
  candidates?: readonly string[];
  platform?: NodeJS.Platform;
}

/** Where Chromium, Chrome or Edge usually live, most likely first. */
export function listStandardBrowserPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME === undefined ? [] : [join(env.HOME, 'Applications')])];
    return roots.flatMap((root) => apps.map((app) => join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => root !== undefined);
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => apps.map((app) => `${root}\\${app}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/local/bin/chromium',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ];
}

function isExecutableFile(path: string): boolean {
  try {
    // statSync follows symlinks (Debian's /usr/bin/chromium-browser is one).
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function describeInstall(platform: NodeJS.Platform): string {
  const install =
    platform === 'darwin'
      ? 'brew install --cask chromium'
      : platform === 'win32'
        ? 'winget install Google.Chrome'
        : 'sudo apt-get install -y chromium (Debian, Ubuntu)';
  return (
    `installez Chromium\u00a0: ${install}\u00a0; ou indiquez le chemin d'un Chromium ou Chrome déjà installé\u00a0: ` +
    'PUPPETEER_EXECUTABLE_PATH=/chemin/vers/chromium rapport build <dossier>'
  );
}

/**
 * Path of the browser that prints the PDF: PUPPETEER_EXECUTABLE_PATH when set (an explicit
 * choice, so a wrong value is an error rather than silently using another browser), else the
 * first standard path that exists. No browser → RenderError (exit 3) with the install command.
 */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const explicit = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  if (explicit !== undefined && explicit !== '') {
    if (isExecutableFile(explicit)) return explicit;
    throw new RenderError(
      `la variable PUPPETEER_EXECUTABLE_PATH désigne «\u00a0${explicit}\u00a0», qui n'existe pas ou n'est pas un programme exécutable`,
      { hint: `corrigez ce chemin, ou retirez la variable pour utiliser le Chromium du système\u00a0; ${describeInstall(platform)}` },
    );
  }
  const candidates = options.candidates ?? listStandardBrowserPaths(platform, env);
  const found = candidates.find(isExecutableFile);
  if (found !== undefined) return found;
  throw new RenderError('Chromium est introuvable\u00a0: il faut un navigateur Chromium ou Google Chrome pour produire le PDF', {
    hint: describeInstall(platform),
    details: candidates.length === 0 ? [] : ['chemins essayés\u00a0:', ...candidates.map((path) => `  ${path}`)],
  });
}
