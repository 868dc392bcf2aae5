// Property test (issue 8, section 7): whatever random damage a demo file takes (byte flips,
// deletions, insertions of `; " \n \r , \0`, truncation…), `rapport check` ends with exit 0 or 1,
// a French verdict, no stack trace, no internal error, and no person code of the input printed.
// Runs in-process (no Chromium, no node start-up per case). `npm run fuzz` runs many more cases
// on the whole files: RAPPORT_FUZZ_CASES, RAPPORT_FUZZ_SEED and RAPPORT_FUZZ_FULL choose them.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { STACK_LINE } from './cli-helpers.js';
import { collectPersonCodes, DEMO, leakedCodes, makeTempDir } from './demo-copy.js';
import { createRandom, mutateBytes } from './mutate.js';

const CASES = Number(process.env.RAPPORT_FUZZ_CASES ?? 300);
const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20_261_130);
/** The normal suite mutates the first lines of each file (same structure, 5× faster). */
const FULL = process.env.RAPPORT_FUZZ_FULL === '1';
const HEAD_LINES = 60;

const DATA = join(DEMO, 'donnees');
const files = readdirSync(DATA).filter((name) => name.endsWith('.csv')).sort();
const codes = collectPersonCodes(DATA);

function headOf(bytes: Buffer): Buffer {
  if (FULL) return bytes;
  let at = -1;
  for (let line = 0; line < HEAD_LINES; line += 1) {
    at = bytes.indexOf(0x0a, at + 1);
    if (at < 0) return bytes;
  }
  return bytes.subarray(0, at + 1);
}
const originals = new Map(files.map((name) => [name, headOf(readFileSync(join(DATA, name)))]));

// One project folder: the demo's config and sections, and only the damaged file in donnees/.
const project = join(makeTempDir(), 'projet');
cpSync(DEMO, project, { recursive: true, filter: (source) => !source.startsWith(DATA) && !source.includes('sortie') });
mkdirSync(join(project, 'donnees'));
// One file at a time: the demo's chapter list, édito and funders' indicators name figures of the other
// files, which `check` (the gate of build) rightly refuses; the property is about the data.
const config = parseDocument(readFileSync(join(project, 'rapport.yaml'), 'utf8'));
config.delete('sections');
config.delete('financeurs');
config.delete('edito');
writeFileSync(join(project, 'rapport.yaml'), config.toString());

/** `rapport check` in this process, its output captured. */
async function check(): Promise<{ code: number; output: string }> {
  let output = '';
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  const capture = (chunk: string | Uint8Array): boolean => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    const code = await runCli(['node', 'rapport', 'check', project]);
    return { code, output };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.exitCode = undefined;
  }
}

afterEach(() => {
  for (const name of readdirSync(join(project, 'donnees'))) rmSync(join(project, 'donnees', name));
});
afterAll(() => {
  process.exitCode = undefined;
});

describe(`check on ${CASES} damaged copies of the demo files (seed ${SEED}${FULL ? ', whole files' : ''})`, () => {
  const random = createRandom(SEED);
  const plans = Array.from({ length: CASES }, (_, index) => {
    const file = files[Math.floor(random() * files.length)] as string;
    const { bytes, mutations } = mutateBytes(originals.get(file) as Buffer, random);
    return { index, file, bytes, mutations };
  });

  it('the undamaged heads are accepted (the property is not vacuous)', async () => {
    for (const file of files) {
      writeFileSync(join(project, 'donnees', file), originals.get(file) as Buffer);
      const { code, output } = await check();
      expect(code, `${file}\n${output}`).toBe(0);
      rmSync(join(project, 'donnees', file));
    }
  });

  it(`exit 0 or 1 with a French verdict, never a crash nor a leaked code`, async () => {
    const failures: string[] = [];
    const outcomes = { 0: 0, 1: 0 };
    for (const plan of plans) {
      writeFileSync(join(project, 'donnees', plan.file), plan.bytes);
      const { code, output } = await check();
      const verdict = code === 0 ? /✔ Aucune erreur/.test(output) : code === 1 && /✘ \d+ erreurs? : corrigez|Erreur : /.test(output);
      const leaked = leakedCodes(output, codes);
      if (!verdict || STACK_LINE.test(output) || output.includes('Erreur interne') || leaked.length > 0) {
        failures.push(`cas ${plan.index} (${plan.file}, ${JSON.stringify(plan.mutations)}) : exit ${code}${leaked.length > 0 ? `, codes affichés ${leaked.join(' ')}` : ''}\n${output.slice(-600)}`);
      } else outcomes[code as 0 | 1] += 1;
      rmSync(join(project, 'donnees', plan.file));
    }
    expect(failures.slice(0, 5).join('\n\n')).toBe('');
    // Most damage is caught; a little (a flipped digit) still makes a valid file.
    expect(outcomes[1]).toBeGreaterThan(0);
  });
});

describe(`check with ${Math.ceil(CASES / 3)} damaged copies of the demo rapport.yaml (seed ${SEED})`, () => {
  const random = createRandom(SEED + 1);
  const config = readFileSync(join(DEMO, 'rapport.yaml'));

  it('exit 0, 1 or 2 with a French message, never a crash', async () => {
    writeFileSync(join(project, 'donnees', 'trod.csv'), originals.get('trod.csv') as Buffer);
    const failures: string[] = [];
    try {
      for (let index = 0; index < Math.ceil(CASES / 3); index += 1) {
        const { bytes, mutations } = mutateBytes(config, random);
        writeFileSync(join(project, 'rapport.yaml'), bytes);
        const { code, output } = await check();
        const verdict = code === 0 ? /✔ Aucune erreur/.test(output) : (code === 1 || code === 2) && /Erreur : |✘ \d+ erreurs? : corrigez/.test(output);
        if (!verdict || STACK_LINE.test(output) || output.includes('Erreur interne')) {
          failures.push(`cas ${index} (rapport.yaml, ${JSON.stringify(mutations)}) : exit ${code}\n${output.slice(-600)}`);
        }
      }
    } finally {
      writeFileSync(join(project, 'rapport.yaml'), config);
    }
    expect(failures.slice(0, 5).join('\n\n')).toBe('');
  });
});
