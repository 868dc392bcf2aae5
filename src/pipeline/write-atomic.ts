// Outputs are written to a temporary file in the same folder, then renamed over the target:
// a crash or a Ctrl-C never leaves a half-written file where the previous good one was (the
// temporary file is removed by the interruption cleanup). File-system errors come out in French.
import { lstatSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-errors.js';
import { registerCleanup } from '../shared/interrupt.js';

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw describeFsError(error, folder);
  }
  const existing = lstatSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw describeFsError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), path);
  if (existing !== undefined && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new UsageError(`«\u00a0${path}\u00a0» existe et n'est pas un fichier ordinaire\u00a0: impossible de le remplacer`, {
      hint: 'indiquez un autre nom de fichier',
    });
  }
  // Same folder, so the rename stays on one file system and is atomic.
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const unregister = registerCleanup(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw describeFsError(error, path);
  } finally {
    unregister();
  }
}
