// writeOutputs: the PDF, HTML and CSV of a build replace the previous ones as a set; a failure
// (full disk, a folder in the way) keeps the previous set and leaves no staging folder; a swap
// cut short by a kill is completed by the next build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../src/shared/errors.js';
import { recoverInterruptedWrites, writeOutputs, type OutputFile } from '../../src/pipeline/write-outputs.js';
import { makeFolder } from '../figures/figure-helpers.js';

const PREVIOUS = { 'rapport.pdf': 'ancien pdf', 'rapport.html': 'ancien html', 'chiffres.csv': 'ancien csv' };
const NEW: OutputFile[] = [
  { name: 'rapport.pdf', content: Buffer.from('nouveau pdf') },
  { name: 'rapport.html', content: 'nouveau html' },
  { name: 'chiffres.csv', content: 'nouveau csv' },
];

function contents(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) result[name] = readFileSync(join(folder, name), 'utf8');
  return result;
}

function diskFull(afterFiles: number) {
  let written = 0;
  return async (path: string, content: string | Uint8Array): Promise<void> => {
    if (written === afterFiles) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
    written += 1;
    writeFileSync(path, content);
  };
}

describe('writeOutputs', () => {
  it('replaces the whole previous set and leaves nothing else in the folder', async () => {
    const folder = makeFolder(PREVIOUS);
    await writeOutputs(folder, NEW);
    expect(contents(folder)).toEqual({ 'chiffres.csv': 'nouveau csv', 'rapport.html': 'nouveau html', 'rapport.pdf': 'nouveau pdf' });
  });

  it('writes a first set into an empty folder', async () => {
    const folder = makeFolder({});
    await writeOutputs(folder, NEW);
    expect(Object.keys(contents(folder))).toEqual(['chiffres.csv', 'rapport.html', 'rapport.pdf']);
  });

  it.each([0, 1, 2])('disk full after %i staged file(s): French error naming the file (exit 3), previous set untouched, no staging left', async (after) => {
    const folder = makeFolder(PREVIOUS);
    const run = writeOutputs(folder, NEW, { writeStaged: diskFull(after) });
    await expect(run).rejects.toBeInstanceOf(RapportError);
    await expect(run).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining(`plus de place sur le disque pour écrire «\u00a0${join(folder, NEW[after]!.name)}\u00a0»`),
      hint: expect.stringMatching(/libérez de la place/),
    });
    expect(contents(folder)).toEqual(PREVIOUS);
  });

  it('a folder where an output should go: usage error naming it, nothing replaced, the folder and its content kept', async () => {
    const folder = makeFolder({ 'rapport.pdf': 'ancien pdf', 'rapport.html': 'ancien html', 'chiffres.csv/garde.txt': 'garde' });
    const run = writeOutputs(folder, NEW);
    await expect(run).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`«\u00a0${join(folder, 'chiffres.csv')}\u00a0» existe et n'est pas un fichier`) });
    expect(readFileSync(join(folder, 'rapport.pdf'), 'utf8')).toBe('ancien pdf');
    expect(readFileSync(join(folder, 'rapport.html'), 'utf8')).toBe('ancien html');
    expect(readFileSync(join(folder, 'chiffres.csv', 'garde.txt'), 'utf8')).toBe('garde');
    expect(readdirSync(folder).sort()).toEqual(['chiffres.csv', 'rapport.html', 'rapport.pdf']);
  });

  it('funder bilans in financeurs/ are part of the set: replaced with the report, the folder made on first build', async () => {
    const folder = makeFolder({ ...PREVIOUS, 'financeurs/ars-2025.pdf': 'ancien bilan', 'financeurs/autre.txt': 'garde' });
    const funders: OutputFile[] = [
      { name: 'financeurs/ars-2025.pdf', content: 'nouveau bilan' },
      { name: 'financeurs/ville-2025.csv', content: 'nouveau csv ville' },
    ];
    await writeOutputs(folder, [...NEW, ...funders]);
    expect(contents(join(folder, 'financeurs'))).toEqual({ 'ars-2025.pdf': 'nouveau bilan', 'autre.txt': 'garde', 'ville-2025.csv': 'nouveau csv ville' });
    expect(readFileSync(join(folder, 'rapport.pdf'), 'utf8')).toBe('nouveau pdf');
    expect(readdirSync(folder).sort()).toEqual(['chiffres.csv', 'financeurs', 'rapport.html', 'rapport.pdf']);
    const empty = makeFolder({});
    await writeOutputs(empty, funders);
    expect(Object.keys(contents(join(empty, 'financeurs')))).toEqual(['ars-2025.pdf', 'ville-2025.csv']);
  });

  it('disk full on a funder bilan: the previous report and bilans all stay', async () => {
    const folder = makeFolder({ ...PREVIOUS, 'financeurs/ars-2025.pdf': 'ancien bilan' });
    const run = writeOutputs(folder, [...NEW, { name: 'financeurs/ars-2025.pdf', content: 'nouveau bilan' }], { writeStaged: diskFull(3) });
    await expect(run).rejects.toMatchObject({ message: expect.stringContaining(join(folder, 'financeurs', 'ars-2025.pdf')) });
    for (const [name, content] of Object.entries(PREVIOUS)) expect(readFileSync(join(folder, name), 'utf8')).toBe(content);
    expect(readFileSync(join(folder, 'financeurs', 'ars-2025.pdf'), 'utf8')).toBe('ancien bilan');
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('removes the obsolete bilans with the swap, and only them', async () => {
    const folder = makeFolder({ ...PREVIOUS, 'financeurs/ars-2025.pdf': 'ancien bilan', 'financeurs/parti-2025.pdf': 'bilan d\'un financeur parti', 'financeurs/parti-2024.pdf': 'année précédente' });
    await writeOutputs(folder, [...NEW, { name: 'financeurs/ars-2025.pdf', content: 'nouveau bilan' }], {
      obsolete: ['financeurs/parti-2025.pdf', 'financeurs/parti-2025.csv', 'financeurs/ars-2025.pdf'],
    });
    expect(contents(join(folder, 'financeurs'))).toEqual({ 'ars-2025.pdf': 'nouveau bilan', 'parti-2024.pdf': 'année précédente' });
  });

  it('keeps an obsolete bilan when the write fails', async () => {
    const folder = makeFolder({ ...PREVIOUS, 'financeurs/parti-2025.pdf': 'bilan d\'un financeur parti' });
    await expect(writeOutputs(folder, NEW, { writeStaged: diskFull(1), obsolete: ['financeurs/parti-2025.pdf'] })).rejects.toBeInstanceOf(RapportError);
    expect(readFileSync(join(folder, 'financeurs', 'parti-2025.pdf'), 'utf8')).toBe('bilan d\'un financeur parti');
  });

  it.each(['../dehors.pdf', 'financeurs/../../x.pdf', 'a/b/c.pdf', '.cache/x.pdf', 'financeurs/.x.pdf'])('refuses the output name %s', async (name) => {
    const folder = makeFolder({});
    await expect(writeOutputs(folder, [{ name, content: 'x' }])).rejects.toThrow('output name is not a plain file name');
  });

  it('an output folder that vanished: French error naming it, not an English errno', async () => {
    const folder = join(makeFolder({}), 'parti');
    await expect(writeOutputs(folder, NEW)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`«\u00a0${folder}\u00a0»`) });
  });
});

describe('recoverInterruptedWrites', () => {
  it('completes a swap cut short by a kill (manifest written): the set is all new', () => {
    // State after a SIGKILL between two renames: the PDF is new, the HTML and CSV still staged.
    const folder = makeFolder({
      'rapport.pdf': 'nouveau pdf',
      'rapport.html': 'ancien html',
      'chiffres.csv': 'ancien csv',
      '.rapport-ecriture-999999.tmp/manifeste.json': JSON.stringify(['rapport.pdf', 'rapport.html', 'chiffres.csv']),
      '.rapport-ecriture-999999.tmp/precedent-rapport.pdf': 'ancien pdf',
      '.rapport-ecriture-999999.tmp/rapport.html': 'nouveau html',
      '.rapport-ecriture-999999.tmp/chiffres.csv': 'nouveau csv',
    });
    recoverInterruptedWrites(folder);
    expect(contents(folder)).toEqual({ 'chiffres.csv': 'nouveau csv', 'rapport.html': 'nouveau html', 'rapport.pdf': 'nouveau pdf' });
  });

  it('completes a cut swap of funder bilans into financeurs/', () => {
    const folder = makeFolder({
      'rapport.pdf': 'nouveau pdf',
      '.rapport-ecriture-999999.tmp/manifeste.json': JSON.stringify(['rapport.pdf', 'financeurs/ars-2025.pdf']),
      '.rapport-ecriture-999999.tmp/financeurs/ars-2025.pdf': 'nouveau bilan',
    });
    recoverInterruptedWrites(folder);
    expect(readFileSync(join(folder, 'financeurs', 'ars-2025.pdf'), 'utf8')).toBe('nouveau bilan');
    expect(readdirSync(folder).sort()).toEqual(['financeurs', 'rapport.pdf']);
  });

  it('drops a staging folder whose swap never started (no manifest): the previous set stays', () => {
    const folder = makeFolder({ ...PREVIOUS, '.rapport-ecriture-999999.tmp/rapport.pdf': 'moitié' });
    recoverInterruptedWrites(folder);
    expect(contents(folder)).toEqual(PREVIOUS);
  });

  it('runs before each write, so a new build cleans up after a killed one', async () => {
    const folder = makeFolder({ ...PREVIOUS, '.rapport-ecriture-999999.tmp/rapport.pdf': 'moitié' });
    mkdirSync(join(folder, '.rapport-ecriture-888888.tmp'));
    await writeOutputs(folder, NEW);
    expect(Object.keys(contents(folder))).toEqual(['chiffres.csv', 'rapport.html', 'rapport.pdf']);
  });
});
