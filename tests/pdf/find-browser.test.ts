import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser, listStandardBrowserPaths, withBrowser } from '../../src/pdf/index.js';
import { RenderError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-find-browser-'));
const fakeChromium = join(dir, 'chromium');
writeFileSync(fakeChromium, '#!/bin/sh\n');
chmodSync(fakeChromium, 0o755);
const notExecutable = join(dir, 'chrome-data');
writeFileSync(notExecutable, 'not a program');
const missing = join(dir, 'absent', 'chromium');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrownBy(fn: () => unknown): RenderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RenderError) return error;
    throw error;
  }
  throw new Error('expected a RenderError');
}

describe('findBrowser', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH first', () => {
    expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: fakeChromium }, candidates: ['/usr/bin/chromium'] })).toBe(fakeChromium);
  });

  it('takes the first standard path that is an executable file', () => {
    expect(findBrowser({ env: {}, candidates: [missing, notExecutable, dir, fakeChromium] })).toBe(fakeChromium);
  });

  it('lists the Debian path first on Linux and the .app bundles on macOS', () => {
    expect(listStandardBrowserPaths('linux', {})[0]).toBe('/usr/bin/chromium');
    expect(listStandardBrowserPaths('linux', {})).toContain('/snap/bin/chromium');
    expect(listStandardBrowserPaths('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('without any browser: exit 3 with the install command and the variable as alternative', () => {
    const error = thrownBy(() => findBrowser({ env: {}, candidates: [missing], platform: 'linux' }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('Chromium est introuvable');
    expect(error.hint).toContain('sudo apt-get install -y chromium');
    expect(error.hint).toContain('PUPPETEER_EXECUTABLE_PATH=');
    expect(error.details).toContain(`  ${missing}`);
  });

  it('a PUPPETEER_EXECUTABLE_PATH to a missing file is an error naming it, even if a standard path exists', () => {
    const error = thrownBy(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: missing }, candidates: [fakeChromium], platform: 'linux' }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain(missing);
    expect(error.message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(error.hint).toContain('apt-get install -y chromium');
  });

  it('withBrowser fails with the same error before launching anything', async () => {
    let called = false;
    const run = withBrowser(
      async () => {
        called = true;
      },
      { find: { env: { PUPPETEER_EXECUTABLE_PATH: missing }, candidates: [] } },
    );
    await expect(run).rejects.toBeInstanceOf(RenderError);
    await expect(run).rejects.toMatchObject({ exitCode: 3 });
    expect(called).toBe(false);
  });
});
