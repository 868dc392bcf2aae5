/** Exit codes shared by every command (documented in README). */
export const ExitCode = {
  ok: 0,
  invalidData: 1,
  usage: 2,
  render: 3,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The one error type that reaches the user. `message` is French and shown as is; `hint`
 * says what to do next. Anything else thrown is a bug and is reported as such by the CLI.
 */
export class RapportError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;
  /** Extra lines (e.g. the list of data problems) printed under the message. */
  readonly details: readonly string[];

  constructor(
    message: string,
    options: { hint?: string; exitCode: ExitCodeValue; details?: readonly string[]; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RapportError';
    this.hint = options.hint;
    this.exitCode = options.exitCode;
    this.details = options.details ?? [];
  }
}

/** Invalid input data (exit 1). */
export class DataError extends RapportError {
  constructor(message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: ExitCode.invalidData });
    this.name = 'DataError';
  }
}

/** Bad command line or configuration (exit 2). */
export class UsageError extends RapportError {
  constructor(message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
    this.name = 'UsageError';
  }
}

/** Browser missing, template or print failure (exit 3). */
export class RenderError extends RapportError {
  constructor(message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: ExitCode.render });
    this.name = 'RenderError';
  }
}
