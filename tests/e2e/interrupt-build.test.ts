// SIGINT / SIGTERM at every stage of `rapport build`: exit 130 / 143 with a French message,
// Chromium and its profile gone, no `.tmp` nor lock left in the output folder, and the previous
// PDF, HTML and CSV untouched (never a new file beside an old one). Stages are reached through
// the test hook RAPPORT_TEST_PAUSE (a pause announced on stderr) or, for the PDF, by seeing
// Chromium start. Two builds of one folder: the second stops with a message; a lock left by a
// killed build does not block.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport, STACK_LINE } from '../cli/cli-helpers.js';
import { listTree, processesWith, startRapport, waitUntil } from './process-helpers.js';

const PROJECT = join(ROOT, 'tests', 'fixtures', 'build-sans-config');
const PREVIOUS: Record<string, string> = {
  'rapport-activite-2025.pdf': '%PDF-1.7 rapport précédent',
  'rapport-activite-2025.html': '<!DOCTYPE html><title>précédent</title>',
  'chiffres-2025.csv': 'indicateur;annee;valeur\n',
};
let scratch = '';

beforeAll(async () => {
  await ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), 'rapport-interrupt-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** An output folder holding a previous set, and a private temp folder (for Chromium's profile). */
function prepare(name: string): { out: string; tmp: string } {
  const out = join(scratch, name, 'sortie');
  const tmp = join(scratch, name, 'tmp');
  for (const folder of [out, tmp]) mkdirP(folder);
  for (const [file, content] of Object.entries(PREVIOUS)) writeFileSync(join(out, file), content);
  return { out, tmp };
}

function mkdirP(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

async function expectCleanInterruption(out: string, tmp: string, result: { code: number; stderr: string }, code: number): Promise<void> {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(/Interrompu par (Ctrl-C \(SIGINT\)|SIGTERM)\u00a0: arrêt immédiat/);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toContain('Erreur interne');
  // The previous set, byte for byte; besides it only the chart cache (no .tmp, no lock, no staging).
  for (const [file, content] of Object.entries(PREVIOUS)) expect(readFileSync(join(out, file), 'utf8')).toBe(content);
  const tree = listTree(out);
  expect(tree.filter((path) => !path.startsWith('.cache'))).toEqual(Object.keys(PREVIOUS).sort());
  expect(tree.filter((path) => path.endsWith('.tmp'))).toEqual([]);
  // Chromium (all its processes) and its profile folder are gone.
  await waitUntil(() => processesWith(`--user-data-dir=${tmp}`).length === 0);
  // Nothing at all in the temp folder: Chromium's own temp files (org.chromium.Chromium.*) included.
  expect(readdirSync(tmp)).toEqual([]);
}

describe('rapport build interrupted', () => {
  it.each([
    { signal: 'SIGINT', stage: 'lecture', code: 130 },
    { signal: 'SIGTERM', stage: 'graphiques', code: 143 },
    { signal: 'SIGINT', stage: 'écriture', code: 130 },
    { signal: 'SIGTERM', stage: 'remplacement', code: 143 },
  ] as const)('by $signal at stage « $stage »: exit $code, previous outputs intact, nothing left behind', async ({ signal, stage, code }) => {
    const { out, tmp } = prepare(`pause-${stage}`);
    const run = startRapport(['build', PROJECT, '--sortie', out], { RAPPORT_TEST_PAUSE: stage, TMPDIR: tmp });
    await run.waitForStderr(new RegExp(`\\[test\\] pause : ${stage}`));
    if (stage === 'remplacement') {
      // The new set is complete in the staging folder, about to be swapped in.
      const staging = readdirSync(out).find((name) => name.startsWith('.rapport-ecriture-'));
      expect(staging).toBeDefined();
      expect(readdirSync(join(out, staging!)).sort()).toEqual(Object.keys(PREVIOUS).sort());
    }
    run.child.kill(signal);
    await expectCleanInterruption(out, tmp, await run.exited, code);
  });

  it('by SIGINT while Chromium prints the PDF: exit 130, Chromium killed, its profile removed', async () => {
    const { out, tmp } = prepare('pdf');
    const run = startRapport(['build', PROJECT, '--sortie', out], { TMPDIR: tmp });
    const chromium = `--user-data-dir=${tmp}`;
    await waitUntil(() => processesWith(chromium).length > 0 || run.child.exitCode !== null);
    expect(processesWith(chromium).length).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    await expectCleanInterruption(out, tmp, await run.exited, 130);
  });
});

describe('two builds of the same output folder', () => {
  it('the second stops with a message naming the first; a lock left by a killed build does not block', async () => {
    const { out, tmp } = prepare('concurrent');
    const first = startRapport(['build', PROJECT, '--sortie', out], { RAPPORT_TEST_PAUSE: 'lecture', TMPDIR: tmp });
    await first.waitForStderr(/\[test\] pause : lecture/);

    const second = await runRapport(['build', PROJECT, '--sortie', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`Erreur : une autre construction est en cours dans le dossier de sortie «\u00a0${out}\u00a0» (processus ${first.child.pid}`);
    expect(second.stderr).toMatch(/→ attendez qu'elle se termine/);

    // Killed outright: no handler runs, the lock stays behind with a dead pid.
    first.child.kill('SIGKILL');
    expect((await first.exited).code).toBe(137);
    expect(readdirSync(out)).toContain('.rapport-construction.verrou');

    const third = startRapport(['build', PROJECT, '--sortie', out], { RAPPORT_TEST_PAUSE: 'lecture', TMPDIR: tmp });
    // Reaching the first stage means the stale lock was taken over.
    await third.waitForStderr(/\[test\] pause : lecture/);
    third.child.kill('SIGINT');
    await expectCleanInterruption(out, tmp, await third.exited, 130);
  });
});
