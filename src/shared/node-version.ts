// The Node.js version rapport needs, read from package.json `engines` (the one declaration,
// also read by scripts/setup.mjs), and its check for `rapport diagnostic`.
import { readFileSync } from 'node:fs';
import type { DiagnosticCheck, InstallCommands } from './diagnostic.js';

/** Minimum [major, minor] from package.json `engines.node` (">=20.19"). */
export function readNodeRequirement(): { major: number; minor: number; text: string } {
  const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const text = (JSON.parse(raw) as { engines?: { node?: string } }).engines?.node ?? '>=20.19';
  const match = /(\d+)(?:\.(\d+))?/.exec(text);
  return { major: Number(match?.[1] ?? 20), minor: Number(match?.[2] ?? 0), text };
}

export const NODE_INSTALL: InstallCommands = {
  debian: 'curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash - && sudo apt-get install -y nodejs   (ou : fnm install 22)',
  macos: 'brew install node@22',
  windows: 'winget install OpenJS.NodeJS.LTS   (ou : choco install nodejs-lts)',
};

/** True when `version` ("v20.19.0") satisfies the minimum. */
export function isNodeVersionSupported(version: string, minimum = readNodeRequirement()): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > minimum.major || (major === minimum.major && minor >= minimum.minor);
}

export function diagnoseNode(version: string = process.version): DiagnosticCheck {
  const minimum = readNodeRequirement();
  const ok = isNodeVersionSupported(version, minimum);
  return {
    id: 'node',
    label: 'Node.js',
    ok,
    required: true,
    detail: ok
      ? `version ${version}`
      : `version ${version}\u00a0: rapport demande Node.js ${minimum.major}.${minimum.minor} ou plus récent`,
    ...(!ok && { commands: NODE_INSTALL }),
  };
}
