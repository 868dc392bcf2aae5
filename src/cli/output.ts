// All terminal writes go through here, so commands stay testable and stdout stays clean
// for --json (human messages go to stderr when stdout carries data).

export function writeOut(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function writeError(text: string): void {
  process.stderr.write(`${text}\n`);
}
