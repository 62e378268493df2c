/**
 * The index is a cache of the article files. At start it is reconciled with `articles/` cheaply: each
 * file's name, mtime and size are compared with what the index recorded, and only files that differ
 * (saved after the index was last written, or never listed: an import killed before its index write)
 * are read. Entries whose file is gone are dropped; files that cannot be read are listed as damaged.
 */
import { promises as fs } from 'node:fs';
import { ArticleId, type ArticleRecord, type ArticleSummary } from '../../shared/schema/article';
import type { FileStamp } from './files';
import { summarize } from './summarize';

export type ArticleRead = { ok: true; article: ArticleRecord } | { ok: false; damage: string } | { ok: 'missing' };

export type ReconcileInput = {
  articlesDir: string;
  summaries: readonly ArticleSummary[];
  stamps: Readonly<Record<string, FileStamp>>;
  /** Reads (and if need be repairs from its backup) one article file. */
  read: (id: string) => Promise<ArticleRead>;
  stamp: (id: string) => Promise<FileStamp | null>;
};

export type Reconciled = {
  summaries: ArticleSummary[];
  stamps: Record<string, FileStamp>;
  counts: { added: number; refreshed: number; dropped: number; damaged: number };
  /** Whether the index on disk should be rewritten. */
  changed: boolean;
};

/** `<id>.json` or its backup `<id>.json.bak`: the article ids the folder has a file for. */
function idsInFolder(names: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const name of names) {
    const m = /^(.+)\.json(\.bak)?$/.exec(name);
    if (m?.[1] && ArticleId.safeParse(m[1]).success) ids.add(m[1]);
  }
  return ids;
}

/**
 * Within a millisecond: file systems, copy tools and utimes keep mtimes at different precisions (and
 * rounding a time through seconds can move it below the millisecond). A durable write, with its fsyncs,
 * takes longer than that, so two saves of one file are never this close; at worst a file is read again.
 */
const sameStamp = (a: FileStamp | undefined, b: FileStamp | null) =>
  a !== undefined && b !== null && Math.abs(a.mtimeMs - b.mtimeMs) < 1 && a.size === b.size;

function damagedSummary(id: string, known: ArticleSummary | undefined, damage: string): ArticleSummary {
  return {
    id,
    title: known?.title || `Unreadable article file ${id}.json`,
    publisher: known?.publisher ?? '',
    publishedAt: known?.publishedAt ?? '',
    importedAt: known?.importedAt ?? new Date().toISOString(),
    wordCount: known?.wordCount ?? 0,
    claimCount: known?.claimCount ?? 0,
    doneCount: known?.doneCount ?? 0,
    damaged: damage,
  };
}

export async function reconcileIndex(input: ReconcileInput): Promise<Reconciled> {
  const known = new Map(input.summaries.map((s) => [s.id, s]));
  const ids = idsInFolder(await fs.readdir(input.articlesDir).catch(() => []));
  const summaries: ArticleSummary[] = [];
  const stamps: Record<string, FileStamp> = {};
  const counts = { added: 0, refreshed: 0, dropped: 0, damaged: 0 };
  let changed = false;

  for (const id of ids) {
    const before = known.get(id);
    const stamp = await input.stamp(id);
    if (before && !before.damaged && stamp && sameStamp(input.stamps[id], stamp)) {
      summaries.push(before);
      stamps[id] = stamp;
      continue;
    }
    const read = await input.read(id);
    changed = true;
    if (read.ok === true) {
      const summary = summarize(read.article);
      summaries.push(summary);
      const after = await input.stamp(id);
      if (after) stamps[id] = after;
      if (!before) counts.added += 1;
      else if (JSON.stringify(before) !== JSON.stringify(summary)) counts.refreshed += 1;
    } else if (read.ok === false) {
      summaries.push(damagedSummary(id, before, read.damage));
      counts.damaged += 1;
    } else if (before) {
      counts.dropped += 1;
    }
  }
  for (const [id, before] of known) {
    if (ids.has(id)) continue;
    // A damaged entry's files are in quarantine; it stays listed until a person removes it.
    if (before.damaged) summaries.push(before);
    else {
      counts.dropped += 1;
      changed = true;
    }
  }
  if (Object.keys(input.stamps).length !== Object.keys(stamps).length) changed = true;
  summaries.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
  return { summaries, stamps, counts, changed };
}

