/**
 * Two requests at once, against the real browser-mode server over HTTP on a real store: the revision
 * check, cold and warm caches, and the source directory must hold whatever the interleaving.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleSchema } from '../shared/doc/schema';
import { docPlainText } from '../shared/doc/plainText';
import type { Envelope } from '../shared/api';
import type { ArticleForEditing } from '../shared/schema/article';
import type { Claim, SourceKind } from '../shared/schema/claim';
import type { DocNodeJson } from '../shared/schema/doc';
import type { SourceEntry } from '../shared/schema/desk';
import { openBackend, type Backend } from './backend';
import { startBrowserServer, type BrowserServer } from './server';
import { makeClaim, tempDir } from './testing';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend | null = null;
let server: BrowserServer | null = null;
const dataDir = () => path.join(tmp.dir, 'data');
const TOKEN = randomBytes(32).toString('hex');

/** A fresh server process's state: a store opened anew, so no article is in its cache yet. */
async function start() {
  await stop();
  backend = await openBackend(dataDir(), 'test');
  server = await startBrowserServer({ dispatch: backend.dispatch, staticDir: tmp.dir, port: 0, token: TOKEN });
}
async function stop() {
  await server?.close();
  backend?.store.close();
  server = null;
  backend = null;
}

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await stop();
  tmp.cleanup();
});

function call(method: string, payload: unknown): Promise<{ status: number; envelope: Envelope }> {
  const port = server!.port;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, envelope: JSON.parse(body) as Envelope }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}
async function ok<T>(method: string, payload: unknown): Promise<T> {
  const { envelope } = await call(method, payload);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as T;
}

const paragraph = (text: string): DocNodeJson => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const docWith = (title: string, body: string): DocNodeJson => ({ type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: title }] }, paragraph(body)] });
const BODY = 'Reports indicate that ten troops were injured near Tartous on Tuesday, according to the Syrian Observatory.';

async function importArticle(title = 'Ambush near Tartous'): Promise<ArticleForEditing> {
  const { article } = await ok<{ article: { id: string } }>('importText', { text: `${title}\n\n${BODY}` });
  return ok<ArticleForEditing>('getArticle', { id: article.id });
}
const onDisk = (id: string) => JSON.parse(readFileSync(path.join(dataDir(), 'articles', `${id}.json`), 'utf8')).article as ArticleForEditing;
const textOf = (doc: DocNodeJson) => docPlainText(articleSchema.nodeFromJSON(doc));

function claimNaming(doc: DocNodeJson, words: string, id: string, sourceName: string, sourceKind: SourceKind = 'none'): Claim {
  const text = textOf(doc);
  const start = text.indexOf(words);
  const claim = makeClaim(text, start, start + words.length, id);
  return { ...claim, data: { ...claim.data, attribution: { ...claim.data.attribution, sourceName, sourceKind } } };
}

describe('saves based on one revision', () => {
  it('of N parallel saves with the same base on a cold cache, exactly one is accepted and the rest are told of the conflict', async () => {
    await start();
    await ok('updateSettings', { settings: { reviewerName: 'Ana' } });
    const article = await importArticle();
    for (let round = 0; round < 10; round++) {
      await start(); // cold: nothing has read the article in this server yet
      const base = onDisk(article.id).revision;
      const replies = await Promise.all(
        [...Array(6).keys()].map((n) => call('saveArticle', { id: article.id, baseRevision: base, doc: docWith(`Edit ${round}.${n}`, BODY), claims: [] })),
      );
      const accepted = replies.filter((r) => r.envelope.ok);
      expect(accepted).toHaveLength(1);
      for (const r of replies.filter((x) => !x.envelope.ok)) {
        expect(r.status).toBe(409);
        expect(!r.envelope.ok && r.envelope.error.message).toMatch(/changed elsewhere/);
      }
      const winner = replies.indexOf(accepted[0]!);
      const stored = onDisk(article.id);
      expect(stored.revision).toBe(base + 1);
      expect(stored.meta.title).toBe(`Edit ${round}.${winner}`);
    }
  });

  it('a read just after a save on a cold article never puts the older text back', async () => {
    await start();
    const article = await importArticle();
    for (let round = 0; round < 12; round++) {
      await start();
      const base = onDisk(article.id).revision;
      const saving = call('saveArticle', { id: article.id, baseRevision: base, doc: docWith(`Saved ${round}`, BODY), claims: [] });
      await new Promise((r) => setTimeout(r, round % 4));
      const [saved] = await Promise.all([saving, call('getArticle', { id: article.id }), call('getReviewState', { id: article.id })]);
      expect(saved.envelope.ok).toBe(true);
      // The saver's next save, based on what it was told, is accepted; one based on the old revision is not.
      const stale = await call('saveArticle', { id: article.id, baseRevision: base, doc: docWith('Stale', BODY), claims: [] });
      expect(stale.status).toBe(409);
      const next = await call('saveArticle', { id: article.id, baseRevision: base + 1, doc: docWith(`Saved ${round} again`, BODY), claims: [] });
      expect(next.envelope.ok).toBe(true);
      expect(onDisk(article.id).meta.title).toBe(`Saved ${round} again`);
      const read = await ok<ArticleForEditing>('getArticle', { id: article.id });
      expect(read.revision).toBe(base + 2);
    }
  });
});

describe('the source directory under parallel writes', () => {
  const sources = () => ok<{ desk: { sources: SourceEntry[] } }>('getDesk', {}).then((d) => d.desk.sources);

  it('a save that adds a source, a saveSource and a deleteSource at once: all three land', async () => {
    await start();
    await ok('updateSettings', { settings: { reviewerName: 'Ana' } });
    const article = await importArticle();
    for (let round = 0; round < 8; round++) {
      await ok('saveSource', { source: { id: `doomed-${round}`, name: `Doomed source ${round}`, aliases: [], kind: 'witness' } });
      await ok('saveSource', { source: { id: `edited-${round}`, name: `Edited source ${round}`, aliases: [], kind: 'witness' } });
      const base = onDisk(article.id).revision;
      const claim = claimNaming(article.doc, 'ten troops were injured', `claim-round-${round}`, `Saved source ${round}`);
      const replies = await Promise.all([
        call('saveArticle', { id: article.id, baseRevision: base, doc: article.doc, claims: [claim] }),
        call('saveSource', { source: { id: `edited-${round}`, name: `Edited source ${round}`, aliases: [`Renamed ${round}`], kind: 'official' } }),
        call('deleteSource', { id: `doomed-${round}` }),
      ]);
      expect(replies.map((r) => r.envelope.ok)).toEqual([true, true, true]);
      const now = await sources();
      expect(now.find((s) => s.name === `Saved source ${round}`)).toBeDefined();
      expect(now.find((s) => s.id === `edited-${round}`)).toMatchObject({ kind: 'official', aliases: [`Renamed ${round}`] });
      expect(now.find((s) => s.id === `doomed-${round}`)).toBeUndefined();
      await start(); // and so they are on disk
      expect((await sources()).map((s) => s.id).sort()).toEqual(now.map((s) => s.id).sort());
    }
  });

  it('three articles saved at once each add their sources, and none is lost', async () => {
    await start();
    await ok('updateSettings', { settings: { reviewerName: 'Ana' } });
    const articles = [await importArticle('One'), await importArticle('Two'), await importArticle('Three')];
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        articles.map(async (a, i) => {
          const claim = claimNaming(a.doc, 'ten troops were injured', `claim-${i}`, `Source ${i}.${round}`);
          const reply = await call('saveArticle', { id: a.id, baseRevision: onDisk(a.id).revision, doc: a.doc, claims: [claim] });
          expect(reply.envelope.ok).toBe(true);
        }),
      );
    }
    const names = new Set((await sources()).map((s) => s.name));
    for (let round = 0; round < 10; round++) for (let i = 0; i < 3; i++) expect(names).toContain(`Source ${i}.${round}`);
  });

  it('a kind chosen after the source was named, in a later save, reaches the directory', async () => {
    await start();
    await ok('updateSettings', { settings: { reviewerName: 'Ana' } });
    const article = await importArticle();
    const named = claimNaming(article.doc, 'ten troops were injured', 'claim-kind', 'Syrian Observatory for Human Rights');
    await ok('saveArticle', { id: article.id, baseRevision: 0, doc: article.doc, claims: [named] });
    expect((await sources()).find((s) => s.name === 'Syrian Observatory for Human Rights')?.kind).toBe('none');
    const kinded = { ...named, data: { ...named.data, attribution: { ...named.data.attribution, sourceKind: 'ngo_monitor' as const } } };
    const saved = await ok<{ sources: SourceEntry[] }>('saveArticle', { id: article.id, baseRevision: 1, doc: article.doc, claims: [kinded] });
    expect(saved.sources.find((s) => s.name === 'Syrian Observatory for Human Rights')?.kind).toBe('ngo_monitor');
    // Saving again without a new choice changes nothing; another claim typing the name does not reset it.
    const other = claimNaming(article.doc, 'near Tartous', 'claim-other', 'syrian observatory for human rights');
    const again = await ok<{ sources: SourceEntry[] }>('saveArticle', { id: article.id, baseRevision: 2, doc: article.doc, claims: [kinded, other] });
    expect(again.sources.filter((s) => /observatory/i.test(s.name))).toEqual([expect.objectContaining({ kind: 'ngo_monitor' })]);
  });
});

describe('damaged article files, through the server', () => {
  const file = (id: string) => path.join(dataDir(), 'articles', `${id}.json`);

  it('a truncated file opened by the view (getArticle and getReviewState at once) is repaired once and both answer', async () => {
    await start();
    const article = await importArticle();
    await ok('saveArticle', { id: article.id, baseRevision: 0, doc: docWith('Second save', BODY), claims: [] });
    await stop();
    const text = readFileSync(file(article.id), 'utf8');
    writeFileSync(file(article.id), text.slice(0, 100));
    await start();
    const [got, review] = await Promise.all([call('getArticle', { id: article.id }), call('getReviewState', { id: article.id })]);
    expect([got.status, review.status]).toEqual([200, 200]);
    expect(got.envelope.ok && (got.envelope.value as ArticleForEditing).meta.title).toBe('Ambush near Tartous');
    const desk = await ok<{ notices: { message: string }[] }>('getDesk', {});
    expect(desk.notices.filter((n) => /was damaged/.test(n.message))).toHaveLength(1);
  });

  it('an article with no good copy left is listed as damaged, opening it says so, and it can be deleted', async () => {
    await start();
    const article = await importArticle();
    await ok('saveArticle', { id: article.id, baseRevision: 0, doc: docWith('Second save', BODY), claims: [] });
    await stop();
    writeFileSync(file(article.id), '');
    writeFileSync(`${file(article.id)}.bak`, '{');
    await start();
    const { articles } = await ok<{ articles: { id: string; damaged?: string }[] }>('listArticles', {});
    expect(articles[0]).toMatchObject({ id: article.id, damaged: expect.stringMatching(/cannot be read \(it is empty\)/) });
    const open = await call('getArticle', { id: article.id });
    expect(open.status).toBe(500);
    expect(!open.envelope.ok && open.envelope.error).toMatchObject({ code: 'store_error', message: expect.stringMatching(/cannot be opened\. Its file and backup cannot be read.*Remove it from the library/) });
    expect((await call('deleteArticle', { id: article.id })).envelope.ok).toBe(true);
    await start();
    expect((await ok<{ articles: unknown[] }>('listArticles', {})).articles).toEqual([]);
  });
});
