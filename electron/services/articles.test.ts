import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../backend';
import { tempDir } from '../testing';
import { samplePath } from '../paths';
import { CURRENT_SCHEMA_VERSION } from '../store/migrations';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend;

beforeEach(async () => {
  tmp = tempDir();
  backend = await openBackend(tmp.dir, 'test');
});
afterEach(() => {
  backend.store.close();
  tmp.cleanup();
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const files = () => readdirSync(path.join(tmp.dir, 'articles')).sort();
const call = (method: string, payload: unknown) => backend.dispatch(method, payload);

async function importSample() {
  const res = await call('importFile', { fileName: 'tartous-ambush.txt', dataBase64: b64(readFileSync(samplePath)) });
  if (!res.ok) throw new Error(res.error.message);
  return res.value as { article: { id: string; title: string }; removed: { text: string; reason: string }[] };
}

describe('import', () => {
  it('imports the sample: title from the headline, furniture removed and reported', async () => {
    const { article, removed } = await importSample();
    expect(article.title).toBe('14 are killed by Assad supporters in a conflict with Syria’s new government');
    expect(removed.map((r) => r.text).join('\n')).toContain('SHARE NOW');
    const stored = JSON.parse(readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8'));
    expect(JSON.stringify(stored.article.doc)).not.toContain('Leave a Reply');
    expect(stored.article.origin).toEqual({ kind: 'file', fileName: 'tartous-ambush.txt' });
  });

  it('stores the publisher named by a header line of a text file', async () => {
    const text = 'Ambush near Tartous\nBy Jane Doe | Reuters | 3 March 2025\n\nTen more troops were injured in the clashes near the port of Tartous.';
    const res = await call('importFile', { fileName: 'ambush.txt', dataBase64: b64(text) });
    if (!res.ok) throw new Error(res.error.message);
    const { article } = res.value as { article: { id: string } };
    const got = await call('getArticle', { id: article.id });
    expect(got.ok && (got.value as { meta: unknown }).meta).toEqual({
      title: 'Ambush near Tartous',
      publisher: 'Reuters',
      byline: 'Jane Doe',
      publishedAt: '2025-03-03',
      modifiedAt: '',
      url: '',
      language: '',
    });
  });

  it('stores the modified date an "Updated:" line gives', async () => {
    const text = 'Curfew in Homs\nBy Jane Doe\nUpdated: 4 March 2025\n\nThe interior ministry said a curfew would start at eight in the evening in Homs.';
    const res = await call('importFile', { fileName: 'curfew.txt', dataBase64: b64(text) });
    if (!res.ok) throw new Error(res.error.message);
    const got = await call('getArticle', { id: (res.value as { article: { id: string } }).article.id });
    expect(got.ok && (got.value as { meta: unknown }).meta).toMatchObject({ byline: 'Jane Doe', modifiedAt: '2025-03-04' });
  });

  it('the first-run sample is imported once and then no longer offered', async () => {
    const res = await call('importSample', {});
    expect(res.ok).toBe(true);
    const desk = await call('getDesk', {});
    expect(desk.ok && (desk.value as { desk: { sampleHandled: boolean } }).desk.sampleHandled).toBe(true);
  });

  it.each([
    ['empty.txt', Buffer.alloc(0), 'bad_file', /is empty/],
    ['photo.txt', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'bad_file', /not a text file: it looks like a PNG image/],
    ['latin1.txt', Buffer.from('Caf\xe9 in Tartous\n\nMore text.', 'latin1'), 'bad_file', /not UTF-8/],
    ['big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'too_large', /imports text files up to 5\.0 MB/],
    ['notes.docx', Buffer.from('PK\x03\x04rest', 'latin1'), 'bad_file', /.+/],
  ])('refuses %s with a clear message and writes nothing', async (fileName, bytes, code, message) => {
    await importSample();
    const before = files();
    const res = await call('importFile', { fileName, dataBase64: b64(bytes) });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe(code);
      expect(res.error.message).toMatch(message);
    }
    expect(files()).toEqual(before);
    expect(backend.store.listArticles()).toHaveLength(1);
  });

  it('refuses malformed base64 and empty pasted text', async () => {
    const bad = await call('importFile', { fileName: 'a.txt', dataBase64: '!!!not base64' });
    expect(!bad.ok && bad.error.code).toBe('invalid_request');
    const empty = await call('importText', { text: '   \n\n  ' });
    expect(!empty.ok && empty.error.message).toMatch(/empty/);
    expect(files()).toEqual([]);
  });
});

describe('Word files', () => {
  const docx = (name: string) => b64(readFileSync(path.join('data', 'fixtures', 'docx', name)));

  it('imports a .docx: metadata from its top paragraphs (not the file\'s created date), notes kept, unsafe link dropped', async () => {
    const res = await call('importFile', { fileName: 'ambush-report.docx', dataBase64: docx('ambush-report.docx') });
    if (!res.ok) throw new Error(res.error.message);
    const { article, removed } = res.value as { article: { id: string }; removed: { text: string; reason: string }[] };
    const stored = JSON.parse(readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8'));
    expect(stored.article.meta).toMatchObject({ title: 'Ambush near Tartous kills 14 troops', byline: 'Jane Doe and John Roe', publisher: 'Reuters', publishedAt: '2025-03-03' });
    const body = JSON.stringify(stored.article.doc);
    expect(body).toContain('Translated from Arabic by the desk.');
    expect(body).not.toMatch(/javascript:|2019-06-01/);
    expect(removed).toContainEqual({ text: 'By Jane Doe and John Roe', reason: 'moved to metadata (byline)' });
  });

  it.each([
    ['password.docx', /password-protected/],
    ['truncated.docx', /damaged/],
    ['photo.docx', /PNG/],
    ['no-text.docx', /has no text to import/],
    ['curfew-homs.doc', /old Word|\.doc\b/i],
  ])('refuses %s with a clear message and writes nothing', async (name, message) => {
    await importSample();
    const before = files();
    const res = await call('importFile', { fileName: name, dataBase64: docx(name) });
    expect(!res.ok && res.error.message).toMatch(message);
    expect(files()).toEqual(before);
  });
});

describe('saved pages and rich paste', () => {
  const page = (name: string) => b64(readFileSync(path.join('data', 'pages', name, 'source.html')));

  it('imports a saved page: metadata filled, captions kept, furniture listed', async () => {
    const res = await call('importFile', { fileName: 'bbc.html', dataBase64: page('aeb-bbc-c7e39ac4') });
    if (!res.ok) throw new Error(res.error.message);
    const { article, removed } = res.value as { article: { id: string }; removed: { text: string; reason: string }[] };
    expect(removed).toContainEqual({ text: 'Image copyright EPA', reason: 'image credit' });
    const stored = JSON.parse(readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8'));
    expect(stored.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(stored.article.meta).toEqual({
      title: 'Sweden drops Assange rape investigation',
      publisher: 'BBC News',
      byline: '',
      publishedAt: '2019-11-19',
      modifiedAt: '2019-11-19',
      url: 'https://www.bbc.com/news/world-europe-50473792',
      language: 'en',
    });
    expect(stored.article.doc.content.some((n: { type: string }) => n.type === 'caption')).toBe(true);
    expect(stored.article.origin).toEqual({ kind: 'file', fileName: 'bbc.html' });
  });

  it.each([
    ['login.html', '<html><body><form><input name="user"><input type="password"></form><p>Sign in</p></body></html>', /has no article in it/],
    ['empty.html', '', /is empty/],
    ['photo.html', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /not a web page: it looks like a PNG image/],
    ['big.htm', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), /imports pages up to 5\.0 MB/],
    ['klingon.html', '<meta charset="x-klingon"><p>Qapla</p>', /cannot read/],
  ])('refuses %s with a clear message and writes nothing', async (fileName, bytes, message) => {
    await importSample();
    const before = files();
    const res = await call('importFile', { fileName, dataBase64: b64(bytes) });
    expect(!res.ok && res.error.message).toMatch(message);
    expect(files()).toEqual(before);
    expect(backend.store.listArticles()).toHaveLength(1);
  });

  it('rich paste keeps headings, quotes, lists, links and emphasis, and drops scripts', async () => {
    const html = '<h1>Port ambush</h1><p>The <em>interior</em> ministry <strong>said</strong> <a href="https://example.org/s">this</a>.</p><h2>Witnesses</h2><blockquote><p>We heard shots.</p></blockquote><ol><li>one</li></ol><script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(1)">';
    const res = await call('importText', { text: 'Port ambush\n\nThe interior ministry said this.', html });
    if (!res.ok) throw new Error(res.error.message);
    const id = (res.value as { article: { id: string; title: string } }).article.id;
    const doc = JSON.parse(readFileSync(path.join(tmp.dir, 'articles', `${id}.json`), 'utf8')).article.doc;
    expect(doc.content.map((n: { type: string }) => n.type)).toEqual(['title', 'paragraph', 'heading', 'blockquote', 'ordered_list']);
    const json = JSON.stringify(doc);
    expect(json).toContain('"type":"em"');
    expect(json).toContain('"href":"https://example.org/s"');
    expect(json).not.toMatch(/alert|evil\.example|script/);
  });

  it('plain paste without html works as before; oversized html is refused by the contract', async () => {
    const plain = await call('importText', { text: 'Headline\n\nBody text here.' });
    expect(plain.ok).toBe(true);
    const big = await call('importText', { text: 'x', html: 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(!big.ok && big.error.code).toBe('invalid_request');
  });
});

describe('saving', () => {
  it('saves a document, bumps the revision and derives the title from the text', async () => {
    const { article } = await importSample();
    const got = await call('getArticle', { id: article.id });
    if (!got.ok) throw new Error('no article');
    const record = got.value as { doc: { content: { type: string; content?: { text: string }[] }[] }; revision: number };
    const doc = structuredClone(record.doc);
    doc.content[0]!.content = [{ text: 'A new headline', type: 'text' } as never];
    const saved = await call('saveArticle', { id: article.id, doc, claims: [], baseRevision: 0 });
    expect(saved).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(backend.store.listArticles()[0]?.title).toBe('A new headline');
    const stale = await call('saveArticle', { id: article.id, doc, claims: [], baseRevision: 0 });
    expect(!stale.ok && stale.error.code).toBe('conflict');
  });

  it('refuses documents that do not fit the article schema, and unsafe links, changing nothing', async () => {
    const { article } = await importSample();
    const before = readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8');
    const noTitle = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] };
    const script = {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: 'T' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      ],
    };
    const unknownNode = { type: 'doc', content: [{ type: 'title' }, { type: 'iframe' }] };
    for (const doc of [noTitle, script, unknownNode]) {
      const res = await call('saveArticle', { id: article.id, doc, claims: [], baseRevision: 0 });
      expect(res.ok).toBe(false);
    }
    expect(readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8')).toBe(before);
  });

  it('validates metadata: http(s) URLs and ISO dates only', async () => {
    const { article } = await importSample();
    const bad = await call('updateMeta', { id: article.id, meta: { url: 'javascript:alert(1)' }, baseRevision: 0 });
    expect(!bad.ok && bad.error.issues?.[0]).toMatchObject({ path: 'meta.url' });
    const badDate = await call('updateMeta', { id: article.id, meta: { publishedAt: '26/12/2024' }, baseRevision: 0 });
    expect(badDate.ok).toBe(false);
    const good = await call('updateMeta', { id: article.id, meta: { url: 'https://example.org/a', publisher: 'Example', publishedAt: '2024-12-26' }, baseRevision: 0 });
    expect(good).toMatchObject({ ok: true, value: { revision: 1, article: { publisher: 'Example', publishedAt: '2024-12-26' } } });
  });

  it('an article that does not exist is not_found', async () => {
    const res = await call('saveArticle', { id: 'does-not-exist', doc: { type: 'doc' }, claims: [], baseRevision: 0 });
    expect(!res.ok && res.error.code).toBe('not_found');
  });
});
