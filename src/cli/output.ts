// All terminal writes go through here, so commands stay testable and stdout stays clean.
// Convention (docs/construction.md): stdout carries data only (the check report, a JSON or CSV
// export, the paths of the files produced), stderr carries the talk (progress, warnings) and the
// errors. `--quiet` silences the talk, never the data or the errors.

let quiet = false;
let stdoutClosed = false;
let stderrClosed = false;

/** Set once per run from the command's `--quiet` (a preAction hook of the program). */
export function setQuiet(value: boolean): void {
  quiet = value;
}

export function isQuiet(): boolean {
  return quiet;
}

/**
 * A reader that stops early (`| head`, `| jq` failing) closes the pipe: the next write fails
 * with EPIPE. That is the reader's choice, not an error: stop writing, say nothing, keep going.
 */
export function guardStdout(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  // `2>&1 | head`: the same closed pipe seen from stderr; nobody is left to read a message.
  process.stderr.on('error', () => {
    stderrClosed = true;
  });
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    // A full disk behind `> fichier`: the data is incomplete, which must not pass for success.
    writeFailure(`Erreur : écriture impossible sur la sortie standard (${error.code ?? error.message}).`);
    process.exitCode = 3;
  });
}

/** A line of data on stdout. */
export function writeOut(text: string): void {
  writeData(`${text}\n`);
}

/** Data on stdout as is (an export that already ends with its own newline). */
export function writeData(content: string): void {
  if (stdoutClosed) return;
  process.stdout.write(content);
}

/** Talk on stderr: progress, warnings, notices. Silenced by `--quiet`. */
export function writeError(text: string): void {
  if (quiet || stderrClosed) return;
  process.stderr.write(`${text}\n`);
}

/** An error (or an interruption) on stderr: always shown, even with `--quiet`. */
export function writeFailure(text: string): void {
  if (stderrClosed) return;
  process.stderr.write(`${text}\n`);
}
