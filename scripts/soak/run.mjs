// `npm run soak` (about 3 minutes, at least 100 kills) and `npm run soak -- --short` (at least 10 kills,
// part of `npm test`): bundles soak.ts with esbuild and runs it against the built browser-mode server
// (dist/node/browserMode.mjs, so `npm run build` first). It prints its figures; it exits 1 only when an
// acknowledged write was lost, a store was damaged, temp files were left or an article went missing.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const out = path.join(root, 'bench-results', 'soak');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { soak: path.join(here, 'soak.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(path.join(out, 'soak.mjs')).href);
process.exitCode = await main({ root, short: process.argv.includes('--short') });
