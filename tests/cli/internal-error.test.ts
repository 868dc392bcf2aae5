// Issue 9 §1: no English and no stack trace without --debug. A bug of ours (here a TypeError
// thrown while reading the project) is said in French; its English message and stack only with --debug.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/pipeline/prepare-report.js', () => ({
  readProject: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'annee')");
  },
  verifyProject: () => [],
}));

const { runCli } = await import('../../src/cli/run-cli.js');

function captureStderr(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { text: () => text };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('an internal error', () => {
  it('is French without --debug: no English message, no stack, exit 3', async () => {
    const stderr = captureStderr();
    const code = await runCli(['node', 'rapport', 'check', 'projet']);
    expect(code).toBe(3);
    expect(stderr.text()).toContain("Erreur interne inattendue : ce n'est pas une erreur de vos fichiers, mais de rapport.");
    expect(stderr.text()).toContain('relancez avec --debug');
    expect(stderr.text()).not.toContain('Cannot read properties');
    expect(stderr.text()).not.toMatch(/^\s+at\s/m);
  });

  it('shows the English message and the stack with --debug', async () => {
    const stderr = captureStderr();
    const code = await runCli(['node', 'rapport', 'check', 'projet', '--debug']);
    expect(code).toBe(3);
    expect(stderr.text()).toContain('Cannot read properties');
    expect(stderr.text()).toMatch(/^\s+at\s/m);
  });
});
