// One build at a time per output folder: a lock file holding the builder's pid. A second build
// stops at once with a clear message; a lock whose process is gone (killed build, reboot) is taken
// over. Creating the folder and the lock first also surfaces an unusable output folder before
// any work is done.
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { registerCleanup } from '../shared/interrupt.js';

export const LOCK_FILE = '.rapport-construction.verrou';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export interface OutputLock {
  /** Removes the lock if it is still ours. Idempotent. */
  release(): void;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.started === 'string') return owner as LockOwner;
  } catch {
    // Unreadable or vanished: handled as no owner.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock from this machine whose process is gone. Another machine's lock (shared folder) is never judged stale. */
function isStale(owner: LockOwner | undefined): boolean {
  return owner === undefined || (owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid));
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('fr-FR');
}

/** Removes `folder` and its parents up to `top` while they are empty (rmdir fails on a non-empty one). */
function removeEmptyFolders(folder: string, top: string): void {
  for (let current = folder; current.startsWith(top); current = dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      return;
    }
    if (current === top) return;
  }
}

/**
 * Creates `outputDir` if needed and takes its lock, or throws a UsageError (exit 2) naming the
 * build that holds it. The lock file is complete from the start: written aside, then hard-linked
 * into place (link fails if the name exists, atomically).
 */
export function lockOutputFolder(outputDir: string): OutputLock {
  let created: string | undefined;
  try {
    created = mkdirSync(outputDir, { recursive: true });
  } catch (error) {
    throw describeFsError(error, outputDir);
  }
  const path = join(outputDir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const content = JSON.stringify(mine);
  const draft = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(draft, content);
  } catch (error) {
    throw describeFsError(error, outputDir);
  }
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(draft, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw describeFsError(error, path);
      }
      const owner = readOwner(path);
      if (attempt < 3 && isStale(owner)) {
        // Moved aside before removal: of two builds taking over the same stale lock, only one
        // moves it; the other finds the winner's fresh lock on its next attempt.
        const aside = `${path}.${process.pid}.perime.tmp`;
        try {
          renameSync(path, aside);
          rmSync(aside, { force: true });
        } catch {
          // Someone else moved it first.
        }
        continue;
      }
      const who = owner === undefined ? '' : ` (processus ${owner.pid} sur ${owner.host}, démarrée le ${formatTime(owner.started)})`;
      throw new UsageError(`une autre construction est en cours dans le dossier de sortie «\u00a0${outputDir}\u00a0»${who}`, {
        hint:
          `attendez qu'elle se termine puis relancez, ou choisissez un autre dossier avec --sortie. ` +
          `Si aucune construction ne tourne (machine arrêtée brutalement), supprimez le fichier «\u00a0${path}\u00a0»`,
      });
    }
  } finally {
    rmSync(draft, { force: true });
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    unregister();
    const owner = readOwner(path);
    if (owner?.pid === mine.pid && owner.started === mine.started) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    }
    // A build that failed before writing anything leaves no empty output folder it created.
    if (created !== undefined) removeEmptyFolders(outputDir, created);
  };
  const unregister = registerCleanup(release);
  return { release };
}
