/**
 * Browser mode's sign-in, through the built server: the printed address signs a tab in and leaves the
 * address bar; anything without the token is refused; a bad CLAIMDESK_TOKEN stops the launch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, newTestToken, startServer, stopServer } from './fixtures';
import { root } from './helpers';

const NOT_SIGNED_IN = /This browser tab is not signed in to Claimdesk: open the address the server printed/;

test('the printed address signs the tab in with an HttpOnly, SameSite=Strict cookie and leaves the address bar', async ({ app, context }) => {
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const origin = new URL(app.url()).origin;
  expect(page.url()).toBe(`${origin}/`);
  const cookies = await context.cookies(origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a tab or script without the token gets a plain page or a 401, and changes nothing', async ({ app, browser, playwright }) => {
  await expect(app.page().getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const origin = new URL(app.url()).origin;
  const token = new URL(app.url()).searchParams.get('token') ?? '';

  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { name: 'Claimdesk: not signed in' })).toBeVisible();
  await expect(page.getByText(NOT_SIGNED_IN)).toBeVisible();
  await stranger.close();

  const api = await playwright.request.newContext({ baseURL: origin });
  const refused = await api.post('/api/updateSettings', { data: { settings: { deskName: 'x' } } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

  const scripted = await api.post('/api/getDesk', { data: {}, headers: { Authorization: `Bearer ${token}` } });
  expect(scripted.status()).toBe(200);
  expect((await scripted.json()).value.desk.settings.deskName).toBe('');
  await api.dispose();
});

test('a server restarted with a new token tells the open tab to sign in again', async ({ context }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
  let server = await startServer(dataDir, newTestToken());
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const sample = page.getByRole('button', { name: 'Open the sample article' });
    await expect(sample).toBeVisible();

    await stopServer(server.proc);
    server = await startServer(dataDir, newTestToken(), Number(new URL(server.url).port));
    await sample.click();
    await expect(page.getByRole('alert')).toContainText(NOT_SIGNED_IN);

    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open the sample article' }).click();
    await expect(page.getByRole('textbox', { name: 'Article text', exact: true })).toBeVisible();
  } finally {
    await stopServer(server.proc);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a CLAIMDESK_TOKEN too short to be a secret stops the launch before the desk is opened', () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-')), 'desk');
  try {
    const run = spawnSync(process.execPath, [path.join(root, 'dist/node/browserMode.mjs'), '--port', '0', '--data-dir', dataDir], {
      cwd: root,
      env: { ...process.env, CLAIMDESK_TOKEN: 'hunter2' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/CLAIMDESK_TOKEN must be at least 32 characters/);
    expect(run.stdout).not.toContain('Claimdesk browser mode:');
    expect(existsSync(dataDir)).toBe(false);
  } finally {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
});
