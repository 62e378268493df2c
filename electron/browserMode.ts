/**
 * Browser mode: the same back end served over HTTP on 127.0.0.1 for a plain browser.
 *   node dist/node/browserMode.mjs [--port N] [--data-dir DIR]
 * It prints the address to open, which carries this launch's token (CLAIMDESK_TOKEN fixes it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';
import { openBackend } from './backend';
import { resolveDataDir } from './dataDir';
import { rendererDir } from './paths';
import { startBrowserServer } from './server';
import { launchToken } from './browserToken';
import { chromiumPdfRenderer } from './pdf';

export async function runBrowserMode(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.errors.length > 0) {
    console.error(`claimdesk: ${args.errors.join(' ')}`);
    process.exit(2);
  }
  let token: string;
  try {
    token = launchToken();
  } catch (e) {
    // Before the store opens: a bad token must not take the desk's lock.
    console.error(`claimdesk: ${(e as Error).message}`);
    process.exit(2);
  }
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('claimdesk: the renderer is not built (no dist/renderer/index.html). Run `npm run build` first.');
    process.exit(1);
  }
  const dataDir = resolveDataDir(args.dataDir);
  let backend;
  try {
    backend = await openBackend(dataDir, 'browser mode server', { pdf: chromiumPdfRenderer(), warmImport: true });
  } catch (e) {
    console.error(`claimdesk: ${(e as Error).message}`);
    process.exit(1);
  }
  const server = await startBrowserServer({ dispatch: backend.dispatch, staticDir: rendererDir, port: args.port ?? 0, token }).catch((e: Error) => {
    console.error(`claimdesk: could not listen on 127.0.0.1:${args.port ?? 0}: ${e.message}`);
    backend.store.close();
    process.exit(1);
  });
  // Scripts and e2e/fixtures.ts read this line: keep its prefix.
  console.log(`Claimdesk browser mode: ${server.signInUrl}`);
  console.log(`Data directory: ${dataDir}`);
  const stop = () => {
    void server
      .close()
      .then(() => backend.store.flush())
      .finally(() => {
        backend.store.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && /browserMode\.(mjs|js|ts)$/.test(process.argv[1]);
if (invokedDirectly) void runBrowserMode(process.argv.slice(2));
