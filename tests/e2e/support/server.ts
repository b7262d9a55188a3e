// A local HTTP server on 127.0.0.1 for the browser tests: serves fixture pages under any host name mapped to it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Route {
  /** Answers a request itself; return false to fall through to the files. */
  (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>;
}

export interface TestServer {
  port: number;
  /** Every request the server saw: host and path (the tests read it to prove the extension stays silent). */
  requests: { host: string; path: string; method: string }[];
  url(host: string, path: string): string;
  close(): Promise<void>;
}

/** Serves files from `roots` (first hit wins); `routes` may answer first. */
export async function startServer(roots: string[], routes: Route[] = [], headers: Record<string, Record<string, string>> = {}): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push({ host, path, method: req.method ?? 'GET' });
    try {
      for (const route of routes) if (await route(req, res)) return;
      const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
      for (const root of roots) {
        const file = resolve(join(root, rel));
        if (!file.startsWith(resolve(root))) break;
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(headers[rel] ?? {}) });
          res.end(body);
          return;
        } catch {
          // Not under this root: try the next.
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    url: (host, path) => `http://${host}:${port}${path}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
