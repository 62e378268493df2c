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
import { formatBytes, MAX_JSON_DEPTH, MAX_STORE_FILE_BYTES } from '../../shared/limits';
import { checkJsonDepth } from '../../shared/schema/jsonDepth';

export class StoreTooNewError extends Error {
  constructor(file: string, version: number) {
    super(
      `${path.basename(file)} was made by a newer version of Claimdesk (store schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). ` +
        'Update Claimdesk to open this data directory; nothing was changed.',
    );
    this.name = 'StoreTooNewError';
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

/** Store files hold unpublished work: on POSIX only their owner may read them (the folders are 0700). */
export const STORE_FILE_MODE = 0o600;
export const STORE_DIR_MODE = 0o700;

/** `.<file>.<pid>.<n>.tmp`: the temp file of a write, left behind only when the process died mid-write. */
const TEMP_FILE = /^\..+\.\d+\.\d+\.tmp$/;

/**
 * Removes the temp files of writes that never finished. Only the lock holder calls this, so no write of
 * another process can be in flight; each is an incomplete copy of a file whose last good state is
 * still in place.
 */
export async function removeLeftoverTemps(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

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
  const handle = await fs.open(tmp, 'w', STORE_FILE_MODE);
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

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string } | { ok: 'missing' };

/** Reads and checks one store file: its value, why it cannot be used, or that it is not there. */
export async function parseFile<S extends z.ZodTypeAny>(file: string, kind: Kind, schema: S): Promise<ParseOutcome<z.output<S>>> {
  let text: string;
  try {
    // Checked before reading: past ~512 MB Node cannot even hold the text ("Invalid string length").
    const { size } = await fs.stat(file);
    if (size > MAX_STORE_FILE_BYTES) {
      return { ok: false, reason: `it is ${formatBytes(size)}, more than the ${formatBytes(MAX_STORE_FILE_BYTES)} Claimdesk reads` };
    }
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
  // Before zod, which recurses: a file nested thousands deep would overflow the stack inside it.
  const depth = checkJsonDepth(json, MAX_JSON_DEPTH);
  if (!depth.ok) return { ok: false, reason: `it is ${depth.message}` };
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
  await fs.mkdir(quarantineDir, { recursive: true, mode: STORE_DIR_MODE });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(quarantineDir, `${path.basename(file)}.${stamp}`);
  await fs.rename(file, target);
  return target;
}

/** Why a read found no usable copy: the reason in a few words, and the full notice with file names. */
export type Damage = { reason: string; message: string };

/** A lowdb adapter that also says why its last read found nothing usable (null when it did). */
export type DurableAdapter<T> = Adapter<T> & { readonly damage: Damage | null };

/**
 * The adapter does no queueing of its own: the store runs every read and write of one file in that
 * file's queue (fileQueue.ts), which is also what makes a repair happen once when two reads race.
 */
export function durableJsonFile<S extends z.ZodTypeAny>(opts: DurableFileOptions<S>): DurableAdapter<z.output<S>> {
  const { file, kind, schema, quarantineDir, notify, readOnly = false } = opts;
  const name = path.basename(file);
  let hasFile = false;
  let damage: Damage | null = null;
  const restore = async (value: z.output<S>) => {
    await writeFileDurably(file, JSON.stringify(value, null, 2), false);
    hasFile = true;
    return value;
  };
  return {
    get damage() {
      return damage;
    },
    async read() {
      damage = null;
      const main = await parseFile(file, kind, schema);
      if (main.ok === true) {
        hasFile = true;
        return main.value;
      }
      const backup = await parseFile(`${file}.bak`, kind, schema);
      if (readOnly) {
        if (main.ok === false) {
          notify({ level: 'warning', message: `${name} is damaged (${main.reason}); ${backup.ok === true ? 'read its backup instead' : 'it has no good backup'}.` });
          if (backup.ok !== true) damage = { reason: main.reason, message: `${name} is damaged (${main.reason}) and has no good backup.` };
        }
        return backup.ok === true ? backup.value : null;
      }
      if (backup.ok === true) {
        if (main.ok === 'missing') {
          // A crash between backup and rename: the backup is the last good state.
          notify({ level: 'warning', message: `${name} was missing after an interrupted save; restored the last good copy.` });
        } else {
          const moved = await quarantine(file, quarantineDir);
          notify({ level: 'warning', message: `${name} was damaged (${main.reason}); restored the previous good copy. The damaged file was kept as ${moved}.` });
        }
        return restore(backup.value);
      }
      if (main.ok === 'missing' && backup.ok === 'missing') return null;
      // No good copy at all: move what is there aside, so nothing ever writes over it.
      const moved: string[] = [];
      if (main.ok === false) moved.push(await quarantine(file, quarantineDir));
      if (backup.ok === false) moved.push(await quarantine(`${file}.bak`, quarantineDir));
      const reason = main.ok === false ? main.reason : `it was missing and its backup ${backup.ok === false ? backup.reason : 'is gone'}`;
      const what = main.ok === false ? `was damaged (${main.reason}) and had no good backup` : `was missing and its backup was damaged (${reason})`;
      damage = { reason, message: `${name} ${what}. It was moved to ${moved.join(' and ')}.` };
      notify({ level: 'error', message: damage.message });
      return null;
    },
    async write(data) {
      if (readOnly) throw new Error(`${name} is open read-only.`);
      await writeFileDurably(file, JSON.stringify(data, null, 2), hasFile);
      hasFile = true;
      damage = null;
    },
  };
}
