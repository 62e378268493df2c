import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleForEditing } from '../../shared/schema/article';
import type { AuditEvent } from '../../shared/schema/audit';
import type { Claim } from '../../shared/schema/claim';
import type { Backend } from '../backend';
import { type SampleDesk, dispatchOk, makeClaim, openSampleDesk } from '../testing';

let tmp: SampleDesk;
let backend: Backend;
let article: ArticleForEditing;
let text: string;

const ok = <T>(method: string, payload: unknown) => dispatchOk<T>(backend.dispatch, method, payload);

beforeEach(async () => {
  tmp = await openSampleDesk();
  ({ backend, article, text } = tmp);
});
afterEach(() => tmp.close());

const fileOf = () => readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8');
const claimAt = (words: string, id: string) => {
  const start = text.indexOf(words);
  return makeClaim(text, start, start + words.length, id);
};
const save = (claims: Claim[], revision = article.revision) => backend.dispatch('saveArticle', { id: article.id, doc: article.doc, claims, baseRevision: revision });

describe('saving claims', () => {
  it('stores claims with their selectors and records who changed what', async () => {
    const claim = claimAt('14 troops from the interior ministry were killed', 'claim-0001');
    expect((await save([claim])).ok).toBe(true);
    const verified: Claim = {
      ...claim,
      data: {
        ...claim.data,
        attribution: { ...claim.data.attribution, sourceName: 'rebel-led authorities', sourceKind: 'official', kind: 'named', cue: 'have reported' },
        verification: { ...claim.data.verification, status: 'done', verdict: 'Mostly true', confidence: 'medium', rationale: 'Matches SOHR figures.' },
      },
    };
    expect((await save([verified], 1)).ok).toBe(true);
    const { events } = await ok<{ events: AuditEvent[] }>('getAudit', { id: article.id });
    const fields = events.filter((e) => e.action === 'claim_updated').map((e) => e.field);
    expect(events.map((e) => e.action)).toContain('claim_created');
    expect(fields).toEqual(expect.arrayContaining(['verification.verdict', 'verification.status', 'attribution.sourceName', 'attribution.kind']));
    expect(events.find((e) => e.field === 'verification.verdict')).toMatchObject({ who: 'Ana', old: null, new: 'Mostly true' });
    const desk = await ok<{ desk: { sources: { name: string; kind: string }[] } }>('getDesk', {});
    expect(desk.desk.sources).toEqual([expect.objectContaining({ name: 'rebel-led authorities', kind: 'official' })]);
    expect(backend.store.listArticles()[0]).toMatchObject({ claimCount: 1, doneCount: 1 });
  });

  it.each<[string, (c: Claim) => Claim, RegExp]>([
    ['an evidence URL that is not http(s)', (c) => ({ ...c, data: { ...c.data, verification: { ...c.data.verification, evidence: [{ id: 'ev-0001', url: 'javascript:alert(1)', title: '', publisher: '', accessedAt: '', quote: '', stance: 'supports' }] } } }), /http/],
    ['a traced-source URL that is not http(s)', (c) => ({ ...c, data: { ...c.data, attribution: { ...c.data.attribution, traced: { ...c.data.attribution.traced, url: 'file:///etc/passwd' } } } }), /http/],
    ['a verdict not on the desk scale', (c) => ({ ...c, data: { ...c.data, verification: { ...c.data.verification, verdict: 'Pants on fire' } } }), /not on the desk's rating scale/],
    ['done without a verdict', (c) => ({ ...c, data: { ...c.data, verification: { ...c.data.verification, status: 'done' } } }), /cannot be done without a verdict/],
    ['a range outside the text', (c) => ({ ...c, target: { ...c.target, position: { type: 'TextPositionSelector', start: text.length + 5, end: text.length + 20 } } }), /outside the article's text/],
    ['a quote that does not match the text', (c) => ({ ...c, target: { ...c.target, quote: { ...c.target.quote, exact: 'something else entirely' } } }), /do not match/],
    ['an empty range', (c) => ({ ...c, target: { ...c.target, position: { type: 'TextPositionSelector', start: 10, end: 10 } } }), /at least one character/],
    ['an unknown status', (c) => ({ ...c, data: { ...c.data, verification: { ...c.data.verification, status: 'approved' as never } } }), /status/],
  ])('refuses %s with a clear error and changes nothing', async (_name, spoil, message) => {
    const before = fileOf();
    const res = await save([spoil(claimAt('ten additional troops sustained injuries', 'claim-0002'))]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(`${res.error.message} ${JSON.stringify(res.error.issues ?? [])}`).toMatch(message);
    expect(fileOf()).toBe(before);
  });

  it('refuses claims for an article that does not exist', async () => {
    const res = await backend.dispatch('saveArticle', { id: 'no-such-article', doc: article.doc, claims: [claimAt('ten additional troops', 'claim-0003')], baseRevision: 0 });
    expect(!res.ok && res.error.code).toBe('not_found');
    expect(backend.store.listArticles()).toHaveLength(1);
  });

  it('refuses claim changes until the reviewer has a name', async () => {
    await ok('updateSettings', { settings: { reviewerName: '' } });
    const res = await save([claimAt('ten additional troops', 'claim-0004')]);
    expect(!res.ok && res.error.message).toMatch(/Set your reviewer name/);
  });

  it('records orphaning, restoring and deletion', async () => {
    const claim = claimAt('ten additional troops', 'claim-0005');
    await save([claim]);
    await save([{ ...claim, target: { ...claim.target, orphaned: true } }], 1);
    await save([claim], 2);
    await save([], 3);
    const { events } = await ok<{ events: AuditEvent[] }>('getAudit', { id: article.id });
    expect(events.map((e) => e.action).filter((a) => a.startsWith('claim'))).toEqual(['claim_created', 'claim_orphaned', 'claim_restored', 'claim_deleted']);
  });
});

describe('second review', () => {
  it('is asked for by one reviewer and signed off only by a different one', async () => {
    const claim = claimAt('ten additional troops', 'claim-0100');
    const asked: Claim = {
      ...claim,
      data: { ...claim.data, verification: { ...claim.data.verification, verdict: 'Unverifiable', status: 'needs_second_review', secondReview: { requestedBy: 'Ana', requestedAt: '2026-11-28T10:00:00.000Z', signedOffBy: null, signedOffAt: null } } },
    };
    expect((await save([asked])).ok).toBe(true);
    const signOff = (by: string): Claim => ({
      ...asked,
      data: { ...asked.data, verification: { ...asked.data.verification, status: 'done', secondReview: { ...asked.data.verification.secondReview!, signedOffBy: by, signedOffAt: '2026-11-28T10:05:00.000Z' } } },
    });
    const self = await save([signOff('Ana')], 1);
    expect(!self.ok && `${self.error.message} ${JSON.stringify(self.error.issues)}`).toMatch(/different reviewer/);
    await ok('updateSettings', { settings: { reviewerName: 'Ben' } });
    const other = await save([signOff('Ben')], 1);
    expect(other.ok).toBe(true);
    const { events } = await ok<{ events: AuditEvent[] }>('getAudit', { id: article.id });
    expect(events.find((e) => e.field === 'verification.secondReview' && e.who === 'Ben')).toBeTruthy();
  });
});
