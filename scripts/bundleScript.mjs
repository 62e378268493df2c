// The scripts' one way to run TypeScript: bundle an entry with esbuild into bench-results/<name>/ (packages stay
// in node_modules, so Playwright, jsdom and the like load as they are) and import the bundle.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles `entry` (a .ts path) into bench-results/`name`/, fresh unless `keep`, and returns the imported module.
 * @param {string} entry
 * @param {string} name
 * @param {{ sourcemap?: boolean, keep?: boolean }} [options]
 */
export async function bundleAndImport(entry, name, { sourcemap = false, keep = false } = {}) {
  const out = path.join(root, 'bench-results', name);
  if (!keep) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const base = path.basename(entry, '.ts');
  await build({
    entryPoints: { [base]: entry },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap,
    logLevel: 'warning',
  });
  return import(pathToFileURL(path.join(out, `${base}.mjs`)).href);
}
