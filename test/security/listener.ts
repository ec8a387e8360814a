import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that counts every connection made to it: the evidence that nothing was fetched. */
export interface Listener {
  readonly port: number;
  /** Connections accepted so far, and the request paths seen. */
  readonly connections: () => number;
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Starts a listener on 127.0.0.1 only (never on a public interface), on a free port. It is bounded: few
 * sockets, short timeouts, and it closes itself after `lifetimeMs` even if a test forgets to.
 * Routes: `/schema.yaml` a small fragment, `/slow` never answers, `/big` 2 MB, `/redirect?to=<url>` a 302,
 * `/loop` a redirect to itself, anything else 404.
 */
export async function startListener(lifetimeMs = 60_000): Promise<Listener> {
  let connections = 0;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/schema.yaml') {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      res.end('description: served by the test listener\n');
    } else if (url.pathname === '/slow') {
      // Never answers; the client's deadline must end the wait.
    } else if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      res.end(`description: "${'x'.repeat(2 * 1024 * 1024)}"\n`);
    } else if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
      res.end();
    } else if (url.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  server.maxConnections = 20;
  server.requestTimeout = 10_000;
  server.on('connection', (socket) => {
    connections += 1;
    socket.setTimeout(10_000, () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => void close(), lifetimeMs);
  timer.unref();
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { port: (server.address() as AddressInfo).port, connections: () => connections, requests, close };
}
