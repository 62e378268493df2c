import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder up from this file (bundled in dist/<part>/, or source) with package.json. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
  return dir;
}

export const appRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const rendererDir = path.join(appRoot, 'dist', 'renderer');
export const samplePath = path.join(appRoot, 'data', 'tartous-ambush.txt');
