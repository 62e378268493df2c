import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../backend';
import { dispatchOk, makeArticle, tempDir } from '../testing';
import type { Response } from '../../shared/api';
import { fromColumns } from '../../shared/library/columns';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend;

beforeEach(async () => {
  tmp = tempDir();
  backend = await openBackend(tmp.dir, 'test');
  const put = (id: string, title: string, body: string, meta: Partial<{ publisher: string; byline: string }> = {}) => {
    const a = makeArticle(id, title, body);
    return backend.store.putArticle({ ...a, meta: { ...a.meta, ...meta } });
  };
  await put('article-0001', 'Ceasefire holds in Idlib', 'Monitors in Ma’arrat al-Nu’man said the truce held overnight.', { publisher: 'Enab Baladi', byline: 'Zeynep Çelik' });
  await put('article-0002', 'Curfew in Homs', 'Witnesses said the curfew began at dusk in Homs.', { publisher: 'Reuters' });
  await put('article-0003', 'Flooding in Dér ez-Zor', 'The river rose overnight and flooded fields.', { publisher: 'AFP' });
});
afterEach(() => {
  backend.store.close();
  tmp.cleanup();
});

const search = (query: string) => dispatchOk<Response<'searchArticles'>>(backend.dispatch, 'searchArticles', { query });
const ids = (r: Response<'searchArticles'>) => [...r.ids].sort();

describe('searchArticles', () => {
  it('finds a word only in the text, with a snippet around it', async () => {
    const r = await search('truce');
    expect(ids(r)).toEqual(['article-0001']);
    const snippet = r.snippets['article-0001']!;
    expect(snippet.segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['truce']);
    expect(snippet.segments.map((s) => s.text).join('')).toContain('said the truce held overnight');
  });
  it('searches title, publisher and byline, ignoring case and accents; no snippet when the title has the words', async () => {
    expect(ids(await search('celik'))).toEqual(['article-0001']);
    expect(ids(await search('REUTERS'))).toEqual(['article-0002']);
    expect(ids(await search('der ez'))).toEqual(['article-0003']);
    expect((await search('homs')).snippets).toEqual({});
    expect(ids(await search('overnight'))).toEqual(['article-0001', 'article-0003']);
    expect(ids(await search('overnight flooded'))).toEqual(['article-0003']);
  });
  it('an empty query or one with nothing found gives no hits', async () => {
    expect((await search('  ')).ids).toEqual([]);
    expect((await search('aleppo')).ids).toEqual([]);
  });
  it('never finds a deleted article, finds it again once restored, and sees saves at once', async () => {
    await dispatchOk(backend.dispatch, 'deleteArticles', { ids: ['article-0002'] });
    expect((await search('curfew')).ids).toEqual([]);
    await dispatchOk(backend.dispatch, 'restoreArticles', { ids: ['article-0002'] });
    expect(ids(await search('curfew'))).toEqual(['article-0002']);
    const a = (await backend.store.getArticle('article-0003'))!;
    await backend.store.putArticle({ ...a, revision: 1, doc: makeArticle(a.id, a.meta.title, 'Sandbags held the levee.').doc });
    expect(ids(await search('levee'))).toEqual(['article-0003']);
    expect(ids(await search('flooded'))).toEqual([]);
  });
  it('refuses an overlong query', async () => {
    const res = await backend.dispatch('searchArticles', { query: 'x'.repeat(201) });
    expect(res.ok).toBe(false);
  });
});

describe('listLibrary', () => {
  it('lists the same summaries as listArticles, column by column', async () => {
    const cols = await dispatchOk<Response<'listLibrary'>>(backend.dispatch, 'listLibrary', {});
    const list = await dispatchOk<Response<'listArticles'>>(backend.dispatch, 'listArticles', {});
    expect(fromColumns(cols)).toEqual(list.articles);
  });
});

describe('deleteArticles and restoreArticles', () => {
  it('deletes several and restores them; a second restore says why not', async () => {
    const del = await dispatchOk<Response<'deleteArticles'>>(backend.dispatch, 'deleteArticles', { ids: ['article-0001', 'article-0002', 'article-0099'] });
    expect(del).toEqual({ deleted: ['article-0001', 'article-0002'], missing: ['article-0099'] });
    expect(backend.store.listArticles().map((a) => a.id)).toEqual(['article-0003']);
    const back = await dispatchOk<Response<'restoreArticles'>>(backend.dispatch, 'restoreArticles', { ids: ['article-0001', 'article-0002'] });
    expect(back.restored.map((a) => a.title).sort()).toEqual(['Ceasefire holds in Idlib', 'Curfew in Homs']);
    expect(back.failed).toEqual([]);
    const again = await dispatchOk<Response<'restoreArticles'>>(backend.dispatch, 'restoreArticles', { ids: ['article-0001'] });
    expect(again.restored).toEqual([]);
    expect(again.failed[0]?.message).toMatch(/is in the library again/);
  });
  it('refuses an empty or malformed list', async () => {
    expect((await backend.dispatch('deleteArticles', { ids: [] })).ok).toBe(false);
    expect((await backend.dispatch('restoreArticles', { ids: ['../etc'] })).ok).toBe(false);
    expect(backend.store.listArticles()).toHaveLength(3);
  });
});

describe('exportArticles', () => {
  it('zips one real report per article', async () => {
    const r = await dispatchOk<Response<'exportArticles'>>(backend.dispatch, 'exportArticles', { ids: ['article-0001', 'article-0002'], format: 'html' });
    expect(r).toMatchObject({ fileName: 'claimdesk-2-articles-html.zip', mimeType: 'application/zip', encoding: 'base64' });
    const files = unzipSync(Buffer.from(r.content, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['ceasefire-holds-in-idlib.html', 'curfew-in-homs.html']);
    const html = strFromU8(files['curfew-in-homs.html']!);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Witnesses said the curfew began at dusk');
  });
  it('numbers two articles with the same headline instead of overwriting one', async () => {
    await backend.store.putArticle(makeArticle('article-0004', 'Curfew in Homs', 'Another report.'));
    const r = await dispatchOk<Response<'exportArticles'>>(backend.dispatch, 'exportArticles', { ids: ['article-0002', 'article-0004'], format: 'md' });
    expect(Object.keys(unzipSync(Buffer.from(r.content, 'base64'))).sort()).toEqual(['curfew-in-homs-2.md', 'curfew-in-homs.md']);
  });
  it('refuses a format it does not zip, an unknown article, an empty list; nothing is written', async () => {
    expect((await backend.dispatch('exportArticles', { ids: ['article-0001'], format: 'pdf' })).ok).toBe(false);
    expect((await backend.dispatch('exportArticles', { ids: [], format: 'html' })).ok).toBe(false);
    const missing = await backend.dispatch('exportArticles', { ids: ['article-0001', 'article-0098'], format: 'csv' });
    expect(missing.ok === false && missing.error.message).toMatch(/no article with id article-0098/);
  });
});
