/**
 * Starts Claimdesk for a test and tears it down: browser mode (default) on a free port with a temporary
 * data directory, or the Electron app when CLAIMDESK_E2E_TARGET=electron and a binary is present.
 * `app.restart()` stops and starts it again on the same data directory.
 */
import { test as base, expect, _electron, type Page, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
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

async function startServer(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [path.join(root, 'dist/node/browserMode.mjs'), '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Claimdesk browser mode: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
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

async function stopServer(proc: ChildProcess): Promise<void> {
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
  let server = await startServer(dataDir);
  const page = await context.newPage();
  await page.goto(server.url);
  return {
    dataDir,
    page: () => page,
    url: () => server.url,
    async restart() {
      await stopServer(server.proc);
      server = await startServer(dataDir);
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
