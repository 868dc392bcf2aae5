// The preview's copy of the report: the built HTML plus a small reload script and, while the
// project is broken, a banner with the error above the last good version. The built HTML itself
// stays script-free; only this copy, served on the loopback, carries the script.
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../render/blocks.js';
import type { PreviewProblem } from './types.js';

/** Path of the Server-Sent Events stream the script listens to. */
export const EVENTS_PATH = '/__apercu/evenements';

/**
 * Reloads when the server announces another version than the one this page shows (also after a
 * reconnection: a save made while the stream was down is not missed), keeping the scroll position.
 */
function reloadScript(version: number): string {
  return `(() => {
  const shown = ${JSON.stringify(String(version))};
  const key = 'rapport-apercu-defilement';
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    addEventListener('load', () => scrollTo(0, Number(saved)));
  }
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const onVersion = (event) => {
    if (event.data === shown) return;
    source.close();
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  };
  source.addEventListener('version', onVersion);
  source.addEventListener('reload', onVersion);
})();`;
}

const BANNER_STYLE =
  'position:sticky;top:0;z-index:2147483647;margin:0;padding:1em 1.5em;background:#fff4f2;color:#5c0f00;' +
  'border-bottom:3px solid #b42318;font:15px/1.45 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.15);';

function renderBanner(problem: PreviewProblem, hasGoodVersion: boolean): string {
  const details = problem.details.length > 0 ? `<ul style="margin:.4em 0;padding-left:1.4em">${problem.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  const hint = problem.hint ? `<p style="margin:.4em 0 0">→ ${escapeHtml(problem.hint)}</p>` : '';
  const kept = hasGoodVersion
    ? "La dernière version correcte reste affichée ci-dessous ; la page se met à jour dès que l'erreur est corrigée."
    : "Aucune version correcte n'a encore pu être construite ; la page se met à jour dès que l'erreur est corrigée.";
  return (
    `<div id="rapport-apercu-erreur" role="alert" style="${BANNER_STYLE}">` +
    `<p style="margin:0 0 .3em;font-weight:700">Aperçu non mis à jour\u00a0: ${escapeHtml(problem.message)}</p>` +
    `${details}${hint}<p style="margin:.4em 0 0;font-style:italic">${escapeHtml(kept)}</p></div>`
  );
}

/** A page for when no version could be built yet: only the banner. */
function emptyDocument(title: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body></body></html>`;
}

export interface ServedPage {
  html: string;
  /** Nonce of the reload script, for the Content-Security-Policy header of the response. */
  nonce: string;
}

/** The report HTML (or nothing yet) with the banner of `problem` and the reload script. */
export function createServedPage(report: string | undefined, version: number, problem: PreviewProblem | undefined): ServedPage {
  const nonce = randomBytes(16).toString('base64');
  const base = report ?? emptyDocument('Aperçu du rapport — erreur');
  // A Content-Security-Policy of the report itself would forbid the script: the response header sets it instead.
  const html = base.replace(/<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>/gi, '');
  const banner = problem === undefined ? '' : renderBanner(problem, report !== undefined);
  const script = `<script nonce="${nonce}">${reloadScript(version)}</script>`;
  const bodyOpen = /<body[^>]*>/i.exec(html);
  const withBanner = bodyOpen === null ? banner + html : html.slice(0, bodyOpen.index + bodyOpen[0].length) + banner + html.slice(bodyOpen.index + bodyOpen[0].length);
  const close = withBanner.lastIndexOf('</body>');
  return { html: close < 0 ? withBanner + script : withBanner.slice(0, close) + script + withBanner.slice(close), nonce };
}
