// describeFsError: every file-system failure while writing outputs becomes a French message
// naming the path, with what to do and the exit code (2 for a path to fix, 3 for a full disk).
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../src/shared/errors.js';
import { describeFsError } from '../../src/shared/fs-errors.js';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: some English text`), { code });
}

describe('describeFsError', () => {
  it.each([
    ['EACCES', 2, 'accès refusé'],
    ['EPERM', 2, 'accès refusé'],
    ['EROFS', 2, 'lecture seule'],
    ['EISDIR', 2, 'est un dossier'],
    ['ENOSPC', 3, 'plus de place sur le disque'],
    ['EDQUOT', 3, 'plus de place sur le disque'],
    ['EIO', 3, 'erreur du système de fichiers'],
  ])('%s → exit %i, « %s », the path, a hint and no English', (code, exitCode, words) => {
    const described = describeFsError(fsError(code), '/srv/rapport/sortie/x.pdf');
    expect(described).toBeInstanceOf(RapportError);
    const error = described as RapportError;
    expect(error.exitCode).toBe(exitCode);
    expect(error.message).toContain(words);
    expect(error.message).toContain('«\u00a0/srv/rapport/sortie/x.pdf\u00a0»');
    expect(error.message).not.toMatch(/English|ENOSPC|EACCES/);
    expect(error.hint).toBeTruthy();
  });

  it('the temp folder gets a hint about TMPDIR', () => {
    expect(describeFsError(fsError('EACCES'), '/tmp', 'temporaire')).toMatchObject({ exitCode: 2, hint: expect.stringContaining('TMPDIR') });
  });

  it('passes through our own errors and non file-system errors unchanged', () => {
    const ours = new RapportError('déjà dit', { exitCode: 1 });
    const bug = new TypeError('x is undefined');
    expect(describeFsError(ours, '/x')).toBe(ours);
    expect(describeFsError(bug, '/x')).toBe(bug);
  });
});
