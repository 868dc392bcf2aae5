// `rapport diagnostic`, output part: the build writes its outputs in <dossier>/sortie/ and
// stages the browser profile in the temporary folder; both must accept a file.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiagnosticCheck } from '../shared/diagnostic.js';
import { describeFailure } from '../shared/diagnostic.js';
import { describeFsError, type FsPlace } from '../shared/fs-errors.js';

/** Creates and removes a file in `folder` (or in its parent when it does not exist yet). */
function tryWrite(folder: string, place: FsPlace): string | undefined {
  let probe: string | undefined;
  try {
    // A missing sortie/ is created by the build: what matters then is its parent.
    const target = statSync(folder, { throwIfNoEntry: false }) === undefined ? join(folder, '..') : folder;
    probe = mkdtempSync(join(target, '.rapport-diagnostic-'));
    writeFileSync(join(probe, 'essai.txt'), 'essai');
    return undefined;
  } catch (error) {
    return describeFailure(describeFsError(error, folder, place));
  } finally {
    if (probe !== undefined) rmSync(probe, { recursive: true, force: true });
  }
}

export function diagnoseWriteAccess(projectFolder?: string, temporary: string = tmpdir()): DiagnosticCheck[] {
  const checks: DiagnosticCheck[] = [];
  if (projectFolder !== undefined) {
    const output = join(projectFolder, 'sortie');
    const failure = tryWrite(output, 'sortie');
    checks.push({ id: 'ecriture-sortie', label: 'Écriture dans le dossier de sortie', ok: failure === undefined, required: true,
      detail: failure ?? output, ...(failure !== undefined && { hint: 'corrigez les droits de ce dossier, ou choisissez-en un autre avec « rapport build --sortie »' }) });
  }
  const failure = tryWrite(temporary, 'temporaire');
  checks.push({ id: 'ecriture-temporaire', label: 'Écriture dans le dossier temporaire', ok: failure === undefined, required: true,
    detail: failure ?? temporary, ...(failure !== undefined && { hint: 'définissez la variable TMPDIR vers un dossier où vous pouvez écrire' }) });
  return checks;
}
