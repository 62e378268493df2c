import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../shared/schema/article';
import type { Claim } from '../../shared/schema/claim';
import { annotatedSample, claimOn } from '../../shared/report/testing';
import { articleSchema } from '../../shared/doc/schema';
import { docPlainText } from '../../shared/doc/plainText';
import { openBackend, type Backend } from '../backend';
import { dispatchOk, tempDir } from '../testing';

let tmp: ReturnType<typeof tempDir>;
let ana: Backend;
let ben: Backend;
const ID = 'sample-article-1';

const ok = <T>(b: Backend, method: string, payload: unknown) => dispatchOk<T>(b.dispatch, method, payload);

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
type Opened = { outcome: string; added: number; conflicts: number; from: string };

async function bundleOf(b: Backend): Promise<string> {
  return (await ok<{ content: string }>(b, 'exportBundle', { id: ID })).content;
}
async function open(b: Backend, content: string | Buffer): Promise<Opened> {
  return ok<Opened>(b, 'openBundle', { fileName: 'review.claimdesk-review', dataBase64: b64(content) });
}
async function edit(b: Backend, change: (claims: Claim[]) => Claim[]) {
  const a = await ok<ArticleRecord>(b, 'getArticle', { id: ID });
  await ok(b, 'saveArticle', { id: ID, doc: a.doc, claims: change(a.claims), baseRevision: a.revision });
}
const setVerdict = (claimId: string, verdict: string) => (claims: Claim[]) =>
  claims.map((c) => (c.data.id === claimId ? { ...c, data: { ...c.data, verification: { ...c.data.verification, verdict } } } : c));

beforeEach(async () => {
  tmp = tempDir();
  ana = await openBackend(path.join(tmp.dir, 'ana'), 'test');
  ben = await openBackend(path.join(tmp.dir, 'ben'), 'test');
  await ok(ana, 'updateSettings', { settings: { reviewerName: 'Ana' } });
  await ok(ben, 'updateSettings', { settings: { reviewerName: 'Ben' } });
  const article = annotatedSample();
  await ana.store.putArticle(article);
});
afterEach(() => {
  ana.store.close();
  ben.store.close();
  tmp.cleanup();
});

describe('review handoff', () => {
  it('A sends, B adds; B edits and sends back; A merges with the conflict shown and nothing lost; twice is a no-op', async () => {
    expect(await open(ben, await bundleOf(ana))).toMatchObject({ outcome: 'added', from: 'Ana' });
    expect(await ben.store.getArticle(ID)).toMatchObject({ claims: (await ana.store.getArticle(ID))!.claims });

    // Ben: a different verdict on the vague claim, a new claim, a comment.
    const text = docPlainText(articleSchema.nodeFromJSON(annotatedSample().doc));
    const bensClaim = claimOn(text, 'security forces subsequently called for reinforcements', 'claim-ben', (d) => ({ ...d, createdBy: 'Ben', updatedBy: 'Ben' }));
    await edit(ben, (claims) =>
      setVerdict('claim-vague', 'Mostly false')(claims)
        .map((c) => (c.data.id === 'claim-none' ? { ...c, data: { ...c.data, comments: [...c.data.comments, { id: 'cm-ben-1', author: 'Ben', at: '2026-11-28T11:00:00.000Z', text: 'Kremlin statement confirms.' }] } } : c))
        .concat(bensClaim),
    );
    const fromBen = await bundleOf(ben);

    // Ana changes the same verdict differently, then opens Ben's bundle.
    await edit(ana, setVerdict('claim-vague', 'False'));
    const merged = await open(ana, fromBen);
    expect(merged).toMatchObject({ outcome: 'merged', from: 'Ben', added: 1, conflicts: 1 });
    const a = (await ana.store.getArticle(ID))!;
    expect(a.claims.map((c) => c.data.id).sort()).toEqual(['claim-ben', 'claim-named', 'claim-none', 'claim-orphan', 'claim-vague']);
    expect(a.claims.find((c) => c.data.id === 'claim-none')!.data.comments.map((c) => c.id)).toContain('cm-ben-1');
    expect(a.exchange.conflicts).toEqual([expect.objectContaining({ claimId: 'claim-vague', field: 'verification.verdict', ours: 'False', theirs: 'Mostly false', theirsBy: 'Ben' })]);
    expect(a.claims.find((c) => c.data.id === 'claim-vague')!.data.verification.verdict).toBe('False');
    expect(a.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['bundle_opened', 'bundle_merged']));
    expect(a.exchange.agreements[0]).toMatchObject({ withReviewer: 'Ben', pairs: 3, agreed: 2 });

    // Ana decides: Ben's verdict. The claim takes it, the conflict is closed, the decision is on record.
    const decided = await ok<{ remaining: number }>(ana, 'resolveConflict', { id: ID, claimId: 'claim-vague', field: 'verification.verdict', choice: 'theirs' });
    expect(decided.remaining).toBe(0);
    const after = (await ana.store.getArticle(ID))!;
    expect(after.claims.find((c) => c.data.id === 'claim-vague')!.data.verification.verdict).toBe('Mostly false');
    expect(after.audit.find((e) => e.action === 'conflict_resolved')).toMatchObject({ who: 'Ana', field: 'verification.verdict', new: 'Mostly false' });
    const gone = await ana.dispatch('resolveConflict', { id: ID, claimId: 'claim-vague', field: 'verification.verdict', choice: 'ours' });
    expect(!gone.ok && gone.error.code).toBe('not_found');

    // The same bundle again changes nothing.
    const before = readFileSync(path.join(tmp.dir, 'ana', 'articles', `${ID}.json`), 'utf8');
    expect(await open(ana, fromBen)).toMatchObject({ outcome: 'unchanged' });
    expect(readFileSync(path.join(tmp.dir, 'ana', 'articles', `${ID}.json`), 'utf8')).toBe(before);
  });

  it('holds back their Done while the verdict is in conflict, and brings it when their verdict is chosen', async () => {
    await open(ben, await bundleOf(ana));
    // Ben: Mostly false, done, high confidence. Ana meanwhile: False, still in progress.
    await edit(ben, (claims) =>
      claims.map((c) => (c.data.id === 'claim-vague' ? { ...c, data: { ...c.data, verification: { ...c.data.verification, verdict: 'Mostly false', status: 'done', confidence: 'high' } } } : c)),
    );
    const fromBen = await bundleOf(ben);
    await edit(ana, setVerdict('claim-vague', 'False'));
    const notes = (await ok<{ notes: string[] }>(ana, 'openBundle', { fileName: 'review.claimdesk-review', dataBase64: b64(fromBen) })).notes;
    expect(notes.some((n) => n.includes('claim-vague') && n.includes('status, confidence went with its verdict'))).toBe(true);

    // Reopened from disk: what is held back is stored with the conflict.
    ana.store.close();
    ana = await openBackend(path.join(tmp.dir, 'ana'), 'test');
    const state = await ok<{ conflicts: { field: string; held?: { field: string; theirs: unknown }[] }[] }>(ana, 'getReviewState', { id: ID });
    expect(state.conflicts).toEqual([
      expect.objectContaining({
        field: 'verification.verdict',
        ours: 'False',
        theirs: 'Mostly false',
        held: [
          { field: 'verification.status', ours: 'in_progress', theirs: 'done' },
          { field: 'verification.confidence', ours: null, theirs: 'high' },
        ],
      }),
    ]);
    const vague = async () => (await ana.store.getArticle(ID))!.claims.find((c) => c.data.id === 'claim-vague')!.data.verification;
    // Not "Done · False": Ben's Done was said of Mostly false.
    expect(await vague()).toMatchObject({ status: 'in_progress', verdict: 'False', confidence: null });

    await ok(ana, 'resolveConflict', { id: ID, claimId: 'claim-vague', field: 'verification.verdict', choice: 'theirs' });
    expect(await vague()).toMatchObject({ status: 'done', verdict: 'Mostly false', confidence: 'high' });
    const audit = (await ana.store.getArticle(ID))!.audit;
    expect(audit.filter((e) => e.action === 'claim_updated' && e.claimId === 'claim-vague' && e.who === 'Ana').map((e) => [e.field, e.new])).toEqual(
      expect.arrayContaining([
        ['verification.status', 'done'],
        ['verification.verdict', 'Mostly false'],
      ]),
    );
  });

  it('keeps our status when our verdict is chosen over theirs', async () => {
    await open(ben, await bundleOf(ana));
    await edit(ben, (claims) => claims.map((c) => (c.data.id === 'claim-vague' ? { ...c, data: { ...c.data, verification: { ...c.data.verification, verdict: 'Mostly false', status: 'done' } } } : c)));
    const fromBen = await bundleOf(ben);
    await edit(ana, setVerdict('claim-vague', 'False'));
    await open(ana, fromBen);
    await ok(ana, 'resolveConflict', { id: ID, claimId: 'claim-vague', field: 'verification.verdict', choice: 'ours' });
    const a = (await ana.store.getArticle(ID))!;
    expect(a.claims.find((c) => c.data.id === 'claim-vague')!.data.verification).toMatchObject({ status: 'in_progress', verdict: 'False' });
    expect(a.exchange.conflicts).toEqual([]);
  });

  it.each<[string, (bundle: string) => string | Buffer, RegExp]>([
    ['not JSON', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), /not a Claimdesk review bundle/],
    ['wrong or missing fields', (b) => JSON.stringify({ ...JSON.parse(b), article: { id: ID } }), /not a Claimdesk review bundle\. article\./],
    ['a newer schema version', (b) => JSON.stringify({ ...JSON.parse(b), schemaVersion: 42 }), /made by a newer version of Claimdesk/],
    ['a text that does not match its hash', (b) => b.replace('In a recent development', 'In an old development'), /does not match its checksum/],
    ['a bundle over the size limit', () => Buffer.alloc(20 * 1024 * 1024 + 10, 32), /up to 20\.0 MB/],
  ])('refuses %s with a clear message, and the store is unchanged', async (_name, spoil, message) => {
    const bundle = await bundleOf(ana);
    const res = await ben.dispatch('openBundle', { fileName: 'bad.claimdesk-review', dataBase64: b64(spoil(bundle)) });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('bad_file');
      expect(res.error.message).toMatch(message);
    }
    expect(readdirSync(path.join(tmp.dir, 'ben', 'articles'))).toEqual([]);
  });
});
