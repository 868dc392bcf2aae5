// lockOutputFolder: one build per output folder; a live holder stops the second build with a
// message naming it; a lock left by a dead process does not block; a file in place of the
// folder is a French usage error.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutputFolder } from '../../src/pipeline/output-lock.js';
import { makeFolder } from '../figures/figure-helpers.js';

function writeLock(folder: string, pid: number, host = hostname()): void {
  writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ pid, host, started: '2026-01-01T10:00:00.000Z' }));
}

/** A pid that belonged to a process which has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
afterAll(async () => {
  sleeper.kill('SIGKILL');
  if (sleeper.exitCode === null) await once(sleeper, 'exit');
});

describe('lockOutputFolder', () => {
  it('creates the folder, takes the lock and removes it on release', () => {
    const folder = join(makeFolder({}), 'sortie');
    const lock = lockOutputFolder(folder);
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  it('a second build of the same folder (live process) stops with a message naming it', () => {
    const folder = makeFolder({});
    writeLock(folder, sleeper.pid!);
    expect(() => lockOutputFolder(folder)).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining(`une autre construction est en cours dans le dossier de sortie «\u00a0${folder}\u00a0» (processus ${sleeper.pid}`),
        hint: expect.stringContaining('attendez'),
      }),
    );
    // The holder's lock is left as it was.
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')).pid).toBe(sleeper.pid);
  });

  it('takes over a lock left by a killed build (dead pid)', () => {
    const folder = makeFolder({});
    writeLock(folder, deadPid());
    const lock = lockOutputFolder(folder);
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it("never judges another machine's lock stale (shared folder)", () => {
    const folder = makeFolder({});
    writeLock(folder, deadPid(), 'autre-machine');
    expect(() => lockOutputFolder(folder)).toThrow(/autre-machine/);
  });

  it('a file where the output folder should be: usage error naming the file', () => {
    const parent = makeFolder({ sortie: 'je suis un fichier' });
    expect(() => lockOutputFolder(join(parent, 'sortie'))).toThrow(
      expect.objectContaining({ exitCode: 2, message: `«\u00a0${join(parent, 'sortie')}\u00a0» est un fichier, pas un dossier` }),
    );
    expect(() => lockOutputFolder(join(parent, 'sortie', 'sous-dossier'))).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining(`«\u00a0${join(parent, 'sortie')}\u00a0» est un fichier, pas un dossier`) }),
    );
  });

  it('release leaves alone a lock that is no longer ours', () => {
    const folder = makeFolder({});
    const lock = lockOutputFolder(folder);
    writeLock(folder, sleeper.pid!);
    lock.release();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);
  });
});

describe('lockOutputFolder on a build that wrote nothing', () => {
  it('removes the output folder it created when it is still empty (bug: invalid data left an empty sortie/ in the project)', () => {
    const parent = makeFolder({});
    const folder = join(parent, 'sortie', 'annee');
    lockOutputFolder(folder).release();
    expect(existsSync(join(parent, 'sortie'))).toBe(false);
  });

  it('keeps a folder that existed before, or that holds outputs', () => {
    const parent = makeFolder({ 'sortie/ancien.pdf': 'x' });
    lockOutputFolder(join(parent, 'sortie')).release();
    expect(existsSync(join(parent, 'sortie', 'ancien.pdf'))).toBe(true);
    const fresh = join(parent, 'neuf');
    const lock = lockOutputFolder(fresh);
    writeFileSync(join(fresh, 'rapport.pdf'), 'x');
    lock.release();
    expect(existsSync(join(fresh, 'rapport.pdf'))).toBe(true);
  });
});
