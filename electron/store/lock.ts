/**
 * lowdb is single-process: the desktop app, the browser-mode server and the CLI must not write one data
 * directory at once. The first takes `claimdesk.lock` (holding its pid); a second gets a clear message.
 * A lock left by a process that no longer runs is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, holder: LockInfo) {
    super(
      `The data directory ${dir} is in use by another Claimdesk (${holder.app}, process ${holder.pid}, since ${holder.startedAt}). ` +
        'Close that one first, or choose another directory with --data-dir.',
    );
    this.name = 'DataDirLockedError';
  }
}

type LockInfo = { pid: number; host: string; app: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.host !== 'string') return null;
    return { pid: info.pid, host: info.host, app: String(info.app ?? 'unknown'), startedAt: String(info.startedAt ?? '?') };
  } catch {
    return null;
  }
}

export type Lock = { release: () => void };

export function acquireDataDirLock(dir: string, app: string): Lock {
  const file = path.join(dir, 'claimdesk.lock');
  const info: LockInfo = { pid: process.pid, host: os.hostname(), app, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        const current = readLock(file);
        if (current?.pid === process.pid) unlinkSync(file);
      };
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      if (holder && holder.host === info.host && isAlive(holder.pid)) {
        throw new DataDirLockedError(dir, holder);
      }
      if (holder && holder.host !== info.host) throw new DataDirLockedError(dir, holder);
      // Stale (its process is gone) or unreadable: take it over.
      try {
        unlinkSync(file);
      } catch {
        /* another process took it over first; try again */
      }
    }
  }
  throw new Error(`Could not take the lock on ${dir}.`);
}
