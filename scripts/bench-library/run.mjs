// `npm run bench:library`: bundles the library benchmark with esbuild into bench-results/library-build/ and
// runs it against the built app (run `npm run build` first). It fails (exit 1) when the library opens in
// 200 ms or more with 10,000 articles, or a keystroke in the search box takes 100 ms or more to show its rows.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAndImport, root } from '../bundleScript.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await bundleAndImport(path.join(here, 'main.ts'), 'library-build', { sourcemap: true });
try {
  process.exitCode = (await main({ root })) ? 0 : 1;
} catch (e) {
  console.error(`The library benchmark could not run: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
}
