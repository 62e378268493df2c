// `npm run bench`: bundles the benchmark (the page for Chromium, the driver for Node) with esbuild into
// bench-results/build/, then runs it. Nothing is fetched: the page is served from that directory on
// 127.0.0.1 and the browser is the system Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const out = path.join(root, 'bench-results', 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await Promise.all([
  // The page: one script and the app's CSS beside it.
  // Minified like the app's production build, so the editor code runs as it does in the app.
  build({
    entryPoints: { page: path.join(here, 'page.ts') },
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: process.env.BENCH_NO_MINIFY !== "1",
    sourcemap: true,
    loader: { '.txt': 'text' },
    logLevel: 'warning',
    // article.ts hashes the text with node:crypto for the store; the page gets pageCrypto.ts instead.
    plugins: [{ name: 'page-crypto', setup: (b) => b.onResolve({ filter: /^node:crypto$/ }, () => ({ path: path.join(here, 'pageCrypto.ts') })) }],
  }),
  // The Node side (Playwright driver and the store benchmark); packages stay in node_modules.
  build({
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
  }),
]);
copyFileSync(path.join(here, 'page.html'), path.join(out, 'page.html'));

const { main } = await import(pathToFileURL(path.join(out, 'main.mjs')).href);
try {
  // `npm run bench -- --detect` / `-- --versions`: the detection or the versions figure alone (no browser).
  const only = process.argv.includes('--detect') ? 'detect' : process.argv.includes('--versions') ? 'versions' : undefined;
  await main({ root, pageDir: out, only });
} catch (e) {
  // Only a benchmark that could not run fails; slow figures never do.
  console.error(`The benchmark could not run: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
}
