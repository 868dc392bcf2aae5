// writeFileAtomic: the target is either the old file or the complete new one, never a partial one.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/pipeline/write-atomic.js';
import { makeFolder } from '../figures/figure-helpers.js';

describe('writeFileAtomic', () => {
  it('creates the folder and writes the content', async () => {
    const folder = makeFolder({});
    const path = join(folder, 'sortie', 'sous-dossier', 'chiffres-2024.csv');
    await writeFileAtomic(path, '\ufeffa;b\r\n');
    expect(readFileSync(path, 'utf8')).toBe('\ufeffa;b\r\n');
    expect(readdirSync(join(folder, 'sortie', 'sous-dossier'))).toEqual(['chiffres-2024.csv']);
  });

  it('replaces an existing file and leaves no temporary file', async () => {
    const folder = makeFolder({ 'sortie/chiffres.csv': 'ancien' });
    await writeFileAtomic(join(folder, 'sortie', 'chiffres.csv'), Buffer.from('nouveau'));
    expect(readFileSync(join(folder, 'sortie', 'chiffres.csv'), 'utf8')).toBe('nouveau');
    expect(readdirSync(join(folder, 'sortie'))).toEqual(['chiffres.csv']);
  });

  it('on failure keeps what was there and removes its temporary file', async () => {
    const folder = makeFolder({});
    // A non-empty folder where the file should go: the final rename fails.
    mkdirSync(join(folder, 'chiffres.csv'));
    writeFileSync(join(folder, 'chiffres.csv', 'garde.txt'), 'garde');
    await expect(writeFileAtomic(join(folder, 'chiffres.csv'), 'nouveau')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['chiffres.csv']);
    expect(readFileSync(join(folder, 'chiffres.csv', 'garde.txt'), 'utf8')).toBe('garde');
  });
});
