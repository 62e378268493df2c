/**
 * Autosave time against store size: a real store (openBackend on a temp directory) holding N articles,
 * and a run of real 'saveArticle' dispatches of one of them (request validation, claim checks, audit,
 * durable write), as the window's autosave sends them about once a second while someone types.
 *
 * Two kinds of edit, because they take different paths in the store: an edit that keeps the word count
 * leaves the article's library summary unchanged, so only the article file is written; an edit that
 * changes the word count (most typing does) also rewrites the library index, which lists every article.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openBackend } from '../../electron/backend';
import { CURRENT_SCHEMA_VERSION } from '../../electron/store/migrations';
import { tempDir } from '../../electron/testing';
import { noExchange } from '../../shared/schema/exchange';
import type { ArticleRecord } from '../../shared/schema/article';
import type { DocNodeJson } from '../../shared/schema/doc';
import { generateArticle } from './article';
import { summarize, type Summary } from './stats';

export type AutosaveResult = {
  articles: number;
  /** Edits that keep the word count: the article file only. */
  sameWordCount: Summary;
  /** Edits that change the word count: the article file and the library index. */
  newWordCount: Summary;
  all: Summary;
  /** Size of the library index (index.json) that an edit changing the word count rewrites. */
  indexBytes: number;
};

export type AutosaveOptions = { sample: string; storeSizes: number[]; savesPerKind: number; warmup: number; log: (line: string) => void };

const SAVED_ID = 'bench-saved-article';

/**
 * Writes the store's article files directly (as the store writes them: { schemaVersion, article }) and
 * lets openStore rebuild the index from them: filling 2,000 articles through putArticle would rewrite
 * the index 2,000 times and take minutes.
 */
async function fillStore(dir: string, saved: ArticleRecord, count: number): Promise<void> {
  const articlesDir = path.join(dir, 'articles');
  await fs.mkdir(articlesDir, { recursive: true });
  const records: ArticleRecord[] = [saved];
  for (let i = 1; i < count; i++) {
    const id = `bench-filler-${String(i).padStart(5, '0')}`;
    records.push({ ...saved, id, meta: { ...saved.meta, title: `Filler article ${i}` }, importedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() });
  }
  for (let i = 0; i < records.length; i += 200) {
    await Promise.all(
      records.slice(i, i + 200).map((a) => fs.writeFile(path.join(articlesDir, `${a.id}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, article: a }))),
    );
  }
}

/** The doc with its last paragraph's text replaced (claims sit earlier, so their selectors stay valid). */
function withLastParagraph(doc: DocNodeJson, text: string): DocNodeJson {
  const content = [...(doc.content ?? [])];
  content[content.length - 1] = { type: 'paragraph', content: [{ type: 'text', text }] };
  return { ...doc, content };
}

function lastParagraphText(doc: DocNodeJson): string {
  const last = doc.content?.at(-1);
  return last?.content?.map((n) => n.text ?? '').join('') ?? '';
}

/** One store of `count` articles, open, with a function that saves the article once more. */
type OpenStore = {
  count: number;
  dir: string;
  sameTimes: number[];
  changedTimes: number[];
  /** One round: settle at one word more than the base (unmeasured: it may change the count), save again at one more (same count), then at two more (new count). */
  round: (measured: boolean) => Promise<void>;
  close: () => void;
};

async function openFilledStore(o: AutosaveOptions, count: number): Promise<OpenStore> {
  // A ~1,000-word article with a few claims, none in its last paragraph (where the edits go).
  const g = generateArticle(o.sample, { id: SAVED_ID, words: 1_000, claims: 8, seed: 7 });
  const lastStart = g.paragraphs.at(-1)?.offset ?? Infinity;
  const claims = g.article.claims.filter((_, i) => (g.ranges[i]?.end ?? Infinity) < lastStart);
  const saved: ArticleRecord = { ...g.record, claims };
  const { dir, cleanup } = tempDir('claimdesk-bench-');
  let backend: Awaited<ReturnType<typeof openBackend>> | null = null;
  const close = () => {
    backend?.store.close();
    cleanup();
  };
  try {
    await fillStore(dir, saved, count);
    backend = await openBackend(dir, 'claimdesk-bench');
    const b = backend;
    const listed = b.store.listArticles().length;
    if (listed !== count) throw new Error(`The store lists ${listed} articles, expected ${count}.`);
    const settings = await b.dispatch('updateSettings', { settings: { reviewerName: 'Bench Reviewer' } });
    if (!settings.ok) throw new Error(settings.error.message);

    const base = lastParagraphText(saved.doc);
    let revision = saved.revision;
    let edit = 0;
    const save = async (text: string): Promise<number> => {
      const payload = { id: SAVED_ID, baseRevision: revision, doc: withLastParagraph(saved.doc, text), claims };
      const t0 = performance.now();
      const res = await b.dispatch('saveArticle', payload);
      const ms = performance.now() - t0;
      if (!res.ok) throw new Error(`saveArticle failed: ${res.error.message}`);
      revision = (res.value as { revision: number }).revision;
      edit++;
      return ms;
    };
    // "note1", "note2"… count as one word each, so the text changes at every save.
    const oneMore = () => save(`${base} note${edit}`);
    const twoMore = () => save(`${base} note${edit} again`);
    const store: OpenStore = {
      count,
      dir,
      sameTimes: [],
      changedTimes: [],
      async round(measured) {
        await oneMore();
        const same = await oneMore();
        const changed = await twoMore();
        if (!measured) return;
        store.sameTimes.push(same);
        store.changedTimes.push(changed);
      },
      close,
    };
    return store;
  } catch (e) {
    close();
    throw e;
  }
}

/** The stores are filled first, then saved to in alternation, so a slow moment of the disk falls on all. */
export async function runAutosaveBench(o: AutosaveOptions): Promise<AutosaveResult[]> {
  const stores: OpenStore[] = [];
  try {
    for (const n of o.storeSizes) {
      o.log(`  autosave: filling a store of ${n} articles…`);
      stores.push(await openFilledStore(o, n));
    }
    o.log('  autosave: saving…');
    for (let i = 0; i < o.warmup + o.savesPerKind; i++) for (const s of stores) await s.round(i >= o.warmup);
    const out: AutosaveResult[] = [];
    for (const s of stores) {
      const indexBytes = (await fs.stat(path.join(s.dir, 'index.json'))).size;
      out.push({
        articles: s.count,
        sameWordCount: summarize(s.sameTimes),
        newWordCount: summarize(s.changedTimes),
        all: summarize([...s.sameTimes, ...s.changedTimes]),
        indexBytes,
      });
    }
    return out;
  } finally {
    for (const s of stores) s.close();
  }
}
