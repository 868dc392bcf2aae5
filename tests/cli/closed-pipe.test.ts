// A reader that stops early (`rapport chiffres demo --format json | head -c 10`) closes the pipe:
// rapport ends quietly, exit 0, no stack trace, no error message (issue 9 §3).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runRapport, STACK_LINE } from './cli-helpers.js';
import { DEMO, makeTempDir } from './demo-copy.js';

beforeAll(ensureBuilt);

interface PipedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  received: number;
  stderr: string;
}

/** Runs the CLI with stdout into a pipe whose reader closes it after the first chunk. */
function runIntoEarlyClosingReader(args: readonly string[]): Promise<PipedRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'rapport.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let received = 0;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      // Closing our end of the pipe: the child's next write fails with EPIPE.
      child.stdout.destroy();
    });
    child.on('close', (code, signal) => done({ code, signal, received, stderr }));
  });
}

describe('stdout closed by the reader', () => {
  it('the export is larger than a pipe buffer, so the reader really closes it mid-way', async () => {
    const full = await runRapport(['chiffres', DEMO, '--format', 'json', '-q']);
    expect(full.code).toBe(0);
    // Linux pipes hold 64 KiB: with 4 times that, the writer is still writing when the reader leaves.
    expect(Buffer.byteLength(full.stdout)).toBeGreaterThan(4 * 65_536);
  });

  it('chiffres --format json into a reader that closes early: exit 0, nothing on stderr but the summary', async () => {
    const run = await runIntoEarlyClosingReader(['chiffres', DEMO, '--format', 'json']);
    expect(run.received).toBeGreaterThan(0);
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(/EPIPE|Erreur|Error/);
    expect(run.stderr).toContain('sortie standard (JSON)');
  });

  it('check --json -q into a reader that closes early: exit 0, stderr empty', async () => {
    const run = await runIntoEarlyClosingReader(['check', DEMO, '--json', '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it.skipIf(!existsSync('/bin/bash'))('the shell pipeline of the issue: rapport chiffres … --format json | head -c 10', async () => {
    const script = 'node bin/rapport.js chiffres "$1" --format json 2>"$2" | head -c 10; echo " ${PIPESTATUS[0]}"; cat "$2"';
    const stderrFile = join(makeTempDir(), 'stderr.txt');
    const output = await new Promise<string>((done) =>
      execFile('/bin/bash', ['-c', script, 'bash', DEMO, stderrFile], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` } }, (_error, stdout) => done(stdout)),
    );
    // The 10 bytes head let through, rapport's own exit status, then rapport's stderr: the summary only.
    expect(output.startsWith('{\n  "forma 0\n')).toBe(true);
    expect(output).toContain('Chiffres 2025 : sortie standard (JSON)');
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toMatch(/EPIPE|Erreur|Error/);
  });

  it.skipIf(!existsSync('/bin/bash'))('stdout and stderr into the same closed pipe (2>&1 | head -c 10): exit 0 (bug: exit 1)', async () => {
    const script = 'node bin/rapport.js chiffres "$1" --format json 2>&1 | head -c 10; echo " ${PIPESTATUS[0]}"';
    const output = await new Promise<string>((done) =>
      execFile('/bin/bash', ['-c', script, 'bash', DEMO], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` } }, (_error, stdout) => done(stdout)),
    );
    expect(output).toBe('{\n  "forma 0\n');
  });
});
