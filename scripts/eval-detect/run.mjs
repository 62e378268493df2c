// `npm run eval:detect`: bundles the evaluation with esbuild (packages stay in node_modules) and runs it.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const out = path.join(root, 'bench-results', 'eval-detect-build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { main: path.join(here, 'main.ts') },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
process.chdir(root);
const { main } = await import(pathToFileURL(path.join(out, 'main.mjs')).href);
process.exitCode = main(process.argv.slice(2));
