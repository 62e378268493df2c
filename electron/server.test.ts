import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from './backend';
import { startBrowserServer, type BrowserServer } from './server';
import { tempDir } from './testing';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend;
let server: BrowserServer;

beforeEach(async () => {
  tmp = tempDir();
  const staticDir = path.join(tmp.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Claimdesk</title>');
  writeFileSync(path.join(tmp.dir, 'secret.txt'), 'not for the web');
  backend = await openBackend(path.join(tmp.dir, 'data'), 'test');
  server = await startBrowserServer({ dispatch: backend.dispatch, staticDir, port: 0 });
});
afterEach(async () => {
  await server.close();
  backend.store.close();
  tmp.cleanup();
});

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(pathname: string, opts: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const call = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { method: 'POST', body: JSON.stringify(payload), headers: { 'Content-Type': 'application/json', ...headers } });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and serves the app with a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await send('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Claimdesk</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe');
  });

  it('answers contract calls with the same envelope as IPC', async () => {
    const res = await call('listArticles', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { articles: [] } });
  });

  it('gives invalid requests a typed error', async () => {
    const bad = await call('getArticle', { id: '../../etc/passwd' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid_request', issues: [{ path: 'id' }] });
    const unknown = await call('dropAllTables', {});
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method');
    const notJson = await send('/api/listArticles', { method: 'POST', body: '{oops', headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse(notJson.body).error).toMatchObject({ code: 'invalid_request', message: 'The request body is not valid JSON.' });
    const missing = await call('getArticle', { id: 'abcdef-123456' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not_found');
  });

  it('refuses what a hostile web page could send to a loopback port', async () => {
    // A simple cross-site form post: no JSON content type.
    const form = await send('/api/importText', { method: 'POST', body: 'text=x', headers: { 'Content-Type': 'text/plain' } });
    expect(form.status).toBe(415);
    const crossOrigin = await call('importText', { text: 'Hello\n\nWorld' }, { Origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    // DNS rebinding: our port, someone else's host name.
    const rebound = await send('/', { headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(421);
    expect(backend.store.listArticles()).toEqual([]);
  });

  it('does not serve files outside the renderer directory', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await send(p);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('not for the web');
    }
  });

  it('refuses bodies over the request limit', async () => {
    const res = await call('importText', { text: 'x'.repeat(33 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('too_large');
  });
});
