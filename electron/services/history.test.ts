import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleForEditing } from '../../shared/schema/article';
import type { HistoryPage } from '../../shared/audit/history';
import type { Claim, Comment } from '../../shared/schema/claim';
import type { SourceEntry } from '../../shared/schema/desk';
import type { Backend } from '../backend';
import { type SampleDesk, dispatchOk, makeClaim, openSampleDesk } from '../testing';

let tmp: SampleDesk;
let backend: Backend;
let article: ArticleForEditing;
let claim: Claim;

const ok = <T>(method: string, payload: unknown) => dispatchOk<T>(backend.dispatch, method, payload);
const fileOf = () => readFileSync(path.join(tmp.dir, 'articles', `${article.id}.json`), 'utf8');
const deskFile = () => readFileSync(path.join(tmp.dir, 'desk.json'), 'utf8');
let revision = 0;
const save = async (claims: Claim[]) => {
  const r = await backend.dispatch('saveArticle', { id: article.id, doc: article.doc, claims, baseRevision: revision });
  if (r.ok) revision = (r.value as { revision: number }).revision;
  return r;
};
const withComments = (...comments: Comment[]): Claim => ({ ...claim, data: { ...claim.data, comments } });
const ana: Comment = { id: 'cm-ana-0001', author: 'Ana', at: '2026-12-01T09:00:00.000Z', text: 'Check the ministry figure.' };
const ben: Comment = { id: 'cm-ben-0001', author: 'Ben', at: '2026-12-01T09:05:00.000Z', text: 'SOHR says 14.' };

beforeEach(async () => {
  tmp = await openSampleDesk();
  ({ backend, article } = tmp);
  revision = article.revision;
  const { text } = tmp;
  const words = '14 troops from the interior ministry were killed';
  claim = makeClaim(text, text.indexOf(words), text.indexOf(words) + words.length, 'claim-0001');
});
afterEach(() => tmp.close());

describe('comments through saveArticle', () => {
  it('audits a reply, an edit and a delete, and getHistory pages them newest first', async () => {
    expect((await save([withComments()])).ok).toBe(true);
    expect((await save([withComments(ana, ben)])).ok).toBe(true);
    const reply: Comment = { id: 'cm-ana-0002', author: 'Ana', at: '2026-12-01T10:00:00.000Z', text: 'Agreed.', replyTo: ben.id };
    expect((await save([withComments(ana, ben, reply)])).ok).toBe(true);
    expect((await save([withComments({ ...ana, text: 'Check the figure again.', editedAt: '2026-12-01T10:05:00.000Z' }, ben, reply)])).ok).toBe(true);
    expect((await save([withComments(ben, reply)])).ok).toBe(true);
    const page = await ok<HistoryPage>('getHistory', { id: article.id, claimId: 'claim-0001', limit: 3 });
    expect(page.events.map((e) => e.action)).toEqual(['comment_deleted', 'comment_edited', 'comment_replied']);
    expect(page.events[1]).toMatchObject({ who: 'Ana', old: 'Check the ministry figure.', new: 'Check the figure again.' });
    expect(page.total).toBe(6);
    const older = await ok<HistoryPage>('getHistory', { id: article.id, claimId: 'claim-0001', limit: 3, offset: 3 });
    expect(older.events.map((e) => e.action)).toEqual(['comment_added', 'comment_added', 'claim_created']);
    const all = await ok<HistoryPage>('getHistory', { id: article.id });
    expect(all.events.at(-1)?.action).toBe('import');
  });

  it("refuses a reply to a missing comment, an edit of another's comment, empty and too-long text, changing nothing", async () => {
    expect((await save([withComments(ana, ben)])).ok).toBe(true);
    const before = fileOf();
    const refused = async (c: Claim, message: string) => {
      const r = await save([c]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(message);
      expect(fileOf()).toBe(before);
    };
    await refused(withComments(ana, ben, { ...ana, id: 'cm-ana-0009', replyTo: 'cm-missing-01' }), 'The comment this replies to is not there any more');
    await refused(withComments(ana, { ...ben, text: 'Edited by Ana', editedAt: '2026-12-01T11:00:00.000Z' }), 'Only Ben can edit their comment');
    await refused(withComments(ana), 'Only Ben can delete their comment');
    await refused(withComments({ ...ana, text: '  ', editedAt: '2026-12-01T11:00:00.000Z' }, ben), '');
    await refused(withComments({ ...ana, text: 'x'.repeat(10_001), editedAt: '2026-12-01T11:00:00.000Z' }, ben), '');
  });

  it('refuses the history of an unknown article and a page too large; a claim not saved yet has none', async () => {
    const r = await backend.dispatch('getHistory', { id: '00000000-0000-4000-8000-000000000000' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
    expect(await ok<HistoryPage>('getHistory', { id: article.id, claimId: 'claim-not-saved' })).toEqual({ events: [], total: 0, people: [] });
    const bad = await backend.dispatch('getHistory', { id: article.id, limit: 100_000 });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_request');
  });
});

describe('the source directory by hand', () => {
  const sohr: SourceEntry = { id: 'source-sohr', name: 'SOHR', aliases: [], kind: 'ngo_monitor' };
  const long: SourceEntry = { id: 'source-long', name: 'Syrian Observatory for Human Rights', aliases: ['the Observatory'], kind: 'none' };

  it('adds, edits and merges sources, and refuses duplicates and a merge into itself, changing nothing', async () => {
    await ok('saveSource', { source: sohr });
    await ok('saveSource', { source: long });
    const before = deskFile();
    const dup = await backend.dispatch('saveSource', { source: { ...long, id: 'source-other', name: 'sohr' } });
    expect(dup.ok ? '' : dup.error.message).toBe('“sohr” already names another source in the directory (SOHR).');
    const self = await backend.dispatch('mergeSources', { keepId: sohr.id, mergeId: sohr.id, name: 'SOHR', kind: 'none' });
    expect(self.ok ? '' : self.error.message).toContain('cannot be merged into itself');
    expect(deskFile()).toBe(before);
    const merged = await ok<{ sources: SourceEntry[] }>('mergeSources', { keepId: long.id, mergeId: sohr.id, name: long.name, kind: 'ngo_monitor' });
    expect(merged.sources).toEqual([{ ...long, aliases: ['the Observatory', 'SOHR'], kind: 'ngo_monitor' }]);
    expect(JSON.parse(deskFile()).desk.sources).toEqual(merged.sources);
  });
});
