import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from './backend';
import { launchToken, newToken, sessionCookieName } from './browserToken';
import { startBrowserServer, type BrowserServer } from './server';
import { tempDir } from './testing';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend;
let server: BrowserServer;
let token: string;
let staticDir: string;

beforeEach(async () => {
  tmp = tempDir();
  staticDir = path.join(tmp.dir, 'static');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Claimdesk</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(path.join(tmp.dir, 'secret.txt'), 'not for the web');
  backend = await openBackend(path.join(tmp.dir, 'data'), 'test');
  token = newToken();
  server = await startBrowserServer({ dispatch: backend.dispatch, staticDir, port: 0, token });
});
afterEach(async () => {
  await server.close();
  backend.store.close();
  tmp.cleanup();
});

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
/** How a request signs in: the Bearer token (default), a Cookie header, or nothing. */
type Auth = 'bearer' | 'none' | { cookie: string } | { bearer: string };

function send(target: string, opts: { method?: string; body?: string; headers?: Record<string, string>; auth?: Auth; to?: BrowserServer } = {}): Promise<Reply> {
  const to = opts.to ?? server;
  const auth = opts.auth ?? 'bearer';
  const credentials: Record<string, string> =
    auth === 'none' ? {} : auth === 'bearer' ? { Authorization: `Bearer ${token}` } : 'cookie' in auth ? { Cookie: auth.cookie } : { Authorization: `Bearer ${auth.bearer}` };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: to.port, path: target, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${to.port}`, ...credentials, ...opts.headers } },
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

const call = (method: string, payload: unknown, opts: { headers?: Record<string, string>; auth?: Auth; to?: BrowserServer } = {}) =>
  send(`/api/${method}`, { method: 'POST', body: JSON.stringify(payload), ...opts, headers: { 'Content-Type': 'application/json', ...opts.headers } });

const deskFile = () => path.join(tmp.dir, 'data', 'desk.json');
const deskName = async () => JSON.parse((await call('getDesk', {})).body).value.desk.settings.deskName as string;

/** Signs in the way a browser does with the printed address; returns the Cookie header it would send. */
async function signInCookie(): Promise<string> {
  const printed = new URL(server.signInUrl);
  const res = await send(printed.pathname + printed.search, { auth: 'none' });
  expect(res.status).toBe(303);
  const setCookie = res.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, prints an address with the token, and serves the app with a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.signInUrl).toBe(`${server.url}?token=${token}`);
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
    const crossOrigin = await call('importText', { text: 'Hello\n\nWorld' }, { headers: { Origin: 'https://evil.example' } });
    expect(crossOrigin.status).toBe(403);
    // DNS rebinding: our port, someone else's host name.
    const rebound = await send('/', { headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(421);
    expect(backend.store.listArticles()).toEqual([]);
  });

  it('does not serve files outside the renderer directory', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '//../secret.txt']) {
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

describe('browser-mode sign-in', () => {
  it('refuses API calls without the token with 401 and a clear envelope, changing nothing', async () => {
    expect((await call('updateSettings', { settings: { deskName: 'Before' } })).status).toBe(200);
    await backend.store.flush();
    const before = readFileSync(deskFile(), 'utf8');

    const res = await call('updateSettings', { settings: { deskName: 'x' } }, { auth: 'none' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(body.error.message).toMatch(/not signed in to Claimdesk: open the address the server printed/);
    expect(body.error.message).toContain('Authorization: Bearer');
    // Checked before anything else: a bad body or a foreign origin gets the same 401.
    expect((await send('/api/importText', { method: 'POST', body: '{oops', auth: 'none', headers: { 'Content-Type': 'text/plain' } })).status).toBe(401);
    expect((await call('importText', { text: 'Hello\n\nWorld' }, { auth: 'none', headers: { Origin: 'https://evil.example' } })).status).toBe(401);

    await backend.store.flush();
    expect(readFileSync(deskFile(), 'utf8')).toBe(before);
    expect(await deskName()).toBe('Before');
    expect(backend.store.listArticles()).toEqual([]);
  });

  it('refuses a wrong token, however it is sent', async () => {
    const wrong = newToken();
    const refusals = [
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: { bearer: wrong } }),
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: { bearer: token.slice(0, -1) } }),
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: { bearer: `${token}x` } }),
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: { cookie: `${sessionCookieName(server.port)}=${wrong}` } }),
      // The right token under another port's cookie name is another server's session, not ours.
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: { cookie: `${sessionCookieName(server.port + 1)}=${token}` } }),
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: 'none', headers: { Authorization: `Basic ${token}` } }),
      await call('updateSettings', { settings: { deskName: 'x' } }, { auth: 'none', headers: { Authorization: token } }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('unauthorized');
    }
    // An address with a wrong token (an earlier launch's, say) sets no cookie.
    const stale = await send(`/?token=${wrong}`, { auth: 'none' });
    expect(stale.status).toBe(401);
    expect(stale.headers['set-cookie']).toBeUndefined();
    expect(stale.body).toContain('earlier start');
    expect(await deskName()).toBe('');
  });

  it('takes the token as a Bearer credential, for scripts', async () => {
    const res = await call('updateSettings', { settings: { deskName: 'Scripted desk' } }, { auth: { bearer: token } });
    expect(res.status).toBe(200);
    expect(await deskName()).toBe('Scripted desk');
  });

  it('trades the printed address for an HttpOnly, SameSite=Strict cookie and a redirect to /', async () => {
    const res = await send(`/?token=${token}`, { auth: 'none' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['cache-control']).toBe('no-store');
    const setCookie = res.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(new RegExp(`^${sessionCookieName(server.port)}=${token};`));
    expect(setCookie[0]).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie[0]).toMatch(/; SameSite=Strict(;|$)/);
    expect(setCookie[0]).toMatch(/; Path=\/(;|$)/);

    const cookie = await signInCookie();
    const page = await send('/', { auth: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Claimdesk</title>');
    expect((await send('/assets/app.js', { auth: { cookie } })).status).toBe(200);
    // Browsers send other sites' cookies for 127.0.0.1 alongside ours.
    const saved = await call('updateSettings', { settings: { deskName: 'Cookie desk' } }, { auth: { cookie: `other=1; ${cookie}; more=2` }, headers: { Origin: `http://127.0.0.1:${server.port}` } });
    expect(saved.status).toBe(200);
    expect(await deskName()).toBe('Cookie desk');
  });

  it('shows a short plain page, not the app, to a tab that is not signed in', async () => {
    const page = await send('/', { auth: 'none' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('This browser tab is not signed in to Claimdesk: open the address the server printed');
    expect(page.body).not.toContain('<title>Claimdesk</title>');
    // Static files need the session too.
    const asset = await send('/assets/app.js', { auth: 'none' });
    expect(asset.status).toBe(401);
    expect(asset.body).not.toContain('console.log');
  });

  it('honours a token fixed by CLAIMDESK_TOKEN', async () => {
    const fixed = 'e2e-fixed-token-0123456789abcdef0123456789';
    const other = await startBrowserServer({ dispatch: backend.dispatch, staticDir, port: 0, token: launchToken({ CLAIMDESK_TOKEN: fixed }) });
    try {
      expect(other.signInUrl).toBe(`${other.url}?token=${fixed}`);
      expect((await call('listArticles', {}, { to: other, auth: { bearer: fixed } })).status).toBe(200);
      expect((await call('listArticles', {}, { to: other, auth: { bearer: token } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('browser-mode hostile requests', () => {
  it('answers a malformed %-escape in a path with 400, not 500', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AF', '/index.html%00']) {
      const res = await send(p);
      expect(res.status, p).toBe(400);
      expect(res.body).not.toContain('not for the web');
    }
    expect((await send('/')).status).toBe(200);
  });

  it('answers request targets that are not a path with 400, not 500', async () => {
    for (const target of ['*', `http://127.0.0.1:${server.port}/`, `http://[::1/`]) {
      const res = await send(target, { auth: 'none' });
      expect(res.status, target).toBe(400);
    }
  });

  it('refuses a request nested deep enough to overflow the stack with 400, not 500', async () => {
    let doc = '{"type":"text","text":"x"}';
    for (let i = 0; i < 5000; i++) doc = `{"type":"paragraph","content":[${doc}]}`;
    const res = await send('/api/saveArticle', { method: 'POST', body: `{"id":"abcdef-123456","baseRevision":0,"doc":${doc},"claims":[]}`, headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('levels deep') });
    // 50 nodes deep (about 100 JSON levels) is far beyond any article, and still within the limit.
    let fine = '{"type":"text","text":"x"}';
    for (let i = 0; i < 50; i++) fine = `{"type":"paragraph","content":[${fine}]}`;
    const deepButFine = await call('saveArticle', { id: 'abcdef-123456', baseRevision: 0, doc: JSON.parse(fine), claims: [] });
    expect(JSON.parse(deepButFine.body).error.message).not.toContain('levels deep');
  });

  it('never answers 500 to odd but well-formed requests', async () => {
    const replies = [
      await send('/api/constructor', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
      await send('/api/toString', { method: 'POST', body: '[]', headers: { 'Content-Type': 'application/json' } }),
      await send('/api/listArticles', { method: 'POST', body: 'null', headers: { 'Content-Type': 'application/json' } }),
      await send('/api/listArticles', { method: 'POST', body: '"text"', headers: { 'Content-Type': 'application/json' } }),
      await send('/api/getArticle', { method: 'POST', body: '{"id":{"$ne":1}}', headers: { 'Content-Type': 'application/json' } }),
      await send('/api/listArticles', { method: 'GET' }),
      await send('/assets', { method: 'GET' }),
      await send('/', { method: 'DELETE' }),
      await send('/?token=', { auth: 'none' }),
      await send('/?token=%', { auth: 'none' }),
      await send('/?token=a&token=b', { auth: 'none' }),
      await send('/', { auth: 'none', headers: { Cookie: '=;;==; claimdesk-session-=x' } }),
      await send('/', { auth: 'none', headers: { Authorization: 'Bearer' } }),
    ];
    for (const res of replies) expect(res.status).toBeLessThan(500);
    expect(backend.store.listArticles()).toEqual([]);
  });
});
