// What went wrong with the browser, in French: a hang (no answer within the delay), a crash
// (the process ended under us), or a start that failed. Other errors pass through unchanged.
import type { ChildProcess } from 'node:child_process';
import { RenderError } from '../shared/errors.js';
import { formatNumber } from '../shared/format.js';

/** A browser failure already put into words (so it is not described twice). */
export class BrowserFailure extends RenderError {
  constructor(message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown }) {
    super(message, options);
    this.name = 'BrowserFailure';
  }
}

function* causes(error: unknown): Generator<unknown> {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** puppeteer's TimeoutError, or a protocol command that "timed out" (protocolTimeout). */
export function isTimeout(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (cause instanceof BrowserFailure) return false;
    if (cause instanceof Error && (cause.name === 'TimeoutError' || /timed out/i.test(cause.message))) return true;
  }
  return false;
}

const DISCONNECTED = /Target closed|Connection closed|Session closed|browser has disconnected|Browser closed|has been closed|socket hang up|EPIPE/i;

function isDisconnection(error: unknown): boolean {
  for (const cause of causes(error)) if (DISCONNECTED.test(messageOf(cause))) return true;
  return false;
}

function describeExit(child: ChildProcess | undefined): string {
  if (child?.signalCode) return ` (arrêté par le signal ${child.signalCode})`;
  if (child?.exitCode !== null && child?.exitCode !== undefined) return ` (code de sortie ${child.exitCode})`;
  return '';
}

export interface BrowserFailureFacts {
  executablePath: string;
  error: unknown;
  timeoutMs: number;
  /** True while puppeteer was still launching the browser. */
  starting: boolean;
  child: ChildProcess | undefined;
  /** We killed it (interruption, cleanup): its end is not a crash. */
  killedByUs: boolean;
}

export function describeBrowserFailure(facts: BrowserFailureFacts): unknown {
  const { error, child } = facts;
  if (error instanceof BrowserFailure) return error;
  const when = facts.starting ? 'au démarrage' : 'pendant la mise en page du PDF';
  if (isTimeout(error)) {
    const seconds = formatNumber(facts.timeoutMs / 1000, facts.timeoutMs % 1000 === 0 ? 0 : 1);
    return new BrowserFailure(`Chromium ne répond plus\u00a0: aucune réponse en ${seconds}\u00a0s ${when}\u00a0; il a été arrêté`, {
      hint:
        'relancez la construction\u00a0; si la machine est très lente ou le rapport très long, allongez le délai avec ' +
        '--delai-navigateur <secondes> (ou la variable RAPPORT_DELAI_NAVIGATEUR)',
      details: [`navigateur\u00a0: ${facts.executablePath}`],
      cause: error,
    });
  }
  const ended = child !== undefined && (child.exitCode !== null || child.signalCode !== null);
  if (!facts.killedByUs && (ended || isDisconnection(error))) {
    return new BrowserFailure(`Chromium s'est arrêté brutalement ${when}${describeExit(child)}`, {
      hint:
        "relancez la construction\u00a0; si cela se reproduit, vérifiez la mémoire disponible, ou essayez un autre navigateur avec " +
        'PUPPETEER_EXECUTABLE_PATH=/chemin/vers/chromium',
      details: [`navigateur\u00a0: ${facts.executablePath}`],
      cause: error,
    });
  }
  if (facts.starting) {
    return new BrowserFailure(`Chromium (${facts.executablePath}) n'a pas pu démarrer`, {
      hint: "vérifiez que ce navigateur s'ouvre sur cette machine, ou indiquez-en un autre avec PUPPETEER_EXECUTABLE_PATH",
      details: messageOf(error).split('\n').slice(0, 6),
      cause: error,
    });
  }
  return error;
}
