/**
 * Transport 2, browser mode: the renderer's static files and the contract over HTTP/JSON, on 127.0.0.1
 * only. `POST /api/<method>` with a JSON body answers with the same envelope the IPC transport gives.
 *
 * A web page the user visits could still reach a loopback port, so requests must carry our own Host,
 * a same-origin Origin (when present) and `Content-Type: application/json` (which forces a CORS
 * preflight we never approve).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../shared/api';
import { MAX_REQUEST_BYTES } from '../shared/limits';
import type { Dispatch } from './dispatch';
import { CONTENT_SECURITY_POLICY } from './csp';

export type BrowserServer = { url: string; port: number; close: () => Promise<void> };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: ServerResponse, status: number, body: Envelope) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: 'invalid_request' | 'too_large' | 'unknown_method', message: string) {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * The body, or null when it is over the limit. An over-size body is read to its end (and dropped) so
 * the client can finish sending and read our 413; one far over the limit is cut off.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit * 2) {
      req.destroy();
      return null;
    }
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserServer(opts: { dispatch: Dispatch; staticDir: string; port: number; host?: string }): Promise<BrowserServer> {
  const host = opts.host ?? '127.0.0.1';
  const staticRoot = path.resolve(opts.staticDir);
  let port = opts.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return fail(res, 405, 'invalid_request', 'API calls use POST.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return fail(res, 403, 'invalid_request', 'Cross-origin requests are refused.');
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(res, 415, 'invalid_request', 'API calls send JSON (Content-Type: application/json).');
    }
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === null) return fail(res, 413, 'too_large', 'The request is larger than the server accepts.');
    let payload: unknown;
    try {
      payload = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return fail(res, 400, 'invalid_request', 'The request body is not valid JSON.');
    }
    const envelope = await opts.dispatch(method, payload);
    sendJson(res, envelope.ok ? 200 : statusFor(envelope.error.code), envelope);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep)) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    try {
      const data = await fs.readFile(file);
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  const server: Server = createServer((req, res) => {
    if (!allowedHosts().has(String(req.headers.host ?? ''))) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Unknown host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    const work = api ? handleApi(req, res, api[1] ?? '') : handleStatic(req, res, url.pathname);
    work.catch((e: unknown) => {
      if (!res.headersSent) fail(res, 500, 'invalid_request', `The server could not answer: ${(e as Error).message}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function statusFor(code: string): number {
  switch (code) {
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'internal':
    case 'store_error':
      return 500;
    default:
      return 400;
  }
}
