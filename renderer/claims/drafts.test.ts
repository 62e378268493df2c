import { describe, expect, it } from 'vitest';
import { Attribution, TracedSource } from '../../shared/schema/claim';
import { checkDraft, draftsFor, FieldDrafts } from './drafts';

describe('checkDraft', () => {
  it('commits a changed value as the schema gives it back, and nothing when it comes back the same', () => {
    expect(checkDraft('reported', '', Attribution.shape.cue)).toEqual({ kind: 'commit', value: 'reported' });
    expect(checkDraft('  reported ', '', Attribution.shape.cue)).toEqual({ kind: 'commit', value: 'reported' });
    expect(checkDraft('reported ', 'reported', Attribution.shape.cue)).toEqual({ kind: 'unchanged' });
    expect(checkDraft('same', 'same')).toEqual({ kind: 'unchanged' });
    expect(checkDraft('anything', 'else')).toEqual({ kind: 'commit', value: 'anything' });
  });

  it('refuses what the schema refuses, with its message', () => {
    expect(checkDraft('www.example.org', '', TracedSource.shape.url)).toEqual({ kind: 'refused', message: 'Enter a web address starting with http:// or https://' });
  });
});

describe('FieldDrafts', () => {
  it('commits every registered field, and forgets one once it is taken off', () => {
    const drafts = new FieldDrafts();
    const done: string[] = [];
    drafts.register(() => done.push('cue'));
    const off = drafts.register(() => done.push('rationale'));
    drafts.commitAll();
    off();
    drafts.commitAll();
    expect(done).toEqual(['cue', 'rationale', 'cue']);
  });

  it('keeps refused text and unposted forms per claim, and tells the open view', () => {
    const drafts = new FieldDrafts();
    const told: string[] = [];
    const stop = drafts.listen((m) => told.push(m));
    drafts.keep('c1/attribution.traced.url', 'www.example.org');
    drafts.refused('Original URL of claim 1 was not saved.');
    expect(drafts.kept('c1/attribution.traced.url')).toBe('www.example.org');
    drafts.keep('c1/attribution.traced.url', null);
    expect(drafts.kept('c1/attribution.traced.url')).toBeUndefined();
    stop();
    drafts.refused('nobody listens');
    expect(told).toEqual(['Original URL of claim 1 was not saved.']);

    drafts.setForms('c1', { comment: 'Ask Beirut.', evidence: null, thread: null });
    expect(drafts.formsOf('c1').comment).toBe('Ask Beirut.');
    expect(drafts.formsOf('c2')).toEqual({ comment: '', evidence: null, thread: null });
    drafts.setForms('c1', { comment: '', evidence: null, thread: { kind: 'reply', id: 'cm-1', text: 'Agreed, but' } });
    expect(drafts.formsOf('c1').thread).toEqual({ kind: 'reply', id: 'cm-1', text: 'Agreed, but' });
    drafts.setForms('c1', { comment: '', evidence: null, thread: null });
    expect(drafts.formsOf('c1')).toEqual({ comment: '', evidence: null, thread: null });
  });

  it('is the same for an article each time it is opened in the session', () => {
    expect(draftsFor('article-1')).toBe(draftsFor('article-1'));
    expect(draftsFor('article-1')).not.toBe(draftsFor('article-2'));
  });
});
