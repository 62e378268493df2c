// `npm run bench:import`: bundles the import benchmark with esbuild (packages stay in node_modules) and runs
// it. A benchmark, not a test: it prints figures and exits 0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndImport, root } from '../bundleScript.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
process.chdir(root);
await bundleAndImport(path.join(here, 'main.ts'), 'import-build');
