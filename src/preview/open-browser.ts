// `--ouvrir`: the address in the user's default browser, with the system's own opener.
import { spawn } from 'node:child_process';

function openerFor(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd.exe built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Resolves with undefined once the opener started, or with why it could not (never rejects). */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const { command, args } = openerFor(platform, url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
      child.once('error', (error: NodeJS.ErrnoException) =>
        resolve(error.code === 'ENOENT' ? `commande « ${command} » introuvable` : `« ${command} » a échoué (${error.message})`),
      );
      child.once('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch (error) {
      resolve(`« ${command} » n'a pas pu être lancé (${error instanceof Error ? error.message : String(error)})`);
    }
  });
}
