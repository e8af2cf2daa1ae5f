import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  // As a plain static host serves text: no charset, so the file itself must say how to read it.
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** Origin such as http://127.0.0.1:43125 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a static host does: `/x/` → `/x/index.html`, `/x` → redirect to
 * `/x/`, unknown paths → `404.html` with status 404, and `_redirects`-free meta-refresh pages as
 * plain files. Binds to 127.0.0.1 on a free port.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    const send = (path: string, status = 200) => {
      response.writeHead(status, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      createReadStream(path).pipe(response);
    };
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${pathname}/${url.search}` }).end();
          return;
        }
        pathname = join(pathname, 'index.html');
        await stat(join(base, pathname));
        send(join(base, pathname));
        return;
      }
      send(file);
    } catch {
      try {
        await stat(join(base, '404.html'));
        send(join(base, '404.html'), 404);
      } catch {
        response.writeHead(404).end('Not found');
      }
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
