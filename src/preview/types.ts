import type { ProjectChange } from '../pipeline/build-html.js';

export type { ProjectChange } from '../pipeline/build-html.js';

export interface PreviewOptions {
  /** Project folder (as for `rapport build`). */
  folder: string;
  /** Report year; default as for `rapport build`. */
  year?: number;
  /** Port on 127.0.0.1; 0 (the default) takes a free one. */
  port?: number;
  version: string;
  /** Quiet time after the last file event before rebuilding: editors save in several steps. */
  debounceMs?: number;
  /** What happens, for the CLI to print (stages never print). */
  onEvent?: (event: PreviewEvent) => void;
}

/** An error of the project as the user reads it (the same lines as in the terminal). */
export interface PreviewProblem {
  message: string;
  details: readonly string[];
  hint?: string;
  /** Exit code the same error gives `rapport build`; 3 for an unexpected error (a bug). */
  exitCode: number;
  /** Stack of an unexpected error (a bug), printed with --debug only; never in the page. */
  stack?: string;
}

export type PreviewEvent =
  /** The server listens (the first build has not finished yet: the page says it is coming). */
  | { kind: 'listening'; url: string }
  /** A version is served; `changes` is empty for the first build. */
  | {
      kind: 'built';
      version: number;
      changes: readonly ProjectChange[];
      /** From the first file event of the burst to the new version being announced (ms). */
      milliseconds: number;
      /** Data files parsed again (the others were reused from memory). */
      parsed: readonly string[];
      charts: { drawn: number; fromCache: number };
      warnings: readonly string[];
      recovered: boolean;
    }
  /** The project is broken: the last good version stays served, under a banner with this problem. */
  | { kind: 'failed'; version: number; changes: readonly ProjectChange[]; problem: PreviewProblem }
  /** The watcher could not follow the folder (it keeps serving the last version). */
  | { kind: 'watch-error'; message: string };

export interface Preview {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /** Version served now (1 for the first build, +1 at each rebuild, failed ones included). */
  readonly version: number;
  /** Stops the watcher and the server, closes every connection; resolves when all is closed. */
  close(): Promise<void>;
  /** Synchronous best-effort stop, for a signal handler that exits right after. */
  closeNow(): void;
}
