// `rapport apercu` as a user runs it: the address on stdout, the page served, Ctrl-C ends it with
// the exit code of any interrupted command (130) and its own message, and the port is freed.
// Bad --port values and a port already taken are usage errors (exit 2).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runRapport } from '../cli/cli-helpers.js';
import { copyDemo } from '../cli/demo-copy.js';
import { startRapport, type RunningRapport } from '../e2e/process-helpers.js';

let running: RunningRapport | undefined;

beforeAll(async () => {
  await ensureBuilt();
});
afterAll(() => {
  running?.child.kill('SIGKILL');
});

describe('rapport apercu (CLI)', () => {
  it('prints the address, serves the page, and Ctrl-C stops it with exit 130 and the port freed', async () => {
    const folder = copyDemo();
    running = startRapport(['apercu', folder]);
    let stdout = '';
    running.child.stdout?.on('data', (chunk: string) => (stdout += chunk));
    await running.waitForStderr(/prêt en/);
    const url = /Aperçu : (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    const page = await fetch(url ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Association Les Lucioles');

    running.child.kill('SIGINT');
    const exit = await running.exited;
    expect(exit.code).toBe(130);
    expect(exit.stderr).toContain('Aperçu arrêté par Ctrl-C (SIGINT)');
    expect(exit.stderr).not.toContain('navigateur fermé');
    expect(exit.stderr).not.toMatch(/^\s+at /m);
    await expect(fetch(url ?? '')).rejects.toThrow();
    running = undefined;
  });

  it('refuses a --port that is not a port number (exit 2)', async () => {
    const result = await runRapport(['apercu', copyDemo(), '--port', '80a']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('port invalide');
  });

  it('says so when the port is taken (exit 2), before any build', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const result = await runRapport(['apercu', copyDemo(), '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`le port ${port} est déjà utilisé`);
      expect(result.stderr).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('a folder that does not exist is a usage error (exit 2), not a server', async () => {
    const result = await runRapport(['apercu', '/nonexistent/association']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("n'existe pas");
  });
});
