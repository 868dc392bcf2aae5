// Entry of the live preview (`rapport apercu`): a server on the loopback, a watcher on the project,
// and an incremental HTML build between them. Each burst of changes rebuilds only the steps it
// touches (src/pipeline/build-html.ts) and tells the open pages to reload; a broken project keeps
// the last good version on screen under a banner with the error.
import { findDataFolder } from '../ingest/index.js';
import { buildReportHtml, type HtmlBuild } from '../pipeline/build-html.js';
import { RapportError } from '../shared/errors.js';
import { startPreviewServer } from './preview-server.js';
import { createServedPage } from './served-page.js';
import type { Preview, PreviewEvent, PreviewOptions, PreviewProblem, ProjectChange } from './types.js';
import { watchProject } from './watch-project.js';

export type * from './types.js';

/** Editors write a file in several steps (truncate, write, rename): one rebuild for all of them. */
const DEFAULT_DEBOUNCE_MS = 80;

/** The error as the terminal shows it, for the page's banner. */
export function describeProblem(error: unknown): PreviewProblem {
  if (error instanceof RapportError) {
    return { message: error.message, details: error.details, ...(error.hint !== undefined && { hint: error.hint }), exitCode: error.exitCode };
  }
  return {
    message: `erreur interne inattendue : ${error instanceof Error ? error.message : String(error)}`,
    details: [],
    hint: 'signalez le problème ; « rapport apercu --debug » affiche le détail technique dans le terminal',
    exitCode: 3,
    ...(error instanceof Error && error.stack !== undefined && { stack: error.stack }),
  };
}

const WAITING_PAGE =
  '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu du rapport</title></head>' +
  '<body><p style="font:16px system-ui,sans-serif;margin:2em">Construction de l\'aperçu en cours…</p></body></html>';

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  // A folder that does not exist is a usage error now, not a banner in a page nobody opened yet.
  await findDataFolder(options.folder);
  const emit = (event: PreviewEvent): void => options.onEvent?.(event);
  const server = await startPreviewServer(options.port ?? 0, { page: createServedPage(WAITING_PAGE, 0, undefined), version: 0 });

  const url = `http://127.0.0.1:${server.port}/`;
  emit({ kind: 'listening', url });
  let version = 0;
  let lastGood: HtmlBuild | undefined;
  let problem: PreviewProblem | undefined;
  // Changes since the last good build: a failed build does not consume them.
  const sinceGood = new Set<ProjectChange>();
  let closed = false;

  const rebuild = async (changes: ReadonlySet<ProjectChange>, startedAt: number): Promise<void> => {
    for (const change of changes) sinceGood.add(change);
    try {
      const build = await buildReportHtml({
        folder: options.folder,
        version: options.version,
        ...(options.year !== undefined && { year: options.year }),
        ...(lastGood !== undefined && { previous: lastGood, changes: sinceGood }),
      });
      if (closed) return;
      const recovered = problem !== undefined;
      lastGood = build;
      sinceGood.clear();
      problem = undefined;
      version += 1;
      server.publish(createServedPage(build.html, version, undefined), version);
      emit({
        kind: 'built',
        version,
        changes: [...changes],
        milliseconds: performance.now() - startedAt,
        parsed: build.files.parsed,
        charts: build.charts,
        warnings: build.warnings,
        recovered,
      });
    } catch (error) {
      if (closed) return;
      problem = describeProblem(error);
      version += 1;
      server.publish(createServedPage(lastGood?.html, version, problem), version);
      emit({ kind: 'failed', version, changes: [...changes], problem });
    }
  };

  // One build at a time; changes arriving meanwhile are merged into the next one.
  let queued: { changes: Set<ProjectChange>; at: number } | undefined;
  let running: Promise<void> | undefined;
  const drain = async (): Promise<void> => {
    while (queued !== undefined && !closed) {
      const next = queued;
      queued = undefined;
      await rebuild(next.changes, next.at);
    }
    running = undefined;
  };
  const schedule = (changes: ReadonlySet<ProjectChange>, at: number): void => {
    if (queued === undefined) queued = { changes: new Set(), at };
    for (const change of changes) queued.changes.add(change);
    running ??= drain();
  };

  const watcher = watchProject({
    folder: options.folder,
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    onChanges: schedule,
    onError: (error) => emit({ kind: 'watch-error', message: error instanceof Error ? error.message : String(error) }),
  });
  try {
    await watcher.ready;
    // The first build: everything is read.
    await rebuild(new Set(), performance.now());
  } catch (error) {
    watcher.closeNow();
    server.closeNow();
    throw error;
  }

  return {
    url,
    port: server.port,
    get version() {
      return version;
    },
    async close() {
      closed = true;
      await Promise.all([watcher.close(), server.close()]);
      await running;
    },
    closeNow() {
      closed = true;
      watcher.closeNow();
      server.closeNow();
    },
  };
}
