/**
 * The desk's store: a data directory a person can read.
 *
 *   DIR/claimdesk.lock          which process has the directory open
 *   DIR/desk.json               settings and first-run state
 *   DIR/index.json              one summary line per article, for the library (a cache of articles/)
 *   DIR/articles/<id>.json      one article with everything about it
 *   DIR/quarantine/             damaged files moved aside, never deleted
 *
 * Each file has its own queue (fileQueue.ts): every read-modify-write of it runs there, so two calls
 * can never both start from the same state, and a read never puts older data back over a newer save.
 * Saving an article writes its own file, and the index only when a summary field the library needs
 * changed, so a desk with thousands of articles does not rewrite them on each keystroke.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { ArticleRecord, ArticleSummary } from '../../shared/schema/article';
import { DEFAULT_DESK, type DeskState, type StoreNotice } from '../../shared/schema/desk';
import { durableJsonFile, parseFile, removeLeftoverTemps, STORE_DIR_MODE, type DurableAdapter } from './durableFile';
import { ArticleFile, DeskFile, IndexFile, type FileStamp } from './files';
import { keyedQueue, serialQueue } from './fileQueue';
import { acquireDataDirLock, type Lock } from './lock';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { reconcileIndex, type ArticleRead } from './reconcileIndex';
import { summarize } from './summarize';
import { searchEntryOfArticle, searchEntryOfFile } from './searchTexts';
import { SearchCorpus } from '../../shared/library/searchCorpus';

/** What a change of one article does: the record to write (null: write nothing) and what to answer. */
export type ArticleChange<T> = { next: ArticleRecord | null; result: T };

export type Store = {
  dir: string;
  notices: () => StoreNotice[];
  desk: () => DeskState;
  /** Runs `fn` on the latest desk in the desk file's queue; returning the same object writes nothing. */
  updateDesk: (fn: (desk: DeskState) => DeskState | Promise<DeskState>) => Promise<DeskState>;
  listArticles: () => ArticleSummary[];
  hasArticle: (id: string) => boolean;
  /** The article, or null when the desk has none by that id; throws StoreCorruptError for a damaged one. */
  getArticle: (id: string) => Promise<ArticleRecord | null>;
  /**
   * Reads, changes and writes one article as one task of its file's queue. `fn` gets the current record
   * (null: no such article, so `fn` may create it) and may throw to change nothing.
   */
  updateArticle: <T>(id: string, fn: (current: ArticleRecord | null) => ArticleChange<T> | Promise<ArticleChange<T>>) => Promise<T>;
  /** Writes an article whatever is stored (tests and benchmarks fill stores with it). */
  putArticle: (article: ArticleRecord) => Promise<void>;
  /** Removes an article (a damaged one too) from the library; its file goes to quarantine. False: none. */
  deleteArticle: (id: string) => Promise<boolean>;
  /**
   * Puts a deleted article back: its newest copy in the quarantine folder goes through the article's
   * queue, the index and search. Refused, changing nothing, when the library has that id again or the
   * copy is gone or unreadable.
   */
  restoreArticle: (id: string) => Promise<RestoreOutcome>;
  /** Every article's searchable fields (read only: the store keeps it up to date); complete once searchReady resolves. */
  searchCorpus: () => SearchCorpus;
  /** Resolves once every readable article's search entry is built (started when the store opens). */
  searchReady: () => Promise<void>;
  /** Writes what is deferred (claim and word counts in the index). */
  flush: () => Promise<void>;
  close: () => void;
};

export type RestoreOutcome = { ok: true; summary: ArticleSummary } | { ok: false; message: string };

/** A deleted article's file in quarantine: `<id>.json.deleted-<ms>` (see deleteArticle). */
const deletedCopy = (id: string) => new RegExp(`^${id}\\.json\\.deleted-(\\d+)$`);

/** Article files read at once while search texts are built: enough to overlap reads, few enough not to starve saves. */
const SEARCH_BUILD_CONCURRENCY = 4;

/** A pause after saves before the search corpus is rebuilt (~100 ms for 10,000 articles; searches are right meanwhile). */
const SEARCH_COMPACT_DELAY_MS = 2000;

/** An article whose file and backup are both unreadable: listed as damaged, removable, never opened. */
export class StoreCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreCorruptError';
  }
}

const cannotOpen = (title: string, reason: string) =>
  `“${title}” cannot be opened. ${reason} Remove it from the library, or restore a copy from the quarantine folder by hand.`;

const INDEX_COUNTS_DELAY_MS = 3000;

/** The summary fields the library needs to find an article; the rest are counts. */
function structuralKey(s: ArticleSummary): string {
  return JSON.stringify([s.id, s.title, s.publisher, s.publishedAt, s.importedAt, s.damaged ?? null]);
}

export type OpenStoreOptions = {
  app: string;
  /** Read-only: no lock, no writes, no repairs; for reading a desk another process may have open. */
  readOnly?: boolean;
};

export async function openStore(dir: string, { app, readOnly = false }: OpenStoreOptions): Promise<Store> {
  const root = path.resolve(dir);
  if (readOnly) {
    const exists = await fs.access(path.join(root, 'articles')).then(() => true, () => false);
    if (!exists) throw new Error(`${root} is not a Claimdesk data directory (it has no articles/ folder).`);
    return openLocked(root, { release: () => undefined }, true);
  }
  await fs.mkdir(path.join(root, 'articles'), { recursive: true, mode: STORE_DIR_MODE });
  // Unpublished findings: only their owner may list or read them. (No-op on Windows.)
  if (process.platform !== 'win32') await fs.chmod(root, STORE_DIR_MODE);
  const lock: Lock = acquireDataDirLock(root, app);
  try {
    return await openLocked(root, lock, false);
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function openLocked(root: string, lock: Lock, readOnly: boolean): Promise<Store> {
  const notices: StoreNotice[] = [];
  const notify = (n: StoreNotice) => notices.push(n);
  const quarantineDir = path.join(root, 'quarantine');
  const articlesDir = path.join(root, 'articles');
  const articlePath = (id: string) => path.join(articlesDir, `${id}.json`);

  if (!readOnly) {
    const litter = (await removeLeftoverTemps(root)) + (await removeLeftoverTemps(articlesDir));
    if (litter > 0) notify({ level: 'info', message: `Removed ${litter} unfinished temporary file(s) left by an interrupted save; every saved file is intact.` });
  }

  const deskDb = new Low(durableJsonFile({ file: path.join(root, 'desk.json'), kind: 'desk', schema: DeskFile, quarantineDir, notify, readOnly }), {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    desk: DEFAULT_DESK,
  });
  await deskDb.read();

  const indexFile = path.join(root, 'index.json');
  const indexDb = new Low(durableJsonFile({ file: indexFile, kind: 'index', schema: IndexFile, quarantineDir, notify, readOnly }), {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    articles: [],
    files: {},
  });
  await indexDb.read();
  const indexFound = await fs.access(indexFile).then(() => true, () => false);

  const articleAdapter = (id: string): DurableAdapter<ArticleFile> =>
    durableJsonFile({ file: articlePath(id), kind: 'article', schema: ArticleFile, quarantineDir, notify, readOnly });
  // Articles are read on demand, one file each, so they use the adapter directly rather than lowdb's
  // Low (which holds one value from birth); the adapter remembers whether a backup can be linked.
  type Cached = { adapter: DurableAdapter<ArticleFile>; data: ArticleFile | null };
  const cache = new Map<string, Cached>();
  const corpus = new SearchCorpus();

  /** Reads one article file (restoring its backup if need be); only ever called inside its queue. */
  async function readArticleFile(id: string): Promise<ArticleRead> {
    const adapter = articleAdapter(id);
    const data = await adapter.read();
    if (!data) return adapter.damage ? { ok: false, damage: `Its file and backup cannot be read (${adapter.damage.reason}); both were moved to the quarantine folder.` } : { ok: 'missing' };
    if (data.article.id !== id) return { ok: false, damage: `Its file ${id}.json holds a different article (${data.article.id}).` };
    cache.set(id, { adapter, data });
    return { ok: true, article: data.article };
  }

  const stampOf = async (id: string): Promise<FileStamp | null> =>
    fs.stat(articlePath(id)).then((s) => ({ mtimeMs: s.mtimeMs, size: s.size }), () => null);

  const reconciled = await reconcileIndex({
    articlesDir,
    summaries: indexDb.data.articles,
    stamps: indexDb.data.files,
    read: readArticleFile,
    stamp: stampOf,
  });
  const summaries = new Map(reconciled.summaries.map((a) => [a.id, a]));
  const stamps = new Map(Object.entries(reconciled.stamps));
  const { added } = reconciled.counts;
  if (!indexFound && summaries.size > 0) {
    notify({ level: 'info', message: `Rebuilt the library index from ${summaries.size} article file(s).` });
  } else if (added > 0) {
    notify({ level: 'info', message: `Found ${added} article file(s) the library index did not list (an interrupted import?); they are in the library again.` });
  }

  const articleQueue = keyedQueue();
  const deskQueue = serialQueue();
  const indexQueue = serialQueue();

  // A write waiting its turn takes its snapshot when it runs, so it already carries any change made
  // meanwhile: a burst of deletes or restores shares it instead of rewriting the index once each.
  let waitingIndexWrite: Promise<void> | null = null;
  const writeIndex = () => {
    waitingIndexWrite ??= indexQueue(async () => {
      waitingIndexWrite = null;
      if (readOnly) return;
      // The snapshot is taken when the write runs, so the last write in the queue always has the latest.
      indexDb.data = { schemaVersion: CURRENT_SCHEMA_VERSION, articles: [...summaries.values()], files: Object.fromEntries(stamps) };
      await indexDb.write();
    });
    return waitingIndexWrite;
  };
  // Counts (words, claims, done) and file stamps change with nearly every save; rewriting a 2,000-article
  // index durably each time would make saves slower as the desk grows. They are derived from the article
  // files (and reconciled at start), so the index takes them a little later; names and dates at once.
  let countsTimer: ReturnType<typeof setTimeout> | null = null;
  const cancelCounts = () => {
    if (countsTimer) clearTimeout(countsTimer);
    countsTimer = null;
  };
  const scheduleCounts = () => {
    if (countsTimer) return;
    countsTimer = setTimeout(() => {
      countsTimer = null;
      writeIndex().catch((e: Error) => notify({ level: 'error', message: `Could not update the library index: ${e.message}` }));
    }, INDEX_COUNTS_DELAY_MS);
    countsTimer.unref?.();
  };
  if (reconciled.changed) await writeIndex();

  /** The current record, from the cache or the file; inside the article's queue only. */
  async function current(id: string): Promise<ArticleRecord | null> {
    const summary = summaries.get(id);
    if (!summary) return null;
    if (summary.damaged) throw new StoreCorruptError(cannotOpen(summary.title, summary.damaged));
    const cached = cache.get(id)?.data;
    if (cached) return cached.article;
    const read = await readArticleFile(id);
    if (read.ok === true) return read.article;
    const reason = read.ok === false ? read.damage : `Its file ${id}.json is missing from the articles folder.`;
    summaries.set(id, { ...summary, damaged: reason });
    stamps.delete(id);
    cancelCounts();
    await writeIndex();
    throw new StoreCorruptError(cannotOpen(summary.title, reason));
  }

  async function write(article: ArticleRecord): Promise<void> {
    const entry = cache.get(article.id) ?? { adapter: articleAdapter(article.id), data: null };
    const data: ArticleFile = { schemaVersion: CURRENT_SCHEMA_VERSION, article };
    // The cache takes the record only once the disk has it: it never holds what the disk does not.
    await entry.adapter.write(data);
    cache.set(article.id, { adapter: entry.adapter, data });
    corpus.set(article.id, searchEntryOfArticle(article));
    scheduleCompact();
    const stamp = await stampOf(article.id);
    if (stamp) stamps.set(article.id, stamp);
    const summary = summarize(article);
    const old = summaries.get(article.id);
    summaries.set(article.id, summary);
    if (!old || structuralKey(old) !== structuralKey(summary)) {
      cancelCounts();
      await writeIndex();
    } else {
      scheduleCounts();
    }
  }

  // Search texts: every write replaces its article's; the rest are built from the files in the
  // background, each read in its article's queue so it can never land over a newer write's.
  let closed = false;
  // Saves and deletes are searched at once from the corpus' overlay; folding them into its one string waits
  // for a pause, so a burst of saves costs one rebuild.
  let compactTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleCompact = () => {
    if (compactTimer || closed) return;
    compactTimer = setTimeout(() => {
      compactTimer = null;
      corpus.compact();
    }, SEARCH_COMPACT_DELAY_MS);
    compactTimer.unref?.();
  };
  let searchBuild: Promise<void> | null = null;
  const buildSearchText = (id: string) =>
    articleQueue(id)(async () => {
      const summary = summaries.get(id);
      if (closed || corpus.has(id) || !summary || summary.damaged) return;
      const cached = cache.get(id)?.data;
      if (cached) {
        corpus.set(id, searchEntryOfArticle(cached.article));
        return;
      }
      // Read as it is, without repairs: opening the article is what checks and repairs its file.
      const text = await fs.readFile(articlePath(id), 'utf8').catch(() => null);
      if (text === null || closed) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return;
      }
      const built = searchEntryOfFile(json);
      if (built) corpus.set(id, built);
    });
  const searchReady = () => {
    searchBuild ??= (async () => {
      const ids = [...summaries.keys()];
      let next = 0;
      const worker = async () => {
        while (!closed && next < ids.length) {
          const id = ids[next++]!;
          await buildSearchText(id).catch(() => undefined);
        }
      };
      await Promise.all(Array.from({ length: SEARCH_BUILD_CONCURRENCY }, worker));
      corpus.compact();
    })();
    return searchBuild;
  };
  // A desk that is written (the app) wants search soon; the read-only CLI builds it only if asked.
  if (!readOnly) setImmediate(() => void searchReady());

  const updateArticle: Store['updateArticle'] = (id, fn) =>
    articleQueue(id)(async () => {
      const { next, result } = await fn(await current(id));
      if (next) {
        if (next.id !== id) throw new Error(`An update of ${id} cannot write article ${next.id}.`);
        await write(next);
      }
      return result;
    });

  return {
    dir: root,
    notices: () => [...notices],
    desk: () => deskDb.data.desk,
    updateDesk: (fn) =>
      deskQueue(async () => {
        const before = deskDb.data;
        const next = await fn(before.desk);
        if (next === before.desk) return next;
        deskDb.data = { schemaVersion: CURRENT_SCHEMA_VERSION, desk: next };
        try {
          await deskDb.write();
        } catch (e) {
          deskDb.data = before;
          throw e;
        }
        return next;
      }),
    listArticles: () => [...summaries.values()],
    hasArticle: (id) => summaries.has(id),
    getArticle: (id) => articleQueue(id)(() => current(id)),
    updateArticle,
    putArticle: (article) => articleQueue(article.id)(() => write(article)),
    deleteArticle: (id) =>
      articleQueue(id)(async () => {
        if (!summaries.has(id)) return false;
        // The file goes first: killed before the index is written, the start-up reconcile drops the
        // entry, so the delete completes rather than half-happening.
        await fs.mkdir(quarantineDir, { recursive: true, mode: STORE_DIR_MODE });
        await fs.rename(articlePath(id), path.join(quarantineDir, `${id}.json.deleted-${Date.now()}`)).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        });
        await fs.rm(`${articlePath(id)}.bak`, { force: true });
        cache.delete(id);
        corpus.delete(id);
        scheduleCompact();
        summaries.delete(id);
        stamps.delete(id);
        cancelCounts();
        await writeIndex();
        return true;
      }),
    restoreArticle: (id) =>
      articleQueue(id)(async (): Promise<RestoreOutcome> => {
        if (readOnly) throw new Error('This desk is open read-only; nothing can be restored.');
        const present = summaries.get(id);
        if (present) return { ok: false, message: `“${present.title || id}” is in the library again, so its deleted copy was not put back over it.` };
        const pattern = deletedCopy(id);
        const copies = (await fs.readdir(quarantineDir).catch(() => [] as string[]))
          .map((name) => ({ name, at: Number(pattern.exec(name)?.[1] ?? NaN) }))
          .filter((c) => !Number.isNaN(c.at))
          .sort((a, b) => b.at - a.at);
        const newest = copies[0];
        if (!newest) return { ok: false, message: `There is no deleted copy of article ${id} in the quarantine folder (was it moved by hand?); nothing was restored.` };
        const copyPath = path.join(quarantineDir, newest.name);
        const parsed = await parseFile(copyPath, 'article', ArticleFile).catch((e: Error) => ({ ok: false as const, reason: e.message }));
        if (parsed.ok === 'missing') return { ok: false, message: `The deleted copy of article ${id} is gone from the quarantine folder; nothing was restored.` };
        if (parsed.ok === false) return { ok: false, message: `The deleted copy of article ${id} in the quarantine folder cannot be read (${parsed.reason}); nothing was restored.` };
        if (parsed.value.article.id !== id) return { ok: false, message: `The quarantined file ${newest.name} holds a different article (${parsed.value.article.id}); nothing was restored.` };
        await write(parsed.value.article);
        // The article file holds it now; the copy would only be restored again by a later undo of a later delete.
        await fs.rm(copyPath, { force: true });
        return { ok: true, summary: summaries.get(id) ?? summarize(parsed.value.article) };
      }),
    searchCorpus: () => corpus,
    searchReady,
    async flush() {
      if (!countsTimer) return;
      cancelCounts();
      await writeIndex();
    },
    close: () => {
      closed = true;
      if (compactTimer) clearTimeout(compactTimer);
      cancelCounts();
      lock.release();
    },
  };
}
