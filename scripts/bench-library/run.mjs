// `npm run bench:library`: bundles the library benchmark with esbuild into bench-results/library-build/ and
// runs it against the built app (run `npm run build` first). It fails (exit 1) when the library opens in
// 200 ms or more with 10,000 articles, or a keystroke in the search box takes 100 ms or more to show its rows.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const out = path.join(root, 'bench-results', 'library-build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { main: path.join(here, 'main.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(path.join(out, 'main.mjs')).href);
try {
  process.exitCode = (await main({ root })) ? 0 : 1;
} catch (e) {
  console.error(`The library benchmark could not run: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
}
