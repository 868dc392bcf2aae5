// puppeteer spawns Chromium itself and hands us the process only once the browser has answered:
// a browser that hangs on start would stay out of reach (and keep Node alive). puppeteer calls
// `spawn` on the shared `node:child_process` module object, so wrapping that function lets us see
// the child as soon as it exists. The wrapper only observes: it calls the original unchanged.
import childProcess, { type ChildProcess } from 'node:child_process';

type Spawn = typeof childProcess.spawn;
type Watcher = { marker: string; onSpawn: (child: ChildProcess) => void };

const watchers = new Set<Watcher>();
let original: Spawn | undefined;

function observingSpawn(this: unknown, ...args: unknown[]): ChildProcess {
  const child = (original as (...a: unknown[]) => ChildProcess).apply(this, args);
  const argv = args[1];
  if (Array.isArray(argv)) {
    for (const watcher of watchers) if (argv.includes(watcher.marker)) watcher.onSpawn(child);
  }
  return child;
}

/**
 * Calls `onSpawn` with the process of every spawn whose arguments include `marker` (e.g. the
 * `--user-data-dir=` of one launch), until the returned function is called.
 */
export function watchBrowserSpawns(marker: string, onSpawn: (child: ChildProcess) => void): () => void {
  const watcher: Watcher = { marker, onSpawn };
  if (watchers.size === 0) {
    original = childProcess.spawn;
    (childProcess as { spawn: Spawn }).spawn = observingSpawn as Spawn;
  }
  watchers.add(watcher);
  return () => {
    watchers.delete(watcher);
    if (watchers.size === 0 && original !== undefined) {
      (childProcess as { spawn: Spawn }).spawn = original;
      original = undefined;
    }
  };
}
