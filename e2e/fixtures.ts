/**
 * Starts Claimdesk for a test and tears it down: browser mode (default) on a free port with a temporary
 * data directory, or the Electron app when CLAIMDESK_E2E_TARGET=electron and a binary is present.
 * `app.restart()` stops and starts it again on the same data directory.
 *
 * Browser mode is opened the way a person opens it: through the address it prints, whose token the page
 * trades for its session cookie. Each app fixes its token with CLAIMDESK_TOKEN (and checks the printed
 * address carries it), so a restart prints the same token on its new port.
 */
import { test as base, expect, _electron, type Page, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.env.CLAIMDESK_E2E_TARGET === 'electron' ? 'electron' : 'browser';

export type AppHandle = {
  dataDir: string;
  /** The page showing the app (reloaded or replaced on restart). */
  page: () => Page;
  url: () => string;
  restart: () => Promise<void>;
};

/** The line browser mode prints, up to its end so a token split across two chunks is never half read. */
export const PRINTED_ADDRESS = /Claimdesk browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)\r?\n/;

export const newTestToken = () => randomBytes(32).toString('hex');

/** Browser mode on `port` (0: a free one) with the token fixed; resolves with the address it printed. */
export async function startServer(dataDir: string, token: string, port = 0): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [path.join(root, 'dist/node/browserMode.mjs'), '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, CLAIMDESK_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = PRINTED_ADDRESS.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        if (new URL(m[1]).searchParams.get('token') === token) resolve(m[1]);
        else reject(new Error(`the printed address does not carry CLAIMDESK_TOKEN:\n${output}`));
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  return { proc, url };
}

export async function stopServer(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({ context }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
    if (target === 'electron') {
      await useElectron(dataDir, use);
    } else {
      await useBrowser(context, dataDir, use);
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Browser mode on its own server and data directory, in a page of `context`; `stop` ends the server. */
export async function launchBrowserApp(context: BrowserContext, dataDir: string): Promise<AppHandle & { stop: () => Promise<void> }> {
  const token = newTestToken();
  let server = await startServer(dataDir, token);
  const page = await context.newPage();
  await page.goto(server.url);
  return {
    dataDir,
    page: () => page,
    url: () => server.url,
    async restart() {
      await stopServer(server.proc);
      server = await startServer(dataDir, token);
      await page.goto(server.url);
    },
    stop: () => stopServer(server.proc),
  };
}

async function useBrowser(context: BrowserContext, dataDir: string, use: (app: AppHandle) => Promise<void>) {
  const app = await launchBrowserApp(context, dataDir);
  await use(app);
  await app.stop();
}

async function useElectron(dataDir: string, use: (app: AppHandle) => Promise<void>) {
  const launch = () => _electron.launch({ args: [root, '--data-dir', dataDir], cwd: root });
  let app = await launch();
  let page = await app.firstWindow();
  await use({
    dataDir,
    page: () => page,
    url: () => page.url(),
    async restart() {
      await app.close();
      app = await launch();
      page = await app.firstWindow();
    },
  });
  await app.close();
}

export { expect };
