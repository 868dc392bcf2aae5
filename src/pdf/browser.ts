import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { RapportError, RenderError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { describeBrowserFailure, isTimeout } from './browser-failure.js';
import { closeBrowser, register, waitForExit, type RunningBrowser } from './browser-processes.js';
import { findBrowser, type FindBrowserOptions } from './find-browser.js';
import { watchBrowserSpawns } from './watch-spawn.js';

export interface LaunchBrowserOptions {
  /** Skip discovery and use this executable. */
  executablePath?: string;
  /** Options for discovery (tests inject the environment and the standard paths). */
  find?: FindBrowserOptions;
  /**
   * Longest wait for any one answer of the browser (start, loading, printing), in milliseconds.
   * Past it the browser is taken for hung: it is killed and a RenderError says so.
   */
  timeoutMs?: number;
}

/** Documented default of `--delai-navigateur` (seconds × 1000). */
export const DEFAULT_BROWSER_TIMEOUT_MS = 60_000;

// Chromium phones home (updates, sync, safe browsing…) unless told not to; on a machine
// without network that means seconds of retries. The page itself is cut off separately.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--mute-audio',
  '--font-render-hinting=none',
  // Last line of defence: whatever Chromium itself would fetch goes to a proxy that does not
  // exist, loopback included (the page is also offline and its requests intercepted).
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/** Per-browser answer delay, for the tabs opened by withPage. */
const timeouts = new WeakMap<Browser, number>();

/** The delay given to withBrowser for this browser (printHtml uses it for loading and printing). */
export function readBrowserTimeout(browser: Browser): number {
  return timeouts.get(browser) ?? DEFAULT_BROWSER_TIMEOUT_MS;
}

/**
 * Launches Chromium (fresh profile in a temp folder), runs `fn`, then closes the browser and
 * removes the profile on every path: success, error, hang (timeoutMs), crash,
 * SIGINT/SIGTERM/SIGHUP, process exit.
 */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: LaunchBrowserOptions = {}): Promise<T> {
  const executablePath = options.executablePath ?? findBrowser(options.find);
  const timeoutMs = options.timeoutMs ?? DEFAULT_BROWSER_TIMEOUT_MS;
  const profileParent = tmpdir();
  let userDataDir: string;
  try {
    userDataDir = await mkdtemp(join(profileParent, 'rapport-chromium-'));
  } catch (error) {
    throw describeFsError(error, profileParent, 'temporaire');
  }
  const entry: RunningBrowser = { userDataDir };
  // Registered before the launch, so a Ctrl-C while Chromium starts still cleans up.
  register(entry);
  const stopWatching = watchBrowserSpawns(`--user-data-dir=${userDataDir}`, (child) => {
    entry.child = child;
  });
  let hung = false;
  try {
    try {
      entry.browser = await launch({
        executablePath,
        headless: true,
        userDataDir: entry.userDataDir,
        args: CHROMIUM_ARGS,
        // A pipe instead of a debugging TCP port: nothing listens on the network.
        pipe: true,
        timeout: timeoutMs,
        // Every command to the browser: without it puppeteer waits 180 s for a hung one.
        protocolTimeout: timeoutMs,
        // We handle signals ourselves so the profile folder is removed too.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      if (entry.interruptedBy === undefined) {
        hung = isTimeout(error);
        if (!hung) await waitForExit(entry.child, timeoutMs);
        throw describeBrowserFailure({ executablePath, error, timeoutMs, starting: true, child: entry.child, killedByUs: false });
      }
      throw error;
    } finally {
      stopWatching();
    }
    timeouts.set(entry.browser, timeoutMs);
    if (entry.interruptedBy !== undefined) throw new Error('interrupted while Chromium was starting');
    return await fn(entry.browser);
  } catch (error) {
    if (entry.interruptedBy !== undefined) {
      throw new RenderError(`génération du PDF interrompue (${entry.interruptedBy})`, { cause: error });
    }
    hung ||= isTimeout(error);
    if (!hung && entry.browser?.connected === false) await waitForExit(entry.browser.process() ?? undefined, timeoutMs);
    throw describeBrowserFailure({
      executablePath,
      error,
      timeoutMs,
      starting: false,
      child: entry.browser?.process() ?? entry.child,
      killedByUs: entry.killed === true,
    });
  } finally {
    await closeBrowser(entry, hung);
  }
}

/** Opens a tab, runs `fn`, closes the tab whatever happens. */
export async function withPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  let page: Page;
  try {
    page = await browser.newPage();
  } catch (error) {
    throw new RenderError("impossible d'ouvrir une page dans Chromium", { cause: error, details: [String(error)] });
  }
  const timeoutMs = readBrowserTimeout(browser);
  page.setDefaultTimeout(timeoutMs);
  page.setDefaultNavigationTimeout(timeoutMs);
  let healthy = true;
  try {
    return await fn(page);
  } catch (error) {
    healthy = !isTimeout(error) && browser.connected;
    if (error instanceof RapportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RenderError("Chromium n'a pas pu mettre le document en page", { cause: error, details: [message] });
  } finally {
    // Closing a tab of a hung or dead browser would wait for the whole delay again.
    const closing = page.close().catch(() => undefined);
    if (healthy) await closing;
  }
}
