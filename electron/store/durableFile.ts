/**
 * A lowdb adapter that survives crashes and power loss: write a temp file, fsync it, keep the previous
 * good copy as `.bak`, rename into place, fsync the directory. Reads validate against a schema; a file
 * that does not parse or fit is moved to `quarantine/` (never overwritten) and the backup is used.
 */
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { migrate, CURRENT_SCHEMA_VERSION } from './migrations';
import type { StoreNotice } from '../../shared/schema/desk';

export class StoreTooNewError extends Error {
  constructor(file: string, version: number) {
    super(
      `${path.basename(file)} was made by a newer version of Claimdesk (store schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). ` +
        'Update Claimdesk to open this data directory; nothing was changed.',
    );
    this.name = 'StoreTooNewError';
  }
}

export class StoreCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreCorruptError';
  }
}

type Kind = Parameters<typeof migrate>[0];

export type DurableFileOptions<S extends z.ZodTypeAny> = {
  file: string;
  kind: Kind;
  schema: S;
  quarantineDir: string;
  notify: (notice: StoreNotice) => void;
  /** Read without repairing or writing anything (the CLI reading a desk the app has open). */
  readOnly?: boolean;
};

let tmpCounter = 0;

async function fsyncPath(p: string, flags: number): Promise<void> {
  const handle = await fs.open(p, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Directories cannot be opened for sync on Windows; there the rename is as durable as it gets.
  if (process.platform === 'win32') return;
  await fsyncPath(dir, fsc.O_RDONLY);
}

export async function writeFileDurably(file: string, text: string, keepBackup: boolean): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (keepBackup) {
    // Hard-link the current good copy as the backup: no window in which neither name holds a good file.
    await fs.rm(`${file}.bak`, { force: true });
    await fs.link(file, `${file}.bak`).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return;
      if (e.code === 'EPERM' || e.code === 'ENOTSUP' || e.code === 'EXDEV') return fs.copyFile(file, `${file}.bak`);
      throw e;
    });
  }
  await fs.rename(tmp, file);
  await fsyncDir(dir);
}

type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string } | { ok: 'missing' };

async function parseFile<S extends z.ZodTypeAny>(file: string, kind: Kind, schema: S): Promise<ParseOutcome<z.output<S>>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: 'missing' };
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: text.trim() === '' || /^\0+$/.test(text) ? 'it is empty' : 'it is not valid JSON' };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) throw new StoreTooNewError(file, version);
  const parsed = schema.safeParse(migrate(kind, json));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `it does not fit the ${kind} schema (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'})` };
  }
  return { ok: true, value: parsed.data as z.output<S> };
}

async function quarantine(file: string, quarantineDir: string): Promise<string> {
  await fs.mkdir(quarantineDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(quarantineDir, `${path.basename(file)}.${stamp}`);
  await fs.rename(file, target);
  return target;
}

export function durableJsonFile<S extends z.ZodTypeAny>(opts: DurableFileOptions<S>): Adapter<z.output<S>> {
  const { file, kind, schema, quarantineDir, notify, readOnly = false } = opts;
  let queue: Promise<void> = Promise.resolve();
  let hasFile = false;
  return {
    async read() {
      const main = await parseFile(file, kind, schema);
      if (main.ok === true) {
        hasFile = true;
        return main.value;
      }
      const backup = await parseFile(`${file}.bak`, kind, schema);
      if (readOnly) {
        if (main.ok === false) notify({ level: 'warning', message: `${path.basename(file)} is damaged (${main.reason}); read its backup instead.` });
        return backup.ok === true ? backup.value : null;
      }
      if (main.ok === 'missing') {
        if (backup.ok !== true) return null;
        // A crash between backup and rename: the backup is the last good state.
        await writeFileDurably(file, JSON.stringify(backup.value, null, 2), false);
        hasFile = true;
        notify({ level: 'warning', message: `${path.basename(file)} was missing after an interrupted save; restored the last good copy.` });
        return backup.value;
      }
      const moved = await quarantine(file, quarantineDir);
      if (backup.ok === true) {
        await writeFileDurably(file, JSON.stringify(backup.value, null, 2), false);
        hasFile = true;
        notify({
          level: 'warning',
          message: `${path.basename(file)} was damaged (${main.reason}); restored the previous good copy. The damaged file was kept as ${moved}.`,
        });
        return backup.value;
      }
      notify({
        level: 'error',
        message: `${path.basename(file)} was damaged (${main.reason}) and had no good backup. It was moved to ${moved}.`,
      });
      return null;
    },
    write(data) {
      if (readOnly) return Promise.reject(new Error(`${path.basename(file)} is open read-only.`));
      const next = queue.then(async () => {
        await writeFileDurably(file, JSON.stringify(data, null, 2), hasFile);
        hasFile = true;
      });
      // Keep the queue alive after a failed write; the caller still sees the failure.
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
