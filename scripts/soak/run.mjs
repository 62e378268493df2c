// `npm run soak` (about 3 minutes, at least 100 kills) and `npm run soak -- --short` (at least 10 kills,
// part of `npm test`): bundles soak.ts with esbuild and runs it against the built browser-mode server
// (dist/node/browserMode.mjs, so `npm run build` first). It prints its figures; it exits 1 only when an
// acknowledged write was lost, a store was damaged, temp files were left or an article went missing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndImport, root } from '../bundleScript.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// `keep`: as before, the soak's folder is not emptied before each run.
const { main } = await bundleAndImport(path.join(here, 'soak.ts'), 'soak', { keep: true });
process.exitCode = await main({ root, short: process.argv.includes('--short') });
