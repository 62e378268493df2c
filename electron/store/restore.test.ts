import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle, tempDir } from '../testing';
import { openStore, type Store } from './store';

let tmp: ReturnType<typeof tempDir>;
let store: Store | null = null;

beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  store?.close();
  store = null;
  tmp.cleanup();
});

const open = async () => (store = await openStore(tmp.dir, { app: 'test' }));
const quarantine = () => (existsSync(path.join(tmp.dir, 'quarantine')) ? readdirSync(path.join(tmp.dir, 'quarantine')) : []);
const indexIds = () => (JSON.parse(readFileSync(path.join(tmp.dir, 'index.json'), 'utf8')) as { articles: { id: string }[] }).articles.map((a) => a.id).sort();

describe('restoreArticle', () => {
  it('puts a deleted article back as it was: file, index, listing and search', async () => {
    const s = await open();
    const a = makeArticle('article-0001', 'Curfew in Homs', 'Witnesses described the curfew.');
    await s.putArticle(a);
    expect(await s.deleteArticle(a.id)).toBe(true);
    expect(s.searchCorpus().has(a.id)).toBe(false);
    expect(quarantine()).toEqual([expect.stringMatching(/^article-0001\.json\.deleted-\d+$/)]);

    const outcome = await s.restoreArticle(a.id);
    expect(outcome).toMatchObject({ ok: true, summary: { id: a.id, title: 'Curfew in Homs' } });
    expect(await s.getArticle(a.id)).toEqual(a);
    expect(s.listArticles().map((x) => x.id)).toEqual([a.id]);
    expect(indexIds()).toEqual([a.id]);
    expect(s.searchCorpus().find(['witnesses described'])).toEqual([a.id]);
    // The copy is back in articles/, not left behind to be restored again by a later undo.
    expect(quarantine()).toEqual([]);

    s.close();
    store = await openStore(tmp.dir, { app: 'test' });
    expect(await store.getArticle(a.id)).toEqual(a);
  });

  it('restoring twice: the second is refused, nothing changes', async () => {
    const s = await open();
    const a = makeArticle('article-0002', 'Twice');
    await s.putArticle(a);
    await s.deleteArticle(a.id);
    expect((await s.restoreArticle(a.id)).ok).toBe(true);
    const again = await s.restoreArticle(a.id);
    expect(again).toEqual({ ok: false, message: '“Twice” is in the library again, so its deleted copy was not put back over it.' });
    expect(s.listArticles()).toHaveLength(1);
  });

  it('delete, restore, delete, restore: each undo brings back the latest copy', async () => {
    const s = await open();
    const a = makeArticle('article-0003', 'First');
    await s.putArticle(a);
    await s.deleteArticle(a.id);
    await s.restoreArticle(a.id);
    const edited = { ...a, revision: 1, meta: { ...a.meta, title: 'Second' } };
    await s.putArticle(edited);
    await s.deleteArticle(a.id);
    expect(await s.restoreArticle(a.id)).toMatchObject({ ok: true, summary: { title: 'Second' } });
    expect((await s.getArticle(a.id))?.meta.title).toBe('Second');
  });

  it('refuses, changing nothing, when the quarantined copy is gone', async () => {
    const s = await open();
    await s.putArticle(makeArticle('article-0004'));
    await s.deleteArticle('article-0004');
    for (const name of quarantine()) rmSync(path.join(tmp.dir, 'quarantine', name));
    const outcome = await s.restoreArticle('article-0004');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.message).toMatch(/There is no deleted copy of article article-0004 in the quarantine folder/);
    expect(s.listArticles()).toEqual([]);
    expect(readdirSync(path.join(tmp.dir, 'articles'))).toEqual([]);
  });

  it('refuses, changing nothing, when the quarantined copy is damaged', async () => {
    const s = await open();
    await s.putArticle(makeArticle('article-0005'));
    await s.deleteArticle('article-0005');
    const [name] = quarantine();
    writeFileSync(path.join(tmp.dir, 'quarantine', name!), '{"schemaVersion":4,"article":');
    const outcome = await s.restoreArticle('article-0005');
    expect(outcome).toEqual({ ok: false, message: 'The deleted copy of article article-0005 in the quarantine folder cannot be read (it is not valid JSON); nothing was restored.' });
    expect(s.listArticles()).toEqual([]);
    expect(quarantine()).toEqual([name]);
  });

  it('refuses a quarantined file that holds another article', async () => {
    const s = await open();
    await s.putArticle(makeArticle('article-0006'));
    await s.deleteArticle('article-0006');
    const [name] = quarantine();
    const file = path.join(tmp.dir, 'quarantine', name!);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('article-0006', 'article-0007'));
    const outcome = await s.restoreArticle('article-0006');
    expect(outcome.ok === false && outcome.message).toMatch(/holds a different article \(article-0007\)/);
    expect(s.listArticles()).toEqual([]);
  });

  it('a never-deleted id has nothing to restore', async () => {
    const s = await open();
    expect((await s.restoreArticle('article-0099')).ok).toBe(false);
  });

  it('concurrent delete and restore of one article run one after the other, never half each', async () => {
    const s = await open();
    for (let i = 0; i < 20; i++) await s.putArticle(makeArticle(`article-1${String(i).padStart(3, '0')}`));
    const ids = s.listArticles().map((a) => a.id);
    // All deletes and all restores started at once: each article's queue orders its own two.
    const [deleted, restored] = await Promise.all([Promise.all(ids.map((id) => s.deleteArticle(id))), Promise.all(ids.map((id) => s.restoreArticle(id)))]);
    expect(deleted.every(Boolean)).toBe(true);
    expect(restored.every((r) => r.ok)).toBe(true);
    expect(s.listArticles().map((a) => a.id).sort()).toEqual([...ids].sort());
    await s.flush();
    expect(indexIds()).toEqual([...ids].sort());
    expect(readdirSync(path.join(tmp.dir, 'articles')).filter((n) => n.endsWith('.json'))).toHaveLength(20);

    // The other order: a restore queued before its delete finds the article present and refuses.
    const [restoredFirst, deletedAfter] = await Promise.all([s.restoreArticle(ids[0]!), s.deleteArticle(ids[0]!)]);
    expect(restoredFirst.ok).toBe(false);
    expect(deletedAfter).toBe(true);
    expect(s.listArticles()).toHaveLength(19);
  });
});

describe('search texts', () => {
  it('are built from the files after open, replaced by saves and dropped by deletes', async () => {
    let s = await open();
    await s.putArticle(makeArticle('article-0010', 'Água in São Paulo', 'The reservoir at Cantareira was low.'));
    s.close();
    s = store = await openStore(tmp.dir, { app: 'test' });
    await s.searchReady();
    expect(s.searchCorpus().find(['cantareira'])).toEqual(['article-0010']);
    const a = (await s.getArticle('article-0010'))!;
    await s.putArticle({ ...a, revision: 1, doc: makeArticle(a.id, a.meta.title, 'Rain refilled the Guarapiranga dam.').doc });
    expect(s.searchCorpus().find(['guarapiranga'])).toEqual(['article-0010']);
    expect(s.searchCorpus().find(['cantareira'])).toEqual([]);
    await s.deleteArticle('article-0010');
    expect(s.searchCorpus().has('article-0010')).toBe(false);
  });

  it('skip an article file that cannot be read, without failing the rest', async () => {
    let s = await open();
    await s.putArticle(makeArticle('article-0011', 'Good'));
    await s.putArticle(makeArticle('article-0012', 'Broken later'));
    s.close();
    writeFileSync(path.join(tmp.dir, 'articles', 'article-0012.json'), 'not json');
    s = store = await openStore(tmp.dir, { app: 'test' });
    await s.searchReady();
    expect(s.searchCorpus().has('article-0011')).toBe(true);
  });
});
