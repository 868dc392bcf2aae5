// What `rapport diagnostic` reports: one check per concern, produced by the stage that owns it
// (browser in pdf/, fonts and canvas in charts/, write access in pipeline/), printed by cli/.

/** The exact command that fixes a failed check, per family of systems. */
export interface InstallCommands {
  /** Debian and Ubuntu. */
  debian: string;
  /** macOS with Homebrew. */
  macos: string;
  /** Windows (winget, or choco). */
  windows: string;
}

export interface DiagnosticCheck {
  /** Stable identifier, for --json and tests. */
  id: string;
  /** What is checked, in French (« Navigateur », « Polices du document »…). */
  label: string;
  ok: boolean;
  /** Needed by `rapport build`: a failed required check makes `diagnostic` exit 3. */
  required: boolean;
  /** French: what was found (version, path) or what is wrong. */
  detail: string;
  /** French: what to do, when no install command says it all. */
  hint?: string;
  /** Install commands per system, when installing something fixes it. */
  commands?: InstallCommands;
}

/** The message of an error, for a check's detail (RapportError messages are already French). */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
