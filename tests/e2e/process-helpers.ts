// Helpers for tests that run the CLI as a real process and interrupt it: stderr watched line by
// line (to know the stage), the exit awaited as an event, Chromium found through /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/cli-helpers.js';

export interface RunningRapport {
  child: ChildProcess;
  /** Resolves with the first stderr text matching `pattern` (rejects if the process ends first). */
  waitForStderr(pattern: RegExp): Promise<string>;
  /** Exit code (or 128 + signal number when killed by a signal), and the whole output. */
  exited: Promise<{ code: number; stdout: string; stderr: string }>;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export function startRapport(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningRapport {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'rapport.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'close').then(([code, signal]: unknown[]) => ({
    code: typeof code === 'number' ? code : 128 + (SIGNAL_NUMBERS[String(signal)] ?? 0),
    stdout,
    stderr,
  }));
  const waitForStderr = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = pattern.exec(stderr);
        if (match === null) return false;
        child.stderr?.off('data', onData);
        resolve(match[0]);
        return true;
      };
      const onData = (): void => void check();
      if (check()) return;
      child.stderr?.on('data', onData);
      void exited.then(() => {
        if (!check()) reject(new Error(`process ended before ${pattern}; stderr:\n${stderr}`));
      });
    });
  return { child, waitForStderr, exited };
}

/** Pids of live (non-zombie) processes whose command line contains `needle`. */
export function processesWith(needle: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const state = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (state.slice(state.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) pids.push(Number(name));
    } catch {
      // Ended while we looked.
    }
  }
  return pids;
}

/** Waits until `condition` holds (an event seen through polling); bounded by the test's timeout only. */
export async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Every path below `folder` (relative), folders included. */
export function listTree(folder: string, prefix = ''): string[] {
  const result: string[] = [];
  for (const name of readdirSync(join(folder, prefix)).sort()) {
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    result.push(relative);
    if (statSync(join(folder, relative)).isDirectory()) result.push(...listTree(folder, relative));
  }
  return result;
}
