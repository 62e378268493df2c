#!/usr/bin/env node
// The `claimdesk` command: runs the bundled CLI, building it first if this checkout has not been built.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'node', 'cli.mjs');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
const { runCli } = await import(pathToFileURL(cli).href);
process.exit(await runCli(process.argv.slice(2)));
