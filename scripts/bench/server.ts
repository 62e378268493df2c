/**
 * Serves the built page on 127.0.0.1. Over file:// Chromium rounds performance.now() to 0.1 ms; served
 * cross-origin isolated (COOP + COEP) it gives microseconds, which sub-millisecond keystroke parts need.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export async function servePage(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    // Only plain file names from the build directory: nothing else on disk is reachable.
    const name = path.basename(new URL(req.url ?? '/', 'http://localhost').pathname) || 'page.html';
    readFile(path.join(dir, name)).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/page.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
