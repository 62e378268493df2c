// `npm run eval:detect`: bundles the evaluation with esbuild (packages stay in node_modules) and runs it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndImport, root } from '../bundleScript.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await bundleAndImport(path.join(here, 'main.ts'), 'eval-detect-build');
process.chdir(root);
process.exitCode = main(process.argv.slice(2));
