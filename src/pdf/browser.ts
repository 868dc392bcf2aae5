import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readlinkSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer';
import { RapportError, RenderError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { describeBrowserFailure, isTimeout } from './browser-failure.js';
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

const CLOSE_GRACE_MS = 5_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface RunningBrowser {
  /** Undefined while Chromium is starting. */
  browser?: Browser;
  /** Chromium's process from the moment it is spawned (seen by watchBrowserSpawns), so a browser that hangs on start can be killed. */
  child?: ChildProcess;
  userDataDir: string;
  interruptedBy?: NodeJS.Signals;
  /** Set once we kill it ourselves: its exit is then not a crash. */
  killed?: boolean;
}

// Every browser alive in this process, so a signal or an exit can kill them synchronously.
const running = new Set<RunningBrowser>();

function killNow(entry: RunningBrowser): void {
  entry.killed = true;
  const child = entry.browser?.process() ?? entry.child;
  const running = child?.exitCode === null && child.signalCode === null;
  if (child?.pid !== undefined) {
    try {
      // puppeteer starts Chromium in its own process group: kill the renderers and helpers too,
      // even when the main process has already quit (after a graceful close its helpers may
      // still be shutting down, slowly on a loaded machine).
      if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
      else if (running) child.kill('SIGKILL');
    } catch {
      // ESRCH: the whole group is gone already.
      if (running) child.kill('SIGKILL');
    }
  }
  try {
    removeSingletonFolder(entry.userDataDir);
    rmSync(entry.userDataDir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Best effort in a signal or exit handler: a leftover temp folder must not mask the signal.
  }
}

/**
 * Chromium keeps a socket in a folder of its own in the temp folder (org.chromium.Chromium.*),
 * reached by the SingletonSocket link of the profile; it removes it when it quits, not when it
 * is killed. (Pointing Chromium's TMPDIR into the profile instead is not an option: the socket
 * path would exceed the 108 characters a Unix socket allows, and Chromium aborts.)
 */
function removeSingletonFolder(userDataDir: string): void {
  let target: string;
  try {
    target = readlinkSync(join(userDataDir, 'SingletonSocket'));
  } catch {
    return;
  }
  const folder = dirname(target);
  if (basename(folder).startsWith('org.chromium.Chromium.')) rmSync(folder, { recursive: true, force: true });
}

function onSignal(signal: NodeJS.Signals): void {
  for (const entry of running) {
    entry.interruptedBy = signal;
    killNow(entry);
  }
  running.clear();
  uninstallHandlers();
  // Our listener suppressed the default action (exit). With nobody else listening, re-raise
  // the signal so the process ends as it would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function onExit(): void {
  for (const entry of running) killNow(entry);
  running.clear();
}

function installHandlers(): void {
  if (running.size > 0) return;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function uninstallHandlers(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', onExit);
}

function register(entry: RunningBrowser): void {
  installHandlers();
  running.add(entry);
}

function unregister(entry: RunningBrowser): void {
  running.delete(entry);
  if (running.size === 0) uninstallHandlers();
}

async function closeBrowser(entry: RunningBrowser, hung: boolean): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    // A wedged Chromium must not hang the build: after a grace delay, kill it. One that already
    // failed to answer in time gets no second chance.
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, hung ? 0 : CLOSE_GRACE_MS);
    });
    if (!hung && entry.browser?.connected === true) await Promise.race([entry.browser.close().catch(() => undefined), grace]);
  } finally {
    clearTimeout(timer);
    killNow(entry);
    // Returns only once Chromium has ended: nothing is left running when the build goes on.
    const child = entry.browser?.process() ?? entry.child;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) await once(child, 'exit').catch(() => undefined);
    await rm(entry.userDataDir, { recursive: true, force: true, maxRetries: 3 });
    unregister(entry);
  }
}

/**
 * A browser whose connection broke is about to end: its exit code or signal makes the message
 * ("code de sortie 7"). Bounded by the delay, in case it closed its pipe and lingers (it is
 * killed afterwards anyway).
 */
async function waitForExit(child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    once(child, 'exit').catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

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
