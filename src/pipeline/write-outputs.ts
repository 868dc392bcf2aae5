// The outputs of one build (PDF, HTML, CSV) replace the previous ones as a set: all are first
// written, complete and flushed, to a staging folder inside the output folder; then they are
// swapped in by renames in one synchronous run. Signal handlers are JavaScript and only run
// between two ticks, so Ctrl-C lands either before the swap (previous set kept, staging removed)
// or after it (new set complete). A build killed outright (SIGKILL, power cut) during the swap
// leaves its staging folder with a manifest: the next build finishes the swap before its own.
import { closeSync, existsSync, lstatSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { registerCleanup } from '../shared/interrupt.js';

export interface OutputFile {
  /** File name inside the output folder, or inside one of its subfolders (`financeurs/ars-2025.pdf`). */
  name: string;
  content: string | Uint8Array;
}

/** How staged files are written: replaced in tests to simulate a full disk. */
export type WriteStaged = (path: string, content: string | Uint8Array) => Promise<void>;

export interface WriteOutputsOptions {
  /** Called once every file is staged, just before the swap (progress, and a pause point for tests). */
  beforeSwap?: () => Promise<void> | void;
  writeStaged?: WriteStaged;
  /** Output files of earlier builds to remove with the swap (same name rules as `files`); missing ones are ignored. */
  obsolete?: readonly string[];
}

const STAGING_PREFIX = '.rapport-ecriture-';
const STAGING_SUFFIX = '.tmp';
const MANIFEST = 'manifeste.json';
const PREVIOUS = 'precedent-';

/** `rapport.pdf` or `financeurs/ars-2025.pdf`: plain names, none hidden, at most one folder deep. */
function isOutputName(name: string): boolean {
  const parts = name.split('/');
  return parts.length <= 2 && parts.every((part) => part !== '' && part === basename(part) && !part.startsWith('.') && !part.includes('\\'));
}

/** Writes and flushes to disk, so a power cut after the swap cannot leave empty files. */
async function writeDurably(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported everywhere (Windows): the renames are still atomic.
  }
}

/**
 * Removes the temporary files this process was writing anywhere below `outputDir` (they carry
 * its pid: ours, and the chart cache's `<entry>.<pid>.<random>.tmp`). For the interruption
 * cleanup: a signal must leave no `.tmp` file in the output folder.
 */
export function removeOwnTemporaryFiles(outputDir: string): void {
  const mark = `.${process.pid}`;
  const walk = (folder: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.name.endsWith(STAGING_SUFFIX) && entry.name.includes(mark)) rmSync(path, { recursive: true, force: true });
      else if (entry.isDirectory() && depth < 3) walk(path, depth + 1);
    }
  };
  walk(outputDir, 0);
}

/**
 * Completes the swap of a build killed during it (manifest present: every new file was complete),
 * then removes staging folders left by killed builds. Call with the folder's lock held.
 */
export function recoverInterruptedWrites(outputDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(outputDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(STAGING_PREFIX) || !entry.endsWith(STAGING_SUFFIX)) continue;
    const staging = join(outputDir, entry);
    const manifest = join(staging, MANIFEST);
    if (existsSync(manifest)) {
      // Complete by construction (written aside, then renamed): the swap had started.
      const names = JSON.parse(readFileSync(manifest, 'utf8')) as string[];
      for (const name of names) {
        if (!existsSync(join(staging, name))) continue;
        mkdirSync(dirname(join(outputDir, name)), { recursive: true });
        renameSync(join(staging, name), join(outputDir, name));
      }
    }
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves every staged file over its target; on failure puts the previous files back. Synchronous by design (see top). */
function swapIn(outputDir: string, staging: string, names: readonly string[], obsolete: readonly string[] = []): void {
  for (const name of names) {
    const target = join(outputDir, name);
    const info = lstatSync(target, { throwIfNoEntry: false });
    // Never move a folder (or a device…) aside: the staging folder and all in it is removed afterwards.
    if (info !== undefined && !info.isFile() && !info.isSymbolicLink()) {
      throw new UsageError(`«\u00a0${target}\u00a0» existe et n'est pas un fichier\u00a0: impossible de le remplacer par le rapport`, {
        hint: 'déplacez ou renommez cet élément, ou choisissez un autre dossier avec --sortie',
      });
    }
  }
  // Subfolders (financeurs/) are made before the swap: it then only renames.
  for (const name of names) {
    if (!name.includes('/')) continue;
    const folder = dirname(join(outputDir, name));
    try {
      mkdirSync(folder, { recursive: true });
      mkdirSync(dirname(join(staging, PREVIOUS + name)), { recursive: true });
    } catch (error) {
      throw describeFsError(error, folder);
    }
  }
  // Written aside then renamed: a manifest that exists is complete, even after a SIGKILL.
  writeFileSync(join(staging, `${MANIFEST}.part`), JSON.stringify(names));
  renameSync(join(staging, `${MANIFEST}.part`), join(staging, MANIFEST));
  syncFolder(staging);
  const done: { name: string; hadPrevious: boolean }[] = [];
  const removed: string[] = [];
  let current = outputDir;
  try {
    for (const name of names) {
      const target = join(outputDir, name);
      current = target;
      const previous = join(staging, PREVIOUS + name);
      let hadPrevious = true;
      try {
        // A hard link keeps the previous file for a rollback without a moment where the name is missing.
        linkSync(target, previous);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') hadPrevious = false;
        // File systems without hard links (FAT, some network shares): move it aside instead.
        else renameSync(target, previous);
      }
      renameSync(join(staging, name), target);
      done.push({ name, hadPrevious });
    }
    // Files the new set no longer has (a funder's bilan whose funder left rapport.yaml) leave with
    // the swap, moved aside like the previous files so that a failure puts them back.
    for (const name of obsolete) {
      const target = join(outputDir, name);
      current = target;
      if (names.includes(name) || lstatSync(target, { throwIfNoEntry: false })?.isFile() !== true) continue;
      mkdirSync(dirname(join(staging, PREVIOUS + name)), { recursive: true });
      renameSync(target, join(staging, PREVIOUS + name));
      removed.push(name);
    }
  } catch (error) {
    for (const name of removed.reverse()) {
      try {
        renameSync(join(staging, PREVIOUS + name), join(outputDir, name));
      } catch {
        // Keep rolling back the others.
      }
    }
    for (const { name, hadPrevious } of done.reverse()) {
      const target = join(outputDir, name);
      try {
        if (hadPrevious) renameSync(join(staging, PREVIOUS + name), target);
        else unlinkSync(target);
      } catch {
        // Keep rolling back the others.
      }
    }
    throw describeFsError(error, current);
  }
  syncFolder(outputDir);
}

/**
 * Writes `files` into `outputDir` as one set (see top). The folder must exist and be locked by
 * the caller (lockOutputFolder). File-system errors come out as French RapportErrors naming the path.
 */
export async function writeOutputs(outputDir: string, files: readonly OutputFile[], options: WriteOutputsOptions = {}): Promise<void> {
  const writeStaged = options.writeStaged ?? writeDurably;
  // Names, or names under a plain subfolder: nothing is written outside the output folder.
  for (const name of [...files.map((file) => file.name), ...(options.obsolete ?? [])]) {
    if (!isOutputName(name)) throw new Error(`output name is not a plain file name: ${name}`);
  }
  const staging = join(outputDir, `${STAGING_PREFIX}${process.pid}${STAGING_SUFFIX}`);
  const unregister = registerCleanup(() => rmSync(staging, { recursive: true, force: true }));
  try {
    recoverInterruptedWrites(outputDir);
    await mkdir(staging);
  } catch (error) {
    unregister();
    throw describeFsError(error, outputDir);
  }
  try {
    for (const file of files) {
      const path = join(staging, file.name);
      try {
        if (file.name.includes('/')) await mkdir(dirname(path), { recursive: true });
        await writeStaged(path, file.content);
      } catch (error) {
        throw describeFsError(error, join(outputDir, file.name));
      }
    }
    await options.beforeSwap?.();
    swapIn(
      outputDir,
      staging,
      files.map((file) => file.name),
      options.obsolete,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
    unregister();
  }
}
