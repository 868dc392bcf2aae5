// Every Chromium alive in this process, so that a signal or an exit kills it synchronously,
// with its helpers (the whole process group), its profile folder and its singleton folder.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readlinkSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';

const CLOSE_GRACE_MS = 5_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface RunningBrowser {
  /** Undefined while Chromium is starting. */
  browser?: Browser;
  /** Chromium's process from the moment it is spawned (seen by watchBrowserSpawns), so a browser that hangs on start can be killed. */
  child?: ChildProcess;
  userDataDir: string;
  interruptedBy?: NodeJS.Signals;
  /** Set once we kill it ourselves: its exit is then not a crash. */
  killed?: boolean;
}

const running = new Set<RunningBrowser>();
/** Browsers started by this process so far: a build launches one, whatever it prints (tests count them). */
let launches = 0;

export function countBrowserLaunches(): number {
  return launches;
}

export function killNow(entry: RunningBrowser): void {
  entry.killed = true;
  const child = entry.browser?.process() ?? entry.child;
  const alive = child?.exitCode === null && child.signalCode === null;
  if (child?.pid !== undefined) {
    try {
      // puppeteer starts Chromium in its own process group: kill the renderers and helpers too,
      // even when the main process has already quit (after a graceful close its helpers may
      // still be shutting down, slowly on a loaded machine).
      if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
      else if (alive) child.kill('SIGKILL');
    } catch {
      // ESRCH: the whole group is gone already.
      if (alive) child.kill('SIGKILL');
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

export function register(entry: RunningBrowser): void {
  launches += 1;
  installHandlers();
  running.add(entry);
}

export function unregister(entry: RunningBrowser): void {
  running.delete(entry);
  if (running.size === 0) uninstallHandlers();
}

export async function closeBrowser(entry: RunningBrowser, hung: boolean): Promise<void> {
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
export async function waitForExit(child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
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
