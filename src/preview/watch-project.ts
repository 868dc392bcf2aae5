// Watches the project folder (config, data, texts, images) and reports each burst of changes once,
// classified by what it touches. The output folder, hidden files and editors' temporary files
// are ignored: the preview's own chart cache writes must not trigger a rebuild.
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import type { ProjectChange } from './types.js';

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.svg']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'sortie']);

export interface ProjectWatcher {
  /** Resolves once the initial scan is done: a change made after it is seen. */
  ready: Promise<void>;
  close(): Promise<void>;
  closeNow(): void;
}

export interface WatchProjectOptions {
  folder: string;
  /** Quiet time after the last event before `onChanges` is called. */
  debounceMs: number;
  /** One call per burst: what changed, and when its first event came (performance.now()). */
  onChanges: (changes: Set<ProjectChange>, firstEventAt: number) => void;
  onError: (error: unknown) => void;
}

/** What a path of the project is, for the rebuild; undefined when no build reads it. */
export function classifyPath(folder: string, path: string): ProjectChange | undefined {
  const inner = relative(folder, path);
  if (inner === '' || inner.startsWith(`..${sep}`) || inner === '..' || isAbsolute(inner)) return undefined;
  const name = basename(path);
  const extension = extname(name).toLowerCase();
  if (dirname(inner) === '.' && (CONFIG_FILE_NAMES as readonly string[]).includes(name)) return 'config';
  // CSV files are read from donnees/, or from the project folder itself when it has no donnees/.
  if (extension === '.csv' && (dirname(inner) === 'donnees' || dirname(inner) === '.')) return 'donnees';
  if (TEXT_EXTENSIONS.has(extension)) return 'textes';
  if (IMAGE_EXTENSIONS.has(extension)) return 'logo';
  return undefined;
}

/** Hidden files, editors' swap and backup files, the output folder, installed packages. */
function isIgnored(folder: string, path: string): boolean {
  const inner = relative(folder, path);
  if (inner === '') return false;
  const parts = inner.split(sep);
  const name = parts[parts.length - 1] ?? '';
  if (parts[0] !== undefined && SKIPPED_FOLDERS.has(parts[0])) return true;
  if (parts.some((part) => part.startsWith('.'))) return true;
  // vim (4913, x~, .swp), emacs (#x#), LibreOffice (~lock.x#), Word (~$x).
  return name.endsWith('~') || name.endsWith('#') || name.startsWith('~') || /^\d+$/.test(name);
}

export function watchProject(options: WatchProjectOptions): ProjectWatcher {
  const folder = resolve(options.folder);
  let pending = new Set<ProjectChange>();
  let firstEventAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(folder, {
    ignoreInitial: true,
    ignored: (path: string) => isIgnored(folder, resolve(path)),
    // Atomic saves (write aside, then rename) arrive as unlink + add: both are changes here.
    atomic: false,
  });
  const onEvent = (path: string): void => {
    const change = classifyPath(folder, resolve(path));
    if (change === undefined) return;
    if (pending.size === 0) firstEventAt = performance.now();
    pending.add(change);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const changes = pending;
      pending = new Set();
      options.onChanges(changes, firstEventAt);
    }, options.debounceMs);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onEvent);
  watcher.on('error', options.onError);
  const ready = new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  const stopTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    ready,
    close: async () => {
      stopTimer();
      await watcher.close();
    },
    closeNow: () => {
      stopTimer();
      void watcher.close();
    },
  };
}
