/**
 * Documents that used to get in and then break: an attribute the editor cannot draw (a link title that
 * is an object made every later open fail in `setAttribute`) and nesting deep enough to overflow the
 * stack in zod or ProseMirror. Each front door (saveArticle, a review bundle, a JSON import, HTTP) is
 * driven through the real dispatch on a real store, and each refusal must change nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { DOMSerializer } from 'prosemirror-model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/doc/schema';
import { MAX_JSON_DEPTH } from '../../shared/limits';
import { annotatedSample } from '../../shared/report/testing';
import type { ArticleRecord } from '../../shared/schema/article';
import type { DocMarkJson, DocNodeJson } from '../../shared/schema/doc';
import { openBackend, type Backend } from '../backend';
import { startBrowserServer } from '../server';
import { dispatchOk, tempDir } from '../testing';

const ID = 'sample-article-1';
let tmp: ReturnType<typeof tempDir>;
let ana: Backend;
let ben: Backend;

beforeEach(async () => {
  tmp = tempDir();
  ana = await openBackend(path.join(tmp.dir, 'ana'), 'test');
  ben = await openBackend(path.join(tmp.dir, 'ben'), 'test');
  await ok(ana, 'updateSettings', { settings: { reviewerName: 'Ana' } });
  const article = annotatedSample();
  await ana.store.putArticle(article);
});
afterEach(() => {
  ana.store.close();
  ben.store.close();
  tmp.cleanup();
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const articleFile = () => readFileSync(path.join(tmp.dir, 'ana', 'articles', `${ID}.json`), 'utf8');
const articlesOf = (who: string) => (existsSync(path.join(tmp.dir, who, 'articles')) ? readdirSync(path.join(tmp.dir, who, 'articles')) : []);

const ok = <T>(b: Backend, method: string, payload: unknown) => dispatchOk<T>(b.dispatch, method, payload);

async function refusal(b: Backend, method: string, payload: unknown): Promise<{ code: string; message: string }> {
  const res = await b.dispatch(method, payload);
  if (res.ok) throw new Error(`${method} was accepted`);
  return res.error;
}

/** The document with `mark` on every text node of its first paragraph: the plain text stays the same. */
function withMark(doc: DocNodeJson, mark: DocMarkJson): DocNodeJson {
  const content = [...(doc.content ?? [])];
  const i = content.findIndex((n) => n.type === 'paragraph');
  const para = content[i]!;
  content[i] = { ...para, content: para.content?.map((t) => (t.type === 'text' ? { ...t, marks: [...(t.marks ?? []), mark] } : t)) };
  return { ...doc, content };
}
const objectTitle: DocMarkJson = { type: 'link', attrs: { href: 'https://example.org/', title: { toString: 'x' } } };

/** JSON text of a doc whose second block is `levels` block quotes deep, built as text (JSON.stringify recurses). */
function deepDocJson(levels: number): string {
  const nest = `${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph","content":[{"type":"text","text":"deep"}]}${']}'.repeat(levels)}`;
  return `{"type":"doc","content":[{"type":"title","content":[{"type":"text","text":"Deep"}]},${nest}]}`;
}

/** An export's JSON text with its article's document replaced by raw JSON text. */
function withDocJson(exported: string, docJson: string): string {
  const json = JSON.parse(exported) as { article: { doc: unknown } };
  json.article.doc = '__DOC__';
  return JSON.stringify(json).replace('"__DOC__"', docJson);
}

/** What the editor does when it opens an article: build the ProseMirror node and draw it. */
function drawn(doc: DocNodeJson): string {
  const { document } = new JSDOM('').window;
  const node = articleSchema.nodeFromJSON(doc);
  const div = document.createElement('div');
  div.appendChild(DOMSerializer.fromSchema(articleSchema).serializeFragment(node.content, { document }));
  return div.innerHTML;
}

const bundleOf = async (b: Backend) => (await ok<{ content: string }>(b, 'exportBundle', { id: ID })).content;
const jsonExportOf = async (b: Backend) => (await ok<{ content: string }>(b, 'exportArticle', { id: ID, format: 'json' })).content;

describe('an attribute the editor cannot draw', () => {
  it('saveArticle refuses a link whose title is an object; the stored article is unchanged and still opens', async () => {
    const before = articleFile();
    const article = await ok<ArticleRecord>(ana, 'getArticle', { id: ID });
    const error = await refusal(ana, 'saveArticle', { id: ID, doc: withMark(article.doc, objectTitle), claims: article.claims, baseRevision: article.revision });
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^Invalid saveArticle request: doc\.content\.\d+\.content\.0\.marks\.0\.attrs\.title: A link title is text of at most 1000 characters, or null\.$/);
    expect(articleFile()).toBe(before);
    const reopened = await ok<ArticleRecord>(ana, 'getArticle', { id: ID });
    expect(reopened).toEqual(article);
    expect(drawn(reopened.doc)).toContain('<h1 class="article-title">');
  });

  it('opening a review bundle with such a link refuses it and adds nothing', async () => {
    const json = JSON.parse(await bundleOf(ana)) as { article: ArticleRecord };
    json.article.doc = withMark(json.article.doc, objectTitle);
    const error = await refusal(ben, 'openBundle', { fileName: 'review.claimdesk-review', dataBase64: b64(JSON.stringify(json)) });
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/^“review\.claimdesk-review”: This file is not a Claimdesk review bundle\. article\.doc\.content\.\d+\.content\.0\.marks\.0\.attrs\.title: A link title is text/);
    expect(articlesOf('ben')).toEqual([]);
    expect(ben.store.listArticles()).toEqual([]);
  });

  it('importing a full JSON export with such a link refuses it and adds nothing', async () => {
    const json = JSON.parse(await jsonExportOf(ana)) as { article: ArticleRecord };
    json.article.doc = withMark(json.article.doc, objectTitle);
    const error = await refusal(ben, 'importFile', { fileName: 'article.claimdesk.json', dataBase64: b64(JSON.stringify(json)) });
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/^“article\.claimdesk\.json”: This article export is damaged or incomplete: article\.doc\.content\.\d+\.content\.0\.marks\.0\.attrs\.title: A link title is text/);
    expect(articlesOf('ben')).toEqual([]);
  });

  it.each<[string, (doc: DocNodeJson) => DocNodeJson, RegExp]>([
    ['a javascript: href', (d) => withMark(d, { type: 'link', attrs: { href: 'javascript:alert(1)' } }), /marks\.0\.attrs\.href: A link points to an http\(s\) or mailto: address/],
    ['an href of 3,000 characters', (d) => withMark(d, { type: 'link', attrs: { href: `https://example.org/${'a'.repeat(3000)}` } }), /attrs\.href: A link points to .* at most 2048 characters/],
    ['a link title of 5,000 characters', (d) => withMark(d, { type: 'link', attrs: { href: 'https://example.org/', title: 't'.repeat(5000) } }), /attrs\.title: A link title is text of at most 1000/],
    ['an unknown link attribute', (d) => withMark(d, { type: 'link', attrs: { href: 'https://example.org/', onclick: 'alert(1)' } }), /marks\.0\.attrs: The link mark has no attribute “onclick”/],
    ['heading level 7', (d) => ({ ...d, content: [...d.content!, { type: 'heading', attrs: { level: 7 }, content: [{ type: 'text', text: 'H' }] }] }), /attrs\.level: A heading level is a whole number from 2 to 6/],
    ['a list starting at -1', (d) => ({ ...d, content: [...d.content!, { type: 'ordered_list', attrs: { order: -1 }, content: [{ type: 'list_item', content: [{ type: 'paragraph' }] }] }] }), /attrs\.order: A numbered list starts at a whole number/],
    ['an attribute on a paragraph', (d) => ({ ...d, content: d.content!.map((n) => (n.type === 'paragraph' ? { ...n, attrs: { style: 'x' } } : n)) }), /attrs: The paragraph node has no attribute “style”/],
  ])('saveArticle refuses %s, naming the attribute, and changes nothing', async (_name, spoil, message) => {
    const before = articleFile();
    const article = await ok<ArticleRecord>(ana, 'getArticle', { id: ID });
    const error = await refusal(ana, 'saveArticle', { id: ID, doc: spoil(article.doc), claims: article.claims, baseRevision: article.revision });
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(message);
    expect(articleFile()).toBe(before);
  });
});

describe('a document nested too deeply to check', () => {
  const tooDeep = new RegExp(`it is nested more than ${MAX_JSON_DEPTH} levels deep \\(Claimdesk reads at most ${MAX_JSON_DEPTH}\\)`);

  it.each([1_000, 100_000])('saveArticle refuses a doc %i levels deep with a clear message, changing nothing', async (levels) => {
    const before = articleFile();
    const payload: unknown = JSON.parse(`{"id":"${ID}","baseRevision":0,"claims":[],"doc":${deepDocJson(levels)}}`);
    const error = await refusal(ana, 'saveArticle', payload);
    expect(error).toEqual({ code: 'invalid_request', message: expect.stringMatching(tooDeep) });
    expect(error.message).toMatch(/^Invalid saveArticle request: /);
    expect(articleFile()).toBe(before);
  });

  it.each([1_000, 100_000])('opening a review bundle %i levels deep refuses it and adds nothing', async (levels) => {
    const content = withDocJson(await bundleOf(ana), deepDocJson(levels));
    const error = await refusal(ben, 'openBundle', { fileName: 'deep.claimdesk-review', dataBase64: b64(content) });
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/^“deep\.claimdesk-review”: This file is not a Claimdesk review bundle\. It is nested more than/);
    expect(articlesOf('ben')).toEqual([]);
    expect(ben.store.desk().sources).toEqual([]);
  });

  it.each([1_000, 100_000])('importing a JSON export %i levels deep refuses it and adds nothing', async (levels) => {
    const content = withDocJson(await jsonExportOf(ana), deepDocJson(levels));
    const error = await refusal(ben, 'importFile', { fileName: 'deep.claimdesk.json', dataBase64: b64(content) });
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/^“deep\.claimdesk\.json”: This file is not a Claimdesk article export\. It is nested more than/);
    expect(articlesOf('ben')).toEqual([]);
  });

  it('every method checks depth before its schema, even one that takes no fields', async () => {
    const deep: unknown = JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    for (const method of ['getDesk', 'updateSettings', 'getArticle', 'resolveConflict']) {
      expect(await refusal(ana, method, deep)).toEqual({ code: 'invalid_request', message: expect.stringMatching(tooDeep) });
    }
  });

  it('a real article sits far inside the limit', async () => {
    const nested = `{"type":"blockquote","content":[{"type":"bullet_list","content":[{"type":"list_item","content":[{"type":"paragraph","content":[{"type":"text","text":"item"}]},{"type":"ordered_list","content":[{"type":"list_item","content":[{"type":"paragraph","content":[{"type":"text","text":"sub","marks":[{"type":"link","attrs":{"href":"https://example.org/","title":null}}]}]}]}]}]}]}]}`;
    const article = await ok<ArticleRecord>(ana, 'getArticle', { id: ID });
    const doc = JSON.parse(JSON.stringify(article.doc).replace(/\]\}$/, `,${nested}]}`)) as DocNodeJson;
    await ok(ana, 'saveArticle', { id: ID, doc, claims: article.claims, baseRevision: article.revision });
    expect((await ok<ArticleRecord>(ana, 'getArticle', { id: ID })).doc).toEqual(doc);
  });

  it('over HTTP (browser mode) a 100,000-level save is a 400 with the same message, not a 500', async () => {
    const staticDir = path.join(tmp.dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Claimdesk</title>');
    const token = 'docchecks-test-token-0123456789abcdef';
    const server = await startBrowserServer({ dispatch: ana.dispatch, staticDir, port: 0, token });
    try {
      const before = articleFile();
      const body = `{"id":"${ID}","baseRevision":0,"claims":[],"doc":${deepDocJson(100_000)}}`;
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, path: '/api/saveArticle', method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(tooDeep) } });
      expect(articleFile()).toBe(before);
    } finally {
      await server.close();
    }
  });
});
