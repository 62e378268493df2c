import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api';
import { articleSchema } from '../../shared/doc/schema';
import { docPlainText } from '../../shared/doc/plainText';
import type { ArticleForEditing, ArticleRecord } from '../../shared/schema/article';
import type { StoredConflict } from '../../shared/schema/exchange';
import { claimChangesSinceFirstSeen } from '../../shared/versions/changesSinceFirstSeen';
import { openBackend, type Backend } from '../backend';
import { dispatchOk, makeClaim, tempDir } from '../testing';

let tmp: ReturnType<typeof tempDir>;
let ana: Backend;
let ben: Backend;
let id: string;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const ok = <T>(b: Backend, method: string, payload: unknown) => dispatchOk<T>(b.dispatch, method, payload);
const textOf = (a: { doc: ArticleRecord['doc'] }) => docPlainText(articleSchema.nodeFromJSON(a.doc));

const V1 =
  'Ambush near Tartous\n\nBy Jane Doe | Reuters | 3 March 2025\n\nAt least 14 people were killed in the ambush near the port of Tartous, state media said.\n\nThe interior ministry said ten troops were injured and that the attackers fled towards the hills.';
const V2 = V1.replace('At least 14 people', 'At least 17 people');
const V2B = V1.replace('ten troops were injured', 'twelve troops were injured');

async function bundleOf(b: Backend): Promise<string> {
  return (await ok<{ content: string }>(b, 'exportBundle', { id })).content;
}
const open = (b: Backend, content: string) => b.dispatch('openBundle', { fileName: 'review.claimdesk-review', dataBase64: b64(content) });
async function opened(b: Backend, content: string) {
  const res = await open(b, content);
  if (!res.ok) throw new Error(res.error.message);
  return res.value as { outcome: string; conflicts: number; notes: string[] };
}
async function version(b: Backend, fileName: string, text: string): Promise<ImportResult> {
  return ok<ImportResult>(b, 'importFile', { fileName, dataBase64: b64(text), versionOf: id });
}
const article = async (b: Backend) => (await b.store.getArticle(id))!;

beforeEach(async () => {
  tmp = tempDir();
  ana = await openBackend(path.join(tmp.dir, 'ana'), 'test');
  ben = await openBackend(path.join(tmp.dir, 'ben'), 'test');
  await ok(ana, 'updateSettings', { settings: { reviewerName: 'Ana' } });
  await ok(ben, 'updateSettings', { settings: { reviewerName: 'Ben' } });
  const added = await ok<ImportResult>(ana, 'importFile', { fileName: 'v1.txt', dataBase64: b64(V1) });
  if (added.outcome !== 'added') throw new Error(added.outcome);
  id = added.article.id;
  const a = await ok<ArticleForEditing>(ana, 'getArticle', { id });
  const text = textOf(a);
  const at = text.indexOf('At least 14 people were killed');
  await ok(ana, 'saveArticle', { id, doc: a.doc, baseRevision: a.revision, claims: [makeClaim(text, at, at + 'At least 14 people were killed'.length, 'claim-figure')] });
  await opened(ben, await bundleOf(ana));
});
afterEach(() => {
  ana.store.close();
  ben.store.close();
  tmp.cleanup();
});

describe('versions in review bundles', () => {
  it('refuses a bundle whose version text does not match its hash, naming the version, and changes nothing', async () => {
    await version(ana, 'v2.txt', V2);
    const bundle = JSON.parse(await bundleOf(ana));
    const v1 = bundle.article.versions[0];
    v1.doc = JSON.parse(JSON.stringify(v1.doc).replace('At least 14 people', 'At least 4 people'));
    const before = await article(ben);
    const res = await open(ben, JSON.stringify(bundle));
    expect(!res.ok && res.error).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/The article’s version 1 \(imported \d{4}-\d{2}-\d{2}\) does not match its hash: the file was changed or damaged after it was made\.$/) });
    expect(await article(ben)).toEqual(before);
  });

  it('a bundle with a newer version: versions unioned by hash, a version conflict shown side by side; taking theirs carries the claims', async () => {
    const v2 = await version(ben, 'v2.txt', V2);
    expect(v2.outcome).toBe('version');
    // Ben marks words only his version has: orphaned at Ana's until she takes his text.
    const b2 = await ok<ArticleForEditing>(ben, 'getArticle', { id });
    const bText = textOf(b2);
    const at = bText.indexOf('17 people');
    await ok(ben, 'saveArticle', { id, doc: b2.doc, baseRevision: b2.revision, claims: [...b2.claims, makeClaim(bText, at, at + '17 people'.length, 'claim-ben', 'Ben')] });
    const merged = await opened(ana, await bundleOf(ben));
    expect(merged).toMatchObject({ outcome: 'merged', conflicts: 1 });
    expect(merged.notes.join('\n')).toMatch(/The bundle has a newer version of the text \(version 2, imported by Ben/);
    let a = await article(ana);
    const hashes = a.versions.map((v) => v.hash);
    expect(a.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    // Ours stays current (stated again as version 3, the same text as 1), theirs is version 2 here.
    expect(hashes[2]).toBe(hashes[0]);
    expect(textOf(a)).toContain('At least 14 people');
    expect(claimChangesSinceFirstSeen(a.versions)).toEqual([]);
    expect(a.claims.find((c) => c.data.id === 'claim-ben')!.target.orphaned).toBe(true);
    const state = await ok<{ conflicts: StoredConflict[] }>(ana, 'getReviewState', { id });
    expect(state.conflicts).toEqual([
      expect.objectContaining({
        claimId: '',
        field: 'version',
        ours: { number: 3, hash: hashes[0], title: 'Ambush near Tartous', importedAt: expect.any(String), wordCount: a.versions[0]!.wordCount },
        theirs: expect.objectContaining({ number: 2, hash: hashes[1], title: 'Ambush near Tartous' }),
        theirsBy: 'Ben',
      }),
    ]);

    const decided = await ok<{ remaining: number }>(ana, 'resolveConflict', { id, claimId: '', field: 'version', choice: 'theirs' });
    expect(decided.remaining).toBe(0);
    a = await article(ana);
    expect(textOf(a)).toContain('At least 17 people');
    expect(a.versions.map((v) => v.hash)).toEqual([hashes[0], hashes[1], hashes[0], hashes[1]]);
    expect(a.versions[3]!.carried).toEqual([expect.objectContaining({ claimId: 'claim-figure', outcome: 'changed', before: 'At least 14 people were killed', after: 'At least 17 people were killed' })]);
    expect(a.claims[0]!.target.quote.exact).toBe('At least 17 people were killed');
    expect(a.claims.find((c) => c.data.id === 'claim-ben')!.target).toMatchObject({ orphaned: false, quote: { exact: '17 people' } });
    expect(claimChangesSinceFirstSeen(a.versions)).toEqual([expect.objectContaining({ claimId: 'claim-figure', outcome: 'changed', currentWords: 'At least 17 people were killed' })]);
    expect(a.audit.slice(-3).map((e) => [e.who, e.action, e.claimId])).toEqual([
      ['Ana', 'conflict_resolved', undefined],
      ['Ana', 'version_added', undefined],
      ['Ana', 'claim_restored', 'claim-ben'],
    ]);

    // Sent back to Ben: both current versions are his v2, so no conflict, nothing more to add.
    const back = await opened(ben, await bundleOf(ana));
    expect(back.conflicts).toBe(0);
    const b = await article(ben);
    expect(b.versions.map((v) => v.hash)).toEqual([hashes[0], hashes[1]]);
  });

  it('the same new version on both desks is one version, no conflict', async () => {
    await version(ana, 'v2.txt', V2);
    await version(ben, 'v2-again.txt', V2);
    const merged = await opened(ana, await bundleOf(ben));
    expect(merged.conflicts).toBe(0);
    expect((await article(ana)).versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('different new versions on the two desks: a conflict; keeping ours keeps the text', async () => {
    await version(ana, 'v2.txt', V2);
    await version(ben, 'v2b.txt', V2B);
    const merged = await opened(ana, await bundleOf(ben));
    expect(merged.conflicts).toBe(1);
    expect(merged.notes.join('\n')).toMatch(/are different versions: choose one in the conflicts/);
    const before = await article(ana);
    expect(before.versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    expect(before.versions[3]!.hash).toBe(before.versions[1]!.hash);
    await ok(ana, 'resolveConflict', { id, claimId: '', field: 'version', choice: 'ours' });
    const after = await article(ana);
    expect(textOf(after)).toBe(textOf(before));
    expect(after.versions).toEqual(before.versions);
    expect(after.exchange.conflicts).toEqual([]);
  });

  it('an older bundle (their text is one of our earlier versions) keeps ours, with a note', async () => {
    const fromBen = await bundleOf(ben);
    await version(ana, 'v2.txt', V2);
    const merged = await opened(ana, fromBen);
    expect(merged.conflicts).toBe(0);
    expect(merged.notes).toContainEqual(expect.stringMatching(/The bundle’s text is an older version \(version 1/));
    expect((await article(ana)).versions).toHaveLength(2);
  });

  it('a bundle from a store before versions (schema 5) opens: its text becomes version 1', async () => {
    const bundle = JSON.parse(await bundleOf(ana));
    delete bundle.article.versions;
    delete bundle.article.detection;
    bundle.schemaVersion = 5;
    const carol = await openBackend(path.join(tmp.dir, 'carol'), 'test');
    try {
      const res = await carol.dispatch('openBundle', { fileName: 'old.claimdesk-review', dataBase64: b64(JSON.stringify(bundle)) });
      expect(res.ok && res.value).toMatchObject({ outcome: 'added' });
      const c = (await carol.store.getArticle(id))!;
      expect(c.versions).toEqual([expect.objectContaining({ number: 1, hash: (await article(ana)).versions[0]!.hash })]);
      expect(readdirSync(path.join(tmp.dir, 'carol', 'articles'))).toContain(`${id}.json`);
    } finally {
      carol.store.close();
    }
  });
});
