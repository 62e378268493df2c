import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api';
import { articleSchema } from '../../shared/doc/schema';
import { docPlainText } from '../../shared/doc/plainText';
import type { ArticleForEditing, ArticleRecord } from '../../shared/schema/article';
import type { ArticleVersion } from '../../shared/schema/version';
import { openBackend, type Backend } from '../backend';
import { dispatchOk, makeClaim, tempDir } from '../testing';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend;

beforeEach(async () => {
  tmp = tempDir();
  backend = await openBackend(tmp.dir, 'test');
  await ok('updateSettings', { settings: { reviewerName: 'Ana' } });
});
afterEach(() => {
  backend.store.close();
  tmp.cleanup();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const ok = <T>(method: string, payload: unknown) => dispatchOk<T>(backend.dispatch, method, payload);
const fileOf = (id: string) => readFileSync(path.join(tmp.dir, 'articles', `${id}.json`), 'utf8');
const textOf = (a: { doc: ArticleRecord['doc'] }) => docPlainText(articleSchema.nodeFromJSON(a.doc));

const HEAD = 'Ambush near Tartous\nBy Jane Doe | Reuters | 3 March 2025\nhttps://www.example.org/news/tartous-ambush?utm_source=feed\n\n';
const V1 =
  HEAD +
  'At least 14 people were killed in the ambush near the port of Tartous, state media said.\n\nThe interior ministry said ten troops were injured and that the attackers fled towards the hills.\n\nResidents described hours of gunfire in the old town before the army arrived.';
const V2 = V1.replace('At least 14 people', 'At least 17 people').replace(', state media said', '');
const V3 = V2.replace('\n\nResidents described hours of gunfire in the old town before the army arrived.', '');

async function importFile(fileName: string, text: string, target: { versionOf?: string; asNewArticle?: boolean } = {}) {
  return backend.dispatch('importFile', { fileName, dataBase64: b64(text), ...target });
}
async function imported(fileName: string, text: string, target: { versionOf?: string; asNewArticle?: boolean } = {}): Promise<ImportResult> {
  const res = await importFile(fileName, text, target);
  if (!res.ok) throw new Error(res.error.message);
  return res.value as ImportResult;
}

/** V1 imported, with claims on the figure, the ministry sentence and the residents' sentence. */
async function annotated(): Promise<string> {
  const first = await imported('ambush.txt', V1);
  if (first.outcome !== 'added') throw new Error(first.outcome);
  const id = first.article.id;
  const a = await ok<ArticleForEditing>('getArticle', { id });
  const text = textOf(a);
  const on = (words: string, claimId: string) => makeClaim(text, text.indexOf(words), text.indexOf(words) + words.length, claimId);
  await ok('saveArticle', {
    id,
    doc: a.doc,
    baseRevision: a.revision,
    claims: [
      on('At least 14 people were killed', 'claim-figure'),
      on('ten troops were injured', 'claim-troops'),
      on('Residents described hours of gunfire', 'claim-residents'),
    ],
  });
  return id;
}

describe('import as a new version', () => {
  it('an identical re-import says so and changes nothing (revision and file bytes)', async () => {
    const id = await annotated();
    const before = fileOf(id);
    const revision = (await backend.store.getArticle(id))!.revision;
    const again = await imported('ambush-again.txt', V1, { versionOf: id });
    expect(again).toMatchObject({ outcome: 'identical', message: 'This is the same text as version 1 of “Ambush near Tartous”; nothing changed.' });
    expect(fileOf(id)).toBe(before);
    expect((await backend.store.getArticle(id))!.revision).toBe(revision);

    // The desk corrected its copy since: the publisher's same text again still changes nothing.
    const a = await ok<ArticleForEditing>('getArticle', { id });
    const doc = JSON.parse(JSON.stringify(a.doc).replace('before the army arrived', 'before the army arrived there'));
    await ok('saveArticle', { id, doc, claims: a.claims, baseRevision: a.revision });
    const edited = fileOf(id);
    expect(await imported('ambush-again.txt', V1, { versionOf: id })).toMatchObject({ outcome: 'identical', message: expect.stringContaining('nothing changed (the desk’s own corrections since are kept).') });
    expect(fileOf(id)).toBe(edited);
  });

  it('a changed figure: the claim is changed with its old and new words, the rest unchanged, audited; version 1 stays readable', async () => {
    const id = await annotated();
    const res = await imported('ambush-v2.txt', V2, { versionOf: id });
    expect(res.outcome).toBe('version');
    if (res.outcome !== 'version') return;
    expect(res.version).toMatchObject({ number: 2, importedBy: 'Ana', origin: { kind: 'file', fileName: 'ambush-v2.txt' } });
    expect(res.version.carried).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: 'claim-figure', outcome: 'changed', before: 'At least 14 people were killed', after: 'At least 17 people were killed' }),
        expect.objectContaining({ claimId: 'claim-troops', outcome: 'unchanged', before: 'ten troops were injured', after: 'ten troops were injured' }),
        expect.objectContaining({ claimId: 'claim-residents', outcome: 'unchanged' }),
      ]),
    );
    const a = (await backend.store.getArticle(id))!;
    expect(a.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(textOf(a)).toContain('At least 17 people were killed in the ambush near the port of Tartous.');
    const figure = a.claims.find((c) => c.data.id === 'claim-figure')!;
    expect(figure.target.quote.exact).toBe('At least 17 people were killed');
    expect(textOf(a).slice(figure.target.position.start, figure.target.position.end)).toBe('At least 17 people were killed');
    expect(a.audit.at(-1)).toMatchObject({ action: 'version_added', who: 'Ana', new: { number: 2, from: 'ambush-v2.txt', unchanged: 2, moved: 0, changed: 1, gone: 0 } });
    expect(a.revision).toBe(2);

    const v1 = await ok<ArticleVersion>('getVersion', { id, number: 1 });
    expect(textOf(v1)).toContain('At least 14 people were killed');
    const forEditing = await ok<ArticleForEditing>('getArticle', { id });
    expect(forEditing.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(forEditing.versions[1]).not.toHaveProperty('doc');
    // The library and search read the current text only.
    expect(backend.store.listArticles()[0]).toMatchObject({ id, wordCount: a.versions[1]!.wordCount });
    const found = await ok<{ ids: string[] }>('searchArticles', { query: '17 people' });
    expect(found.ids).toEqual([id]);
    expect((await ok<{ ids: string[] }>('searchArticles', { query: '14 people' })).ids).toEqual([]);
  });

  it('a removed sentence orphans its claim, audited as the editor does', async () => {
    const id = await annotated();
    await imported('v2.txt', V2, { versionOf: id });
    const res = await imported('v3.txt', V3, { versionOf: id });
    expect(res.outcome === 'version' && res.version.carried.find((c) => c.claimId === 'claim-residents')).toMatchObject({ outcome: 'gone', after: null });
    const a = (await backend.store.getArticle(id))!;
    expect(a.claims.find((c) => c.data.id === 'claim-residents')!.target.orphaned).toBe(true);
    expect(a.audit.slice(-2)).toEqual([
      expect.objectContaining({ action: 'version_added', new: expect.objectContaining({ number: 3, gone: 1, unchanged: 2 }) }),
      expect.objectContaining({ action: 'claim_orphaned', claimId: 'claim-residents', old: 'Residents described hours of gunfire' }),
    ]);
  });

  it('takes the metadata the new version gives and keeps what it leaves empty', async () => {
    const id = await annotated();
    await ok('updateMeta', { id, meta: { language: 'en' }, baseRevision: 1 });
    const res = await imported('paste.txt', V2.replace(HEAD, 'Ambush near Tartous\n\n'), { versionOf: id });
    expect(res.outcome).toBe('version');
    const a = (await backend.store.getArticle(id))!;
    // The paste gives no publisher, byline or address: the article keeps them; the version records what it gave.
    expect(a.meta).toMatchObject({ title: 'Ambush near Tartous', publisher: 'Reuters', byline: 'Jane Doe', language: 'en', url: 'https://www.example.org/news/tartous-ambush?utm_source=feed' });
    expect(a.versions[1]!.meta).toMatchObject({ publisher: '', url: '' });
  });

  it('a paste can be a version too', async () => {
    const id = await annotated();
    const res = await ok<ImportResult>('importText', { text: V2, versionOf: id });
    expect(res).toMatchObject({ outcome: 'version', version: { number: 2, origin: { kind: 'paste' } } });
    expect((await backend.store.getArticle(id))!.audit.at(-1)).toMatchObject({ action: 'version_added', new: expect.objectContaining({ from: 'paste', changed: 1 }) });
  });

  it('two imports of the same new version at once: one adds it, the other finds it identical (one queue)', async () => {
    const id = await annotated();
    const both = await Promise.all([imported('a.txt', V2, { versionOf: id }), imported('b.txt', V2, { versionOf: id })]);
    expect(both.map((r) => r.outcome).sort()).toEqual(['identical', 'version']);
    expect((await backend.store.getArticle(id))!.versions).toHaveLength(2);
  });

  it('refuses a different article with a clear message and changes nothing', async () => {
    const id = await annotated();
    const before = fileOf(id);
    const res = await importFile('other.txt', 'Harvest festival opens\n\nThe annual harvest festival opened on Saturday with music, food stalls and a parade of decorated tractors through the village square.', {
      versionOf: id,
    });
    expect(!res.ok && res.error).toMatchObject({ code: 'not_a_version', message: expect.stringMatching(/^This does not look like a version of “Ambush near Tartous”: only \d+ % of its text is in common with it\. Nothing was changed; import it as a new article instead\.$/) });
    expect(fileOf(id)).toBe(before);
    expect(backend.store.listArticles()).toHaveLength(1);
  });

  it('refuses a version of an article that does not exist, and a JSON export as a version', async () => {
    const id = await annotated();
    const missing = await importFile('v2.txt', V2, { versionOf: 'no-such-article' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    const json = await importFile('a.claimdesk.json', '{}', { versionOf: id });
    expect(!json.ok && json.error.message).toMatch(/is a full article export .* not a version/);
    const both = await importFile('v2.txt', V2, { versionOf: id, asNewArticle: true });
    expect(!both.ok && both.error.code).toBe('invalid_request');
    expect(backend.store.listArticles()).toHaveLength(1);
  });
});

describe('an import that looks like a version', () => {
  it('is a candidate by canonical address, with nothing stored', async () => {
    const id = await annotated();
    const other = V2.replace('https://www.example.org/news/tartous-ambush?utm_source=feed', 'http://example.org/news/tartous-ambush/').replace('Ambush near Tartous', 'Seventeen killed near Tartous');
    const res = await imported('v2.txt', other);
    expect(res).toMatchObject({ outcome: 'candidate', candidate: { article: { id }, reason: expect.stringMatching(/^same web address, \d+ % of the text in common$/) } });
    expect(res.outcome === 'candidate' && res.candidate.similarity).toBeGreaterThan(0.8);
    expect(backend.store.listArticles()).toHaveLength(1);
  });

  it('is a candidate by title and publisher with similar text; the same text says so', async () => {
    const id = await annotated();
    const noUrl = (t: string) => t.replace('https://www.example.org/news/tartous-ambush?utm_source=feed\n', '');
    expect(await imported('v2.txt', noUrl(V2))).toMatchObject({ outcome: 'candidate', candidate: { article: { id }, reason: expect.stringMatching(/^same title and publisher, \d+ % of the text/) } });
    expect(await imported('v1.txt', V1)).toMatchObject({ outcome: 'candidate', candidate: { article: { id }, reason: 'same web address, the same text', similarity: 1 } });
    // Same title and publisher, different story: a new article.
    const unrelated = await imported('other.txt', noUrl(HEAD) + 'The harbour reopened on Monday after repairs to the breakwater and the fish market.');
    expect(unrelated.outcome).toBe('added');
  });

  it('asNewArticle adds a second article; the sample is never a candidate', async () => {
    await annotated();
    expect(await imported('v2.txt', V2, { asNewArticle: true })).toMatchObject({ outcome: 'added' });
    expect(backend.store.listArticles()).toHaveLength(2);
    await ok('importSample', {});
    expect((await ok<ImportResult>('importSample', {})).outcome).toBe('added');
    expect(backend.store.listArticles()).toHaveLength(4);
  });
});
