// Test helper: the preview's Server-Sent Events stream read as a browser's EventSource does, and
// raw HTTP requests whose path is sent exactly as written (fetch would normalise `/../`).
import { request } from 'node:http';

export interface EventStream {
  /** Resolves with the data of the next event of this name (register before causing it). */
  next(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openEventStream(baseUrl: string): Promise<EventStream> {
  const response = await fetch(new URL('/__apercu/evenements', baseUrl));
  if (response.body === null) throw new Error('no event stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const waiting: { name: string; resolve: (data: string) => void }[] = [];
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        for (const waiter of waiting.filter((w) => w.name === name)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(data);
        }
      }
    }
  })().catch(() => undefined);
  return {
    next: (name) => new Promise((resolve) => waiting.push({ name, resolve })),
    close: () => reader.cancel().catch(() => undefined),
  };
}

/** GET with the path as is and an optional Host header; status and body. */
export function rawGet(baseUrl: string, path: string, host?: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
