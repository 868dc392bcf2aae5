import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../src/pdf/index.js';
import { RenderError } from '../../src/shared/errors.js';
import { livingProcessesInGroup, waitUntil } from './helpers.js';

interface Launched {
  pid: number;
  userDataDir: string;
}

/** Chromium's pid and profile folder (from its command line), read inside withBrowser. */
function describeLaunched(browser: Browser): Launched {
  const child = browser.process();
  const profileArg = child?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='));
  if (child?.pid === undefined || profileArg === undefined) throw new Error('no Chromium process');
  return { pid: child.pid, userDataDir: profileArg.slice('--user-data-dir='.length) };
}

function isGone(launched: Launched): boolean {
  return livingProcessesInGroup(launched.pid).length === 0 && !existsSync(launched.userDataDir);
}

describe('withBrowser', () => {
  it('returns the result and leaves no Chromium process nor profile folder', async () => {
    let launched: Launched | undefined;
    const version = await withBrowser(async (browser) => {
      launched = describeLaunched(browser);
      expect(livingProcessesInGroup(launched.pid).length).toBeGreaterThan(0);
      expect(existsSync(launched.userDataDir)).toBe(true);
      return browser.version();
    });
    expect(version).toMatch(/Chrom/);
    expect(launched).toBeDefined();
    if (launched !== undefined) expect(await waitUntil(() => isGone(launched!))).toBe(true);
  });

  it('closes Chromium when the work throws, and rethrows the error unchanged', async () => {
    let launched: Launched | undefined;
    const failure = new Error('échec volontaire');
    await expect(
      withBrowser(async (browser) => {
        launched = describeLaunched(browser);
        await withPage(browser, async (page) => page.setContent('<p>x</p>'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(launched).toBeDefined();
    if (launched !== undefined) expect(await waitUntil(() => isGone(launched!))).toBe(true);
  });

  it('on SIGINT kills Chromium at once, removes its profile and reports an interruption', async () => {
    // A listener of our own keeps Node from exiting on the real signal sent below.
    const keepAlive = (): void => undefined;
    process.on('SIGINT', keepAlive);
    let launched: Launched | undefined;
    try {
      const run = withBrowser(async (browser) => {
        launched = describeLaunched(browser);
        process.kill(process.pid, 'SIGINT');
        // Work that only ends because the browser is killed under it.
        await withPage(browser, async (page) => {
          for (;;) await page.setContent('<p>toujours là</p>');
        });
      });
      await expect(run).rejects.toBeInstanceOf(RenderError);
      await expect(run).rejects.toThrow(/interrompue \(SIGINT\)/);
    } finally {
      process.off('SIGINT', keepAlive);
    }
    expect(launched).toBeDefined();
    if (launched !== undefined) expect(await waitUntil(() => isGone(launched!))).toBe(true);
    // The handler is removed once no browser is running: nothing left listening.
    expect(process.listeners('SIGINT')).not.toContain(keepAlive);
  });
});

describe('withPage', () => {
  it('closes the tab when the work fails and wraps browser errors in a RenderError', async () => {
    await withBrowser(async (browser) => {
      const before = (await browser.pages()).length;
      const run = withPage(browser, async (page) => {
        await page.goto('about:blank');
        throw new Error('Protocol error: boom');
      });
      await expect(run).rejects.toBeInstanceOf(RenderError);
      await expect(run).rejects.toMatchObject({ exitCode: 3, details: ['Protocol error: boom'] });
      expect((await browser.pages()).length).toBe(before);
    });
  });
});
