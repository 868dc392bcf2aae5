// Test helpers for end-to-end runs of the built CLI (`node bin/rapport.js`).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'bin', 'rapport.js');
const STAMP = join(ROOT, 'dist', '.build-stamp');
const LOCK = join(ROOT, 'dist.build-lock');

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), info.mtimeMs);
}

function isBuildFresh(): boolean {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestMtime(join(ROOT, 'src'));
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Builds dist/ when src/ is newer than the stamp `npm test`'s setup writes. Test files run in
 * parallel processes: a lock directory (mkdir is atomic) lets one of them build at a time.
 */
export async function ensureBuilt(): Promise<void> {
  while (!isBuildFresh()) {
    try {
      mkdirSync(LOCK);
    } catch {
      // A lock left by a killed run would block forever: a build never takes 5 minutes.
      const lockedAt = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > 5 * 60_000) rmdirSync(LOCK);
      await sleep(500);
      continue;
    }
    try {
      if (!isBuildFresh()) {
        const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
        // Type errors elsewhere do not stop the emit; only a missing output would.
        await run(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], ROOT);
        if (!existsSync(join(ROOT, 'dist', 'cli', 'run-cli.js'))) throw new Error('tsc produced no dist/cli/run-cli.js');
        writeFileSync(STAMP, new Date().toISOString());
      }
    } finally {
      rmdirSync(LOCK);
    }
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    execFile(command, [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** Runs `node bin/rapport.js <args>` from `cwd` (default: the repository). */
export function runRapport(args: readonly string[], cwd: string = ROOT): Promise<CliResult> {
  return run(process.execPath, [BIN, ...args], cwd);
}

/** A stack trace line as Node prints it. */
export const STACK_LINE = /^\s+at\s/m;

/** Every file below `folder` with its size and mtime: equal before and after ⇔ nothing written. */
export function snapshotTree(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const info = statSync(path);
      result[path] = `${info.size} ${info.mtimeMs}`;
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return result;
}
