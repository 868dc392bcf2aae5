// Faults of the browser: one that hangs (on start or mid-work) is killed after the delay and
// reported in French; one that crashes is reported as such; neither leaves a process nor a
// profile folder behind. A temp folder where nothing can be created is a French error too.
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../src/pdf/index.js';
import { RenderError } from '../../src/shared/errors.js';
import { livingProcessesInGroup, waitUntil } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'rapport-browser-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private TMPDIR per test, so "no profile left" is not disturbed by other tests running at the same time. */
let privateTmp = '';
const savedTmp = process.env.TMPDIR;
function usePrivateTmp(): string {
  privateTmp = mkdtempSync(join(scratch, 'tmp-'));
  process.env.TMPDIR = privateTmp;
  return privateTmp;
}
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

function profiles(folder: string): string[] {
  // Everything: the profile, and Chromium's own temp files (org.chromium.Chromium.*).
  return readdirSync(folder);
}

/** A fake browser: a shell script that never answers (or exits at once), in its own process group like Chromium. */
function fakeBrowser(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

function mainPid(browser: Browser): number {
  const pid = browser.process()?.pid;
  if (pid === undefined) throw new Error('no Chromium process');
  return pid;
}

describe('a browser that hangs', () => {
  it('on start: the launch ends after the delay with a French message, the process is killed and the profile removed', async () => {
    const tmp = usePrivateTmp();
    const marker = join(scratch, 'hang-start.pid');
    // The script records its pid (its process group, as puppeteer starts it detached), then waits forever.
    const executablePath = fakeBrowser('hang-start.sh', `echo $$ > '${marker}'\nexec sleep 3600`);
    const run = withBrowser(async () => 'jamais', { executablePath, timeoutMs: 2_000 });
    await expect(run).rejects.toBeInstanceOf(RenderError);
    await expect(run).rejects.toThrow(/Chromium ne répond plus\u00a0: aucune réponse en 2\u00a0s au démarrage/);
    await expect(run).rejects.toMatchObject({ exitCode: 3, hint: expect.stringMatching(/--delai-navigateur/) });
    const pid = Number((await import('node:fs')).readFileSync(marker, 'utf8'));
    expect(await waitUntil(() => livingProcessesInGroup(pid).length === 0)).toBe(true);
    expect(profiles(tmp)).toEqual([]);
  });

  it('mid-work: a frozen Chromium is killed after the delay, with a French message, nothing left behind', async () => {
    const tmp = usePrivateTmp();
    let pid = 0;
    const run = withBrowser(
      async (browser) => {
        pid = mainPid(browser);
        // Every process of the browser stops answering, as a wedged one would.
        process.kill(-pid, 'SIGSTOP');
        await withPage(browser, (page) => page.setContent('<p>jamais imprimé</p>'));
      },
      { timeoutMs: 2_000 },
    );
    await expect(run).rejects.toThrow(/Chromium ne répond plus\u00a0: aucune réponse en 2\u00a0s pendant la mise en page du PDF\u00a0; il a été arrêté/);
    // withBrowser returns only once the main process has ended; its helpers die with the group.
    expect(await waitUntil(() => livingProcessesInGroup(pid).length === 0)).toBe(true);
    expect(profiles(tmp)).toEqual([]);
  });
});

describe('a browser that crashes', () => {
  it('on start: exit 3 with the exit code in French, no profile left', async () => {
    const tmp = usePrivateTmp();
    const executablePath = fakeBrowser('crash-start.sh', 'echo "segfault simulé" >&2\nexit 7');
    const run = withBrowser(async () => 'jamais', { executablePath, timeoutMs: 30_000 });
    await expect(run).rejects.toThrow(/Chromium s'est arrêté brutalement au démarrage \(code de sortie 7\)/);
    await expect(run).rejects.toMatchObject({ exitCode: 3 });
    expect(profiles(tmp)).toEqual([]);
  });

  it('mid-work: the error says Chromium stopped, and the profile is removed', async () => {
    const tmp = usePrivateTmp();
    let pid = 0;
    const run = withBrowser(async (browser) => {
      pid = mainPid(browser);
      const exited = new Promise((resolve) => browser.process()?.once('exit', resolve));
      process.kill(-pid, 'SIGKILL');
      await exited;
      await withPage(browser, (page) => page.setContent('<p>jamais imprimé</p>'));
    });
    await expect(run).rejects.toThrow(/Chromium s'est arrêté brutalement pendant la mise en page du PDF \(arrêté par le signal SIGKILL\)/);
    await expect(run).rejects.toMatchObject({ exitCode: 3 });
    expect(await waitUntil(() => livingProcessesInGroup(pid).length === 0)).toBe(true);
    expect(profiles(tmp)).toEqual([]);
  });
});

describe('a temp folder where nothing can be created', () => {
  it('is a French error naming it, with what to do (exit 2), before any browser starts', async () => {
    const file = join(scratch, 'pas-un-dossier');
    writeFileSync(file, 'x');
    process.env.TMPDIR = join(file, 'tmp');
    const run = withBrowser(async () => 'jamais');
    await expect(run).rejects.toThrow(new RegExp(`«\u00a0${join(file, 'tmp')}\u00a0»|«\u00a0${file}\u00a0» est un fichier`));
    await expect(run).rejects.toMatchObject({ exitCode: 2, hint: expect.stringMatching(/TMPDIR/) });
    expect(existsSync(join(file, 'tmp'))).toBe(false);
  });
});
