// scripts/setup.mjs checks the Node.js version before anything else. It runs here from a copy
// in a temporary folder: were the check broken, the copy would act on that folder, never on
// the repository's node_modules.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/cli-helpers.js';

interface SetupModule {
  readNodeRequirement(packageJson?: string): { major: number; minor: number };
  describeNodeProblem(version: string, minimum: { major: number; minor: number }, platform?: string): string | undefined;
  describeManualInstall(platform?: string): string[];
}

let copy: string;
let setup: SetupModule;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'rapport-setup-'));
  mkdirSync(join(copy, 'scripts'));
  copyFileSync(join(ROOT, 'scripts', 'setup.mjs'), join(copy, 'scripts', 'setup.mjs'));
  copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  // Importing does not run the setup: only `node scripts/setup.mjs` does.
  setup = (await import(pathToFileURL(join(copy, 'scripts', 'setup.mjs')).href)) as SetupModule;
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

function runSetup(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(copy, 'scripts', 'setup.mjs')], { env: { ...process.env, ...env }, encoding: 'utf8' }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
    });
  });
}

describe('setup.mjs: Node.js version', () => {
  it('reads the minimum from package.json engines', () => {
    expect(setup.readNodeRequirement(join(copy, 'package.json'))).toEqual({ major: 20, minor: 19 });
  });

  it("refuses Debian 12's Node 18 and says how to get a recent one", () => {
    const message = setup.describeNodeProblem('v18.19.0', { major: 20, minor: 19 }, 'linux');
    expect(message).toContain('Node.js v18.19.0 est trop ancien');
    expect(message).toContain('20.19');
    expect(message).toContain('https://deb.nodesource.com/setup_22.x');
    expect(message).toContain('nvm install 22');
    expect(message).toContain('fnm install 22');
  });

  it('gives the macOS and Windows commands on those systems', () => {
    expect(setup.describeNodeProblem('v20.10.0', { major: 20, minor: 19 }, 'darwin')).toContain('brew install node@22');
    expect(setup.describeNodeProblem('v16.0.0', { major: 20, minor: 19 }, 'win32')).toContain('winget install OpenJS.NodeJS.LTS');
  });

  it('accepts the minimum and anything newer', () => {
    for (const version of ['v20.19.0', 'v20.20.2', 'v22.1.0', 'v24.0.0']) {
      expect(setup.describeNodeProblem(version, { major: 20, minor: 19 }), version).toBeUndefined();
    }
  });

  it('stops before installing anything when Node is too old (exit 1)', async () => {
    const result = await runSetup({ RAPPORT_SETUP_NODE_VERSION: 'v18.19.0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Node.js v18.19.0 est trop ancien');
    // First thing checked: no apt, no npm ci was attempted in the copy.
    expect(result.stderr.startsWith('[setup] Node.js v18.19.0')).toBe(true);
    expect(result.stderr).not.toContain('[setup] apt-get');
    expect(result.stderr).not.toContain('[setup] npm ci');
    expect(readdirSync(copy).sort()).toEqual(['package.json', 'scripts']);
  });
});

describe('setup.mjs: systems without apt', () => {
  it('names what to install on macOS, Windows and other Linux systems', () => {
    expect(setup.describeManualInstall('darwin').join('\n')).toContain('brew install --cask google-chrome');
    expect(setup.describeManualInstall('win32').join('\n')).toContain('winget install Google.Chrome');
    expect(setup.describeManualInstall('linux').join('\n')).toContain('sudo dnf install -y chromium');
  });
});
