// Bundles the Node-side entry points with esbuild. Packages stay external (resolved from node_modules at
// run time); the sandboxed preload is the exception: a sandboxed preload cannot require modules, so it is
// one self-contained CommonJS file.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    format: 'esm',
    packages: 'external',
    entryPoints: { browserMode: 'electron/browserMode.ts', launch: 'electron/launch.ts', cli: 'electron/cli.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
  }),
  build({ ...common, format: 'esm', packages: 'external', entryPoints: { main: 'electron/main.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.mjs' } }),
  build({ ...common, format: 'cjs', external: ['electron'], entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
]);
