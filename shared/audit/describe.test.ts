import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../schema/audit';
import { clipAtWord, describeEvent, formatWhen } from './describe';

const opts = { timeZone: 'UTC', now: new Date('2026-12-05T00:00:00Z') };
const ev = (e: Partial<AuditEvent> & Pick<AuditEvent, 'action'>): AuditEvent => ({ id: 'event-0001', at: '2026-12-01T11:40:00.000Z', who: 'Ana Reviewer', ...e });
const line = (e: AuditEvent) => {
  const d = describeEvent(e, opts);
  return `${d.who} ${d.summary} — ${d.when}`;
};

describe('describeEvent', () => {
  it('says who set which field from what to what, and when', () => {
    expect(line(ev({ action: 'claim_updated', claimId: 'c1', field: 'verification.verdict', old: 'Mixed', new: 'False' }))).toBe('Ana Reviewer set the verdict from Mixed to False — 1 Dec, 11:40');
    expect(line(ev({ action: 'claim_updated', field: 'verification.verdict', old: null, new: 'False' }))).toBe('Ana Reviewer set the verdict to False — 1 Dec, 11:40');
    expect(describeEvent(ev({ action: 'claim_updated', field: 'verification.status', old: 'unreviewed', new: 'needs_second_review' }), opts).summary).toBe('set the status from Unreviewed to Needs second review');
    expect(describeEvent(ev({ action: 'claim_updated', field: 'attribution.traced.url', old: '', new: 'https://example.org/a' }), opts).summary).toBe('set the original URL to “https://example.org/a”');
    expect(describeEvent(ev({ action: 'claim_updated', field: 'attribution.cue', old: 'said', new: '' }), opts).summary).toBe('cleared the cue words (was “said”)');
    expect(describeEvent(ev({ action: 'claim_updated', field: 'attribution.sourceKind', old: 'none', new: 'ngo_monitor' }), opts).summary).toBe('set the source kind from None to NGO or monitor');
  });

  it('words comments, evidence, claims, text, metadata and handoffs', () => {
    const s = (e: AuditEvent) => describeEvent(e, opts).summary;
    expect(s(ev({ action: 'comment_added', new: 'Check it' }))).toBe('commented “Check it”');
    expect(s(ev({ action: 'comment_replied', new: 'Done' }))).toBe('replied to a comment: “Done”');
    expect(s(ev({ action: 'comment_edited', old: 'a', new: 'b' }))).toBe('edited a comment from “a” to “b”');
    expect(s(ev({ action: 'comment_deleted', old: 'a' }))).toBe('deleted a comment: “a”');
    expect(s(ev({ action: 'claim_updated', field: 'verification.evidence.ev-1', old: null, new: { title: 'Ministry statement', url: 'https://x.org' } }))).toBe('added evidence “Ministry statement”');
    expect(s(ev({ action: 'claim_created', new: 'ten troops' }))).toBe('marked the claim “ten troops”');
    expect(s(ev({ action: 'edit_text', old: 1200, new: 1210 }))).toBe('corrected the text here, the desk’s own edit (1,200 → 1,210 words)');
    expect(s(ev({ action: 'version_added', new: { number: 2, hash: 'a'.repeat(64), from: 'v2.html', unchanged: 3, moved: 0, changed: 1, gone: 1 } }))).toBe(
      'imported version 2 from the publisher (file v2.html): 3 claims unchanged, 1 changed, 1 gone',
    );
    expect(s(ev({ action: 'version_added', new: { number: 3, from: 'paste', unchanged: 1, moved: 2, changed: 0, gone: 0 } }))).toBe('imported version 3 from the publisher (pasted text): 1 claim unchanged, 2 moved');
    expect(s(ev({ action: 'version_added', new: { number: 4, from: 'paste', unchanged: 0, moved: 0, changed: 0, gone: 0 } }))).toBe('imported version 4 from the publisher (pasted text)');
    const ours = { number: 3, hash: 'a'.repeat(64), title: 'Ambush', importedAt: '2026-12-01T10:00:00.000Z', wordCount: 10 };
    const theirs = { ...ours, number: 2, hash: 'b'.repeat(64), title: 'Seventeen killed' };
    expect(s(ev({ action: 'conflict_resolved', field: 'version', old: ours, new: theirs }))).toBe('decided a version conflict: took the bundle’s text (version 2, “Seventeen killed”)');
    expect(s(ev({ action: 'conflict_resolved', field: 'version', old: ours, new: ours }))).toBe('decided a version conflict: kept this desk’s text (version 3, “Ambush”)');
    expect(s(ev({ action: 'edit_meta', field: 'meta.publisher', old: '', new: 'Reuters' }))).toBe('set the publisher to “Reuters”');
    expect(s(ev({ action: 'import', new: 'article.html' }))).toBe('imported the article from “article.html”');
    expect(s(ev({ action: 'conflict_resolved', field: 'verification.verdict', old: 'Mixed', new: 'False' }))).toBe('decided a conflict on the verdict: False');
  });

  it('clips long values at a word boundary and keeps the whole value for the disclosure', () => {
    const rationale = 'The ministry statement of 26 December gives fourteen dead, but the observatory counted seventeen, including three civilians.';
    const d = describeEvent(ev({ action: 'claim_updated', field: 'verification.rationale', old: '', new: rationale }), opts);
    expect(d.summary).toBe('set the rationale to “The ministry statement of 26 December gives fourteen dead, but the observatory…”');
    expect(d.full).toEqual([{ label: 'Rationale', text: rationale }]);
  });

  it('keeps hostile text inert and unknown actions readable', () => {
    expect(describeEvent(ev({ action: 'comment_added', new: 'a\u202Eb' }), opts).summary).toBe('commented “ab”');
    expect(describeEvent({ ...ev({ action: 'import' }), action: 'future_thing' as AuditEvent['action'] }, opts).summary).toBe('did future thing');
  });
});

describe('clipAtWord and formatWhen', () => {
  it('cuts at a word, or inside one word longer than the limit', () => {
    expect(clipAtWord('short')).toEqual({ text: 'short', clipped: false });
    expect(clipAtWord('one two three four', 9)).toEqual({ text: 'one two…', clipped: true });
    expect(clipAtWord('x'.repeat(100), 10)).toEqual({ text: `${'x'.repeat(10)}…`, clipped: true });
  });
  it('adds the year outside the current one and follows the time zone', () => {
    expect(formatWhen('2025-03-02T08:05:00.000Z', opts)).toBe('2 Mar 2025, 08:05');
    expect(formatWhen('2026-12-01T23:30:00.000Z', { ...opts, timeZone: 'Asia/Damascus' })).toBe('2 Dec, 02:30');
  });
});
