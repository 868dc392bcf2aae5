// The preview's HTTP server: on 127.0.0.1 only, it serves the report page from memory and a
// Server-Sent Events stream announcing new versions. Nothing is read from disk, so no request
// path can reach a file: every other path is a 404.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { UsageError } from '../shared/errors.js';
import { EVENTS_PATH, type ServedPage } from './served-page.js';

export const LOOPBACK = '127.0.0.1';
const PAGE_PATHS = new Set(['/', '/index.html']);
/** A comment line now and then keeps proxies and idle timers from closing the stream. */
const KEEP_ALIVE_MS = 20_000;

export interface PreviewServer {
  port: number;
  /** Serves `page` from now on and tells every open page about `version`. */
  publish(page: ServedPage, version: number): void;
  close(): Promise<void>;
  closeNow(): void;
}

function securityHeaders(nonce: string | undefined): Record<string, string> {
  return {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    // The report needs no network: inline styles, data: fonts and images, our one script.
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" +
      (nonce === undefined ? '' : `; script-src 'nonce-${nonce}'`),
  };
}

/**
 * Only requests addressed to this server by its loopback name: a page of another site that
 * resolves its own name to 127.0.0.1 (DNS rebinding) gets a 403, not the report.
 */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(undefined), 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** Starts listening; a port already taken is a usage error (exit 2) that says what to do. */
export async function startPreviewServer(port: number, first: { page: ServedPage; version: number }): Promise<PreviewServer> {
  let page = first.page;
  let version = first.version;
  const streams = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (!isOwnHost(request.headers.host, boundPort)) return sendText(response, 403, 'Accès refusé : adresse inattendue.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Méthode non autorisée.');
    }
    // The raw path is compared as is: no decoding, no normalisation, no file behind any path.
    const path = (request.url ?? '').split('?')[0];
    if (path === EVENTS_PATH) return openStream(response);
    if (path === undefined || !PAGE_PATHS.has(path)) return sendText(response, 404, "Introuvable : l'aperçu ne sert que la page du rapport, à l'adresse /.");
    response.writeHead(200, { ...securityHeaders(page.nonce), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page.html) });
    response.end(request.method === 'HEAD' ? undefined : page.html);
  };

  const openStream = (response: ServerResponse): void => {
    response.writeHead(200, { ...securityHeaders(undefined), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(`retry: 500\nevent: version\ndata: ${version}\n\n`);
    streams.add(response);
    // The response's 'close': the browser closed the page or the connection dropped.
    response.on('close', () => streams.delete(response));
  };

  const server: Server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new UsageError(`le port ${port} est déjà utilisé sur ${LOOPBACK}`, { hint: 'choisissez-en un autre avec --port, ou omettez --port pour prendre un port libre' }));
      } else if (error.code === 'EACCES') {
        reject(new UsageError(`le port ${port} est réservé (droits insuffisants)`, { hint: 'choisissez un port au-dessus de 1024 avec --port, ou omettez --port' }));
      } else reject(error);
    });
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': ok\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  let closing = false;
  const closeNow = (): void => {
    if (closing) return;
    closing = true;
    clearInterval(keepAlive);
    for (const stream of streams) stream.end();
    streams.clear();
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: boundPort,
    publish(next, nextVersion) {
      page = next;
      version = nextVersion;
      for (const stream of streams) stream.write(`event: reload\ndata: ${version}\n\n`);
    },
    closeNow,
    close() {
      closeNow();
      return closed;
    },
  };
}
