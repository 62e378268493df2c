/**
 * Transport 2, browser mode: the renderer's static files and the contract over HTTP/JSON, on 127.0.0.1
 * only. `POST /api/<method>` with a JSON body answers with the same envelope the IPC transport gives.
 *
 * Every request, static files included, must show the launch's token (browserToken.ts): other users
 * and programs on this machine can reach 127.0.0.1 too. `GET /?token=…` (the printed address) trades
 * it for an HttpOnly, SameSite=Strict cookie and redirects to `/`, so the token leaves the address bar
 * and history; scripts send `Authorization: Bearer TOKEN`. Without it the API answers 401 and changes
 * nothing, and pages answer a short page saying which address to open. Static files need it too
 * because nothing here is meant for anyone else, and one rule is easier to trust than a list.
 *
 * A web page the user visits could still reach a loopback port, so requests must also carry our own
 * Host, a same-origin Origin (when present) and `Content-Type: application/json` (which forces a CORS
 * preflight we never approve).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Envelope, ErrorCode } from '../shared/api';
import { NOT_SIGNED_IN } from '../shared/browserSignIn';
import { MAX_REQUEST_BYTES } from '../shared/limits';
import type { Dispatch } from './dispatch';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isSignedIn, sessionCookie, tokenMatches } from './browserToken';
import { staticPath } from './staticPath';

export type BrowserServer = {
  /** The server's root, without credentials. */
  url: string;
  /** The address to open: the root with the token, which the page trades for its session cookie. */
  signInUrl: string;
  port: number;
  close: () => Promise<void>;
};

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

function sendJson(res: ServerResponse, status: number, body: Envelope, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

const API_NOT_SIGNED_IN = `${NOT_SIGNED_IN} Scripts send the token as “Authorization: Bearer TOKEN”.`;
const STALE_TOKEN =
  'This address’s token is not the one this Claimdesk server printed; it may be from an earlier start (each start prints a new address unless CLAIMDESK_TOKEN is set). Open the address the server printed.';

/** A plain page instead of a broken app: the app's scripts would only be refused too. */
function sendSignInPage(res: ServerResponse, message: string) {
  const html = `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Claimdesk: not signed in</title><h1>Claimdesk: not signed in</h1><p>${message}</p></html>\n`;
  res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
}

/** The request target as a URL on our own origin; null for anything but a plain path ("*", "http://…"). */
function requestUrl(req: IncomingMessage, host: string): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  try {
    // Concatenated, not resolved against a base: "//other/x" stays a path instead of naming a host.
    return new URL(`http://${host}${target}`);
  } catch {
    return null;
  }
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

export async function startBrowserServer(opts: { dispatch: Dispatch; staticDir: string; port: number; token: string; host?: string }): Promise<BrowserServer> {
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
    const target = staticPath(staticRoot, pathname);
    if (target.kind === 'malformed') return sendText(res, 400, 'Bad request: the path is not a valid URL path.');
    if (target.kind === 'outside') return sendText(res, 404, 'Not found');
    const { file, rel } = target;
    try {
      const data = await fs.readFile(file);
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      // private: these answers need the session cookie, so no shared cache may keep them.
      const cache = rel.startsWith('assets/') ? 'private, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      sendText(res, 404, 'Not found');
    }
  }

  /** The printed address: trade a good token for the session cookie, and drop it from the address. */
  function signIn(res: ServerResponse, given: string) {
    if (!tokenMatches(opts.token, given)) return sendSignInPage(res, STALE_TOKEN);
    // Always to "/", never to a path from the request: a redirect we build cannot be aimed elsewhere.
    res.writeHead(303, { ...SECURITY_HEADERS, Location: '/', 'Set-Cookie': sessionCookie(port, opts.token), 'Cache-Control': 'no-store' }).end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const hostHeader = String(req.headers.host ?? '');
    if (!allowedHosts().has(hostHeader)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Unknown host');
      return;
    }
    const url = requestUrl(req, hostHeader);
    if (!url) return sendText(res, 400, 'Bad request: the request target is not a path.');
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    const given = url.searchParams.get('token');
    if (!api && req.method === 'GET' && given !== null) return signIn(res, given);
    if (!isSignedIn(req.headers, port, opts.token)) {
      return api ? fail(res, 401, 'unauthorized', API_NOT_SIGNED_IN, { 'WWW-Authenticate': 'Bearer realm="Claimdesk"' }) : sendSignInPage(res, NOT_SIGNED_IN);
    }
    return api ? handleApi(req, res, api[1] ?? '') : handleStatic(req, res, url.pathname);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // Only our own faults end here (a client that hangs up mid-body, say); hostile input is answered above.
      if (!res.headersSent) fail(res, 500, 'internal', `The server could not answer: ${(e as Error).message}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}/`;
  return {
    url,
    signInUrl: `${url}?token=${opts.token}`,
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
