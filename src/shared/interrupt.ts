// Process-wide undo actions for an interruption. Stages register what a signal must undo
// (a staging folder, a lock, a temporary file); the CLI runs them synchronously on SIGINT,
// SIGTERM or SIGHUP, then exits. Synchronous on purpose: a signal handler that awaited would let
// the interrupted work carry on underneath it.

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();

/** Registers `cleanup` until the returned function is called (on the normal path). */
export function registerCleanup(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Runs every registered cleanup, newest first, each at most once; never throws. */
export function runCleanups(): void {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // Best effort: one failed removal must not keep the others (or the exit) from happening.
    }
  }
}

/** Exit status of a process ended by `signal`, as shells report it (128 + signal number). */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  return 128 + (numbers[signal] ?? 15);
}

let notice: readonly string[] | undefined;

/**
 * What the CLI says on a signal while registered, instead of its message for an interrupted build
 * (`rapport apercu`: Ctrl-C is how a preview ends, nothing was left half-done). Same exit code.
 */
export function registerInterruptNotice(lines: readonly string[]): () => void {
  notice = lines;
  return () => {
    if (notice === lines) notice = undefined;
  };
}

export function readInterruptNotice(): readonly string[] | undefined {
  return notice;
}
