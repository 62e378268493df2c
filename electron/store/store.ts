/**
 * The desk's store: a data directory a person can read.
 *
 *   DIR/claimdesk.lock          which process has the directory open
 *   DIR/desk.json               settings and first-run state
 *   DIR/index.json              one summary line per article, for the library
 *   DIR/articles/<id>.json      one article with everything about it
 *   DIR/quarantine/             damaged files moved aside, never deleted
 *
 * Saving an article writes its own file, and the index only when a summary field changed, so a desk
 * with thousands of articles does not rewrite them on each keystroke.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { ArticleRecord, ArticleSummary } from '../../shared/schema/article';
import { DEFAULT_DESK, type DeskState, type StoreNotice } from '../../shared/schema/desk';
import { durableJsonFile } from './durableFile';
import { ArticleFile, DeskFile, IndexFile } from './files';
import { acquireDataDirLock, type Lock } from './lock';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { summarize } from './summarize';

export type Store = {
  dir: string;
  notices: () => StoreNotice[];
  desk: () => DeskState;
  updateDesk: (fn: (desk: DeskState) => DeskState) => Promise<DeskState>;
  listArticles: () => ArticleSummary[];
  hasArticle: (id: string) => boolean;
  getArticle: (id: string) => Promise<ArticleRecord | null>;
  putArticle: (article: ArticleRecord, summary: ArticleSummary) => Promise<void>;
  deleteArticle: (id: string) => Promise<void>;
  /** Writes what is deferred (claim and word counts in the index). */
  flush: () => Promise<void>;
  close: () => void;
};



const INDEX_COUNTS_DELAY_MS = 3000;

/** The summary fields the library needs to find an article; the rest are counts. */
function structuralKey(s: ArticleSummary): string {
  return JSON.stringify([s.id, s.title, s.publisher, s.publishedAt, s.importedAt]);
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
  await fs.mkdir(path.join(root, 'articles'), { recursive: true });
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
  const articlePath = (id: string) => path.join(root, 'articles', `${id}.json`);

  const deskDb = new Low(durableJsonFile({ file: path.join(root, 'desk.json'), kind: 'desk', schema: DeskFile, quarantineDir, notify, readOnly }), {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    desk: DEFAULT_DESK,
  });
  await deskDb.read();

  const indexDb = new Low(durableJsonFile({ file: path.join(root, 'index.json'), kind: 'index', schema: IndexFile, quarantineDir, notify, readOnly }), {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    articles: [],
  });
  await indexDb.read();
  // No index (first run, or a damaged one with no backup, now quarantined): rebuild it from the article files.
  const indexOnDisk = await fs.access(path.join(root, 'index.json')).then(() => true, () => false);
  if (!indexOnDisk || (readOnly && indexDb.data.articles.length === 0)) {
    const rebuilt = await rebuildIndex(root, quarantineDir, notify, readOnly);
    indexDb.data = { schemaVersion: CURRENT_SCHEMA_VERSION, articles: rebuilt };
    if (rebuilt.length > 0 && !readOnly) {
      await indexDb.write();
      notify({ level: 'info', message: `Rebuilt the library index from ${rebuilt.length} article file(s).` });
    }
  }

  const articleDbs = new Map<string, Low<ArticleFile>>();
  const articleDb = (id: string) => {
    let db = articleDbs.get(id);
    if (!db) {
      db = new Low<ArticleFile>(durableJsonFile({ file: articlePath(id), kind: 'article', schema: ArticleFile, quarantineDir, notify, readOnly }), null as unknown as ArticleFile);
      articleDbs.set(id, db);
    }
    return db;
  };
  const summaries = new Map(indexDb.data.articles.map((a) => [a.id, a]));
  // Counts (words, claims, done) change with nearly every save; rewriting a 2,000-article index durably
  // each time would make saves slower as the desk grows. They are derived from the article files, so
  // the index takes them a little later; names and dates, which the library cannot do without, at once.
  let countsTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleCounts = () => {
    if (countsTimer) return;
    countsTimer = setTimeout(() => {
      countsTimer = null;
      writeIndex().catch((e: Error) => notify({ level: 'error', message: `Could not update the library index: ${e.message}` }));
    }, INDEX_COUNTS_DELAY_MS);
    countsTimer.unref?.();
  };
  const flush = async () => {
    if (!countsTimer) return;
    clearTimeout(countsTimer);
    countsTimer = null;
    await writeIndex();
  };
  const writeIndex = async () => {
    indexDb.data = { schemaVersion: CURRENT_SCHEMA_VERSION, articles: [...summaries.values()] };
    await indexDb.write();
  };

  return {
    dir: root,
    notices: () => [...notices],
    desk: () => deskDb.data.desk,
    async updateDesk(fn) {
      const next = fn(deskDb.data.desk);
      deskDb.data = { schemaVersion: CURRENT_SCHEMA_VERSION, desk: next };
      await deskDb.write();
      return next;
    },
    listArticles: () => [...summaries.values()],
    hasArticle: (id) => summaries.has(id),
    async getArticle(id) {
      if (!summaries.has(id)) return null;
      const db = articleDb(id);
      if (!db.data) await db.read();
      return db.data ? db.data.article : null;
    },
    async putArticle(article, summary) {
      const db = articleDb(article.id);
      db.data = { schemaVersion: CURRENT_SCHEMA_VERSION, article };
      await db.write();
      const before = summaries.get(article.id);
      if (before && JSON.stringify(before) === JSON.stringify(summary)) return;
      summaries.set(article.id, summary);
      if (!before || structuralKey(before) !== structuralKey(summary)) {
        if (countsTimer) clearTimeout(countsTimer);
        countsTimer = null;
        await writeIndex();
      } else {
        scheduleCounts();
      }
    },
    async deleteArticle(id) {
      if (!summaries.delete(id)) return;
      await writeIndex();
      articleDbs.delete(id);
      // Deleted articles go to quarantine too: a mistaken delete can be undone by hand.
      await fs.mkdir(quarantineDir, { recursive: true });
      await fs.rename(articlePath(id), path.join(quarantineDir, `${id}.json.deleted-${Date.now()}`)).catch(() => undefined);
      await fs.rm(`${articlePath(id)}.bak`, { force: true });
    },
    flush,
    close: () => {
      if (countsTimer) clearTimeout(countsTimer);
      lock.release();
    },
  };
}

/** The index can always be rebuilt from the article files; it is a cache a person could delete. */
async function rebuildIndex(root: string, quarantineDir: string, notify: (n: StoreNotice) => void, readOnly: boolean): Promise<ArticleSummary[]> {
  const dir = path.join(root, 'articles');
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json'));
  const out: ArticleSummary[] = [];
  for (const name of names) {
    const db = new Low<ArticleFile>(durableJsonFile({ file: path.join(dir, name), kind: 'article', schema: ArticleFile, quarantineDir, notify, readOnly }), null as unknown as ArticleFile);
    await db.read();
    if (db.data) out.push(summarize(db.data.article));
  }
  return out.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}
