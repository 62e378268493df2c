import { describe, expect, it } from 'vitest';
import { Claim } from '../schema/claim';
import { diffClaims } from '../audit/diffClaims';
import { decideConflict, mergeClaims, resolveConflict, type Conflict, type MergeResult } from './mergeClaims';
import { CLAIM_FIELD_PATHS, deepEqual } from '../claims/fields';
import { doneWithoutVerdict, setStatus, signOff } from '../claims/status';
import type { ClaimData, ClaimStatus, Comment } from '../schema/claim';
import { baseClaims, claimOn, comment, edit, evidence, get, remove, text, withComment, withEvidence, withSourceName, withVerdict } from './testing';

const merge = (base: Claim[] | null, ours: Claim[], theirs: Claim[]): MergeResult => mergeClaims(base, ours, theirs, { text });

function expectValid(r: MergeResult): void {
  for (const c of r.claims) expect(Claim.safeParse(c).success, c.data.id).toBe(true);
  const ids = r.claims.map((c) => c.data.id);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('CLAIM_FIELDS', () => {
  it('are the fields diffClaims reports', () => {
    const before = baseClaims();
    const after = edit(before, 'claim-vague', (d) => ({
      ...d,
      attribution: { sourceName: 'X', sourceKind: 'official', kind: 'named', cue: 'said', traced: { url: 'https://a.example/', title: 't', publisher: 'p', date: '2024-01-01', archivedUrl: 'https://b.example/' } },
      verification: { ...d.verification, status: 'done', verdict: 'False', confidence: 'high', rationale: 'r', secondReview: { requestedBy: 'Ana', requestedAt: '2026-12-01T09:00:00.000Z', signedOffBy: 'Ben', signedOffAt: '2026-12-01T09:30:00.000Z' } },
    }));
    const fields = diffClaims(before, after, { who: 'x', at: '2026-12-01T10:00:00.000Z', newId: () => 'id-000001' }).map((e) => e.field);
    expect(fields).toEqual([...CLAIM_FIELD_PATHS]);
  });
});

describe('mergeClaims', () => {
  it('takes disjoint edits from both sides', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-named', withVerdict('Mixed'), 'Ana', '2026-12-01T10:00:00.000Z');
    const theirs = edit(base, 'claim-named', withSourceName('SOHR'), 'Ben', '2026-12-02T10:00:00.000Z');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    const c = get(r.claims, 'claim-named');
    expect(c.data.verification.verdict).toBe('Mixed');
    expect(c.data.attribution.sourceName).toBe('SOHR');
    // The later of the two stamps.
    expect([c.data.updatedBy, c.data.updatedAt]).toEqual(['Ben', '2026-12-02T10:00:00.000Z']);
    expect(r.claims.map((x) => x.data.id)).toEqual(base.map((x) => x.data.id));
    expect(r.added).toEqual([]);
    expectValid(r);
  });

  it('keeps ours stamp when nothing came from theirs', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-named', withVerdict('Mixed'), 'Ana', '2026-12-01T10:00:00.000Z');
    const r = merge(base, ours, base);
    expect(r.claims).toEqual(ours);
  });

  it('takes the same edit on both sides without a conflict', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-named', withVerdict('False'), 'Ana');
    const theirs = edit(base, 'claim-named', withVerdict('False'), 'Ben');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(get(r.claims, 'claim-named').data.verification.verdict).toBe('False');
  });

  it('reports conflicting edits, keeps ours, and resolves them either way', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-named', withVerdict('Mixed'));
    const theirs = edit(base, 'claim-named', withVerdict('False'));
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([{ claimId: 'claim-named', field: 'verification.verdict', base: 'Mostly true', ours: 'Mixed', theirs: 'False' }]);
    expect(get(r.claims, 'claim-named').data.verification.verdict).toBe('Mixed');
    const [conflict] = r.conflicts;
    if (!conflict) throw new Error('no conflict');
    const t = resolveConflict(r.claims, conflict, 'theirs');
    expect(get(t, 'claim-named').data.verification.verdict).toBe('False');
    expect(get(resolveConflict(t, conflict, 'ours'), 'claim-named').data.verification.verdict).toBe('Mixed');
    // Only that field of that claim changes.
    expect(remove(t, 'claim-named')).toEqual(remove(r.claims, 'claim-named'));
    expect(resolveConflict(r.claims, conflict, 'ours')).toEqual(r.claims);
  });

  it('with unknown history, every differing field is a conflict (base undefined)', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-named', withVerdict('Mixed'));
    const theirs = edit(base, 'claim-named', withSourceName('SOHR'));
    const r = merge(null, ours, theirs);
    expect(r.conflicts.map((c) => [c.field, c.base, c.ours, c.theirs])).toEqual([
      ['attribution.sourceName', undefined, 'Syrian Observatory for Human Rights', 'SOHR'],
      ['verification.verdict', undefined, 'Mixed', 'Mostly true'],
    ]);
    expect(get(r.claims, 'claim-named').data.verification.verdict).toBe('Mixed');
    expect(merge(null, ours, ours).conflicts).toEqual([]);
  });

  it('deletion on one side and edit on the other: the claim is kept and reported', () => {
    const base = baseClaims();
    // We deleted claim-vague, they edited it.
    const r1 = merge(base, remove(base, 'claim-vague'), edit(base, 'claim-vague', withVerdict('False')));
    expect(get(r1.claims, 'claim-vague').data.verification.verdict).toBe('False');
    expect(r1.deletedHere).toEqual(['claim-vague']);
    expect(r1.added).toEqual([]);
    expect(r1.notes.some((n) => n.includes('claim-vague') && n.includes('restored'))).toBe(true);
    // They deleted claim-none, we edited it.
    const r2 = merge(base, edit(base, 'claim-none', withSourceName('Kremlin')), remove(base, 'claim-none'));
    expect(get(r2.claims, 'claim-none').data.attribution.sourceName).toBe('Kremlin');
    expect(r2.deletedHere).toEqual([]);
    expect(r2.notes.some((n) => n.includes('claim-none') && n.includes('kept'))).toBe(true);
    expectValid(r1);
    expectValid(r2);
  });

  it('deletion on one side and no change on the other: deleted', () => {
    const base = baseClaims();
    const r1 = merge(base, remove(base, 'claim-vague'), base);
    expect(r1.claims.map((c) => c.data.id)).toEqual(['claim-none', 'claim-named', 'claim-orphan']);
    const r2 = merge(base, base, remove(base, 'claim-vague'));
    expect(r2.claims.map((c) => c.data.id)).toEqual(['claim-none', 'claim-named', 'claim-orphan']);
    expect(r2.notes.some((n) => n.includes('claim-vague') && n.includes('deleted'))).toBe(true);
    // Edited and changed back (only the stamp differs) is unchanged; a changed comment list is an edit.
    const same = edit(base, 'claim-vague', (d) => d);
    expect(merge(base, remove(base, 'claim-vague'), same).claims.some((c) => c.data.id === 'claim-vague')).toBe(false);
    const commented = edit(base, 'claim-vague', withComment(comment('cm-t-0009', '2026-12-01T10:00:00.000Z')));
    expect(merge(base, remove(base, 'claim-vague'), commented).deletedHere).toEqual(['claim-vague']);
  });

  it('orphaned here, placed in the bundle: takes their target when their words are in the text', () => {
    const base = baseClaims();
    const orphan = get(base, 'claim-orphan');
    expect(orphan.target.orphaned).toBe(true);
    const placed = claimOn(text, 'HTS has committed to safeguarding', 'claim-orphan').target;
    const theirs = base.map((c) => (c.data.id === 'claim-orphan' ? { ...c, target: placed } : c));
    const r = merge(base, base, theirs);
    expect(get(r.claims, 'claim-orphan').target).toEqual(placed);
    expect(text.slice(placed.position.start, placed.position.end)).toBe('HTS has committed to safeguarding');
    expect(r.notes.some((n) => n.includes('claim-orphan') && n.includes('re-attached'))).toBe(true);
    // Their words are not in this text: it stays orphaned.
    const gone = { ...placed, quote: { ...placed.quote, exact: 'words that are not in the article' } };
    const r2 = merge(base, base, base.map((c) => (c.data.id === 'claim-orphan' ? { ...c, target: gone } : c)));
    expect(get(r2.claims, 'claim-orphan').target).toEqual(orphan.target);
    // Placed here: ours is kept even if theirs is orphaned.
    const named = get(base, 'claim-named');
    const r3 = merge(base, base, base.map((c) => (c.data.id === 'claim-named' ? { ...c, target: { ...c.target, orphaned: true } } : c)));
    expect(get(r3.claims, 'claim-named').target).toEqual(named.target);
  });

  it('re-anchors a claim taken from theirs, or keeps it orphaned', () => {
    const base = baseClaims();
    const added = claimOn(text, 'an overnight curfew in the central city of Homs', 'claim-t-new');
    const shifted: Claim = { ...added, target: { ...added.target, position: { type: 'TextPositionSelector', start: added.target.position.start + 5, end: added.target.position.end + 5 } } };
    const r = merge(base, base, [...base, shifted]);
    expect(r.added).toEqual(['claim-t-new']);
    expect(get(r.claims, 'claim-t-new').target).toEqual(added.target);
    const lost: Claim = { ...added, target: { ...added.target, quote: { ...added.target.quote, exact: 'not in the article at all' } } };
    const r2 = merge(base, base, [...base, lost]);
    expect(get(r2.claims, 'claim-t-new').target.orphaned).toBe(true);
    expect(r2.notes.some((n) => n.includes('orphaned'))).toBe(true);
  });

  it('matches new claims by overlapping anchors: ours keeps its id, fields filled on one side are taken', () => {
    const base = baseClaims();
    const o = claimOn(text, 'ambush attributed to supporters of the ousted President Bashar al-Assad', 'claim-o-new', withVerdict('Mixed'));
    const t = claimOn(text, 'killed in an ambush attributed to supporters', 'claim-t-new', (d) => ({ ...withSourceName('Rebel authorities')(d), comments: [comment('cm-t-0001', '2026-12-01T10:00:00.000Z')] }));
    const far = claimOn(text, 'an overnight curfew in the central city of Homs', 'claim-t-far');
    const r = merge(base, [...base, o], [...base, t, far]);
    expect(r.matchedByAnchor).toEqual([{ ours: 'claim-o-new', theirs: 'claim-t-new' }]);
    expect(r.conflicts).toEqual([]);
    expect(r.added).toEqual(['claim-t-far']);
    const m = get(r.claims, 'claim-o-new');
    expect(m.target).toEqual(o.target);
    expect(m.data.verification.verdict).toBe('Mixed');
    expect(m.data.attribution.sourceName).toBe('Rebel authorities');
    expect(m.data.comments.map((c) => c.id)).toEqual(['cm-t-0001']);
    expect(r.claims.some((c) => c.data.id === 'claim-t-new')).toBe(false);
    // Both filled in the same field differently: a conflict.
    const r2 = merge(base, [...base, o], [...base, { ...t, data: withVerdict('False')(t.data) }]);
    expect(r2.conflicts).toEqual([{ claimId: 'claim-o-new', field: 'verification.verdict', base: null, ours: 'Mixed', theirs: 'False' }]);
    expectValid(r);
  });

  it('does not match claims overlapping by less than half, or claims of the common history', () => {
    const base = baseClaims();
    const o = claimOn(text, 'rebel-led authorities in Syria have reported that 14 troops', 'claim-o-new');
    const t = claimOn(text, '14 troops from the interior ministry were killed in an ambush', 'claim-t-new');
    const r = merge(base, [...base, o], [...base, t]);
    expect(r.matchedByAnchor).toEqual([]);
    expect(r.added).toEqual(['claim-t-new']);
    // A new claim of theirs on the words of a claim we both had is not merged into it.
    const dup = claimOn(text, 'Assad and his family have sought refuge in Russia', 'claim-t-dup');
    const r2 = merge(base, base, [...base, dup]);
    expect(r2.matchedByAnchor).toEqual([]);
    expect(r2.added).toEqual(['claim-t-dup']);
  });

  it('matches orphaned new claims by identical quote', () => {
    const o = claimOn(text, 'Assad and his family have sought refuge in Russia', 'claim-o-new');
    const t = claimOn(text, 'Assad and his family have sought refuge in Russia', 'claim-t-new');
    const r = merge([], [{ ...o, target: { ...o.target, orphaned: true } }], [t]);
    expect(r.matchedByAnchor).toEqual([{ ours: 'claim-o-new', theirs: 'claim-t-new' }]);
    // Re-attached where theirs places it.
    expect(r.claims).toEqual([{ data: o.data, target: t.target }]);
  });

  it('unions comments and evidence', () => {
    const base = baseClaims();
    const ours = edit(edit(base, 'claim-named', withComment(comment('cm-o-0001', '2026-12-01T12:00:00.000Z'))), 'claim-none', withEvidence(evidence('ev-o-0001')));
    const theirs = edit(
      edit(base, 'claim-named', (d) => withEvidence(evidence('ev-t-0001'))(withComment(comment('cm-t-0001', '2026-12-01T11:00:00.000Z'))(d))),
      'claim-none',
      withEvidence(evidence('ev-t-0002')),
    );
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    const named = get(r.claims, 'claim-named').data;
    // In time order: theirs' 11:00 comment goes before ours' 12:00 one.
    expect(named.comments.map((c) => c.id)).toEqual(['cm-0001', 'cm-t-0001', 'cm-o-0001']);
    expect(named.verification.evidence.map((e) => e.id)).toEqual(['ev-0001', 'ev-t-0001']);
    expect(get(r.claims, 'claim-none').data.verification.evidence.map((e) => e.id)).toEqual(['ev-0002', 'ev-o-0001', 'ev-t-0002']);
    expectValid(r);
  });

  it('merges an evidence item by id: one-sided change taken, two different changes a conflict', () => {
    const base = baseClaims();
    const retitle = (title: string) => (d: Claim['data']): Claim['data'] => ({
      ...d,
      verification: { ...d.verification, evidence: d.verification.evidence.map((e) => (e.id === 'ev-0001' ? { ...e, title } : e)) },
    });
    const r1 = merge(base, base, edit(base, 'claim-named', retitle('Theirs')));
    expect(get(r1.claims, 'claim-named').data.verification.evidence[0]?.title).toBe('Theirs');
    const r2 = merge(base, edit(base, 'claim-named', retitle('Ours')), edit(base, 'claim-named', retitle('Theirs')));
    expect(r2.conflicts.map((c) => c.field)).toEqual(['verification.evidence.ev-0001']);
    const [c] = r2.conflicts;
    if (!c) throw new Error('no conflict');
    expect(get(r2.claims, 'claim-named').data.verification.evidence[0]?.title).toBe('Ours');
    expect(get(resolveConflict(r2.claims, c, 'theirs'), 'claim-named').data.verification.evidence[0]?.title).toBe('Theirs');
  });

  it('evidence deleted on one side: deleted if unchanged on the other, else kept with a conflict', () => {
    const base = baseClaims();
    const drop = (d: Claim['data']): Claim['data'] => ({ ...d, verification: { ...d.verification, evidence: [] } });
    const r1 = merge(base, edit(base, 'claim-named', drop), base);
    expect(get(r1.claims, 'claim-named').data.verification.evidence).toEqual([]);
    expect(r1.conflicts).toEqual([]);
    const changed = (d: Claim['data']): Claim['data'] => ({ ...d, verification: { ...d.verification, evidence: d.verification.evidence.map((e) => ({ ...e, stance: 'refutes' as const })) } });
    const r2 = merge(base, edit(base, 'claim-named', drop), edit(base, 'claim-named', changed));
    const [c] = r2.conflicts;
    if (!c) throw new Error('no conflict');
    expect(c.field).toBe('verification.evidence.ev-0001');
    expect(c.ours).toBeNull();
    expect(get(r2.claims, 'claim-named').data.verification.evidence.map((e) => e.stance)).toEqual(['refutes']);
    expect(get(resolveConflict(r2.claims, c, 'ours'), 'claim-named').data.verification.evidence).toEqual([]);
  });

  it('honours a comment deleted on one side and left as it was on the other, and keeps the other side\'s replies to it', () => {
    const base = baseClaims();
    const noComments = (d: Claim['data']): Claim['data'] => ({ ...d, comments: [] });
    const reply: Comment = { ...comment('cm-t-0002', '2026-12-01T12:00:00.000Z', 'I agree', 'Ben'), replyTo: 'cm-0001' };
    const r = merge(base, edit(base, 'claim-named', noComments), edit(base, 'claim-named', withComment(reply)));
    expect(get(r.claims, 'claim-named').data.comments).toEqual([reply]);
    expect(r.conflicts).toEqual([]);
    expect(r.notes.some((n) => n.includes('a comment deleted on one side is deleted'))).toBe(true);
    // The same from the other side: they deleted it.
    const r2 = merge(base, base, edit(base, 'claim-named', noComments));
    expect(get(r2.claims, 'claim-named').data.comments).toEqual([]);
  });

  it('keeps a comment edited on one side and deleted on the other, as a conflict', () => {
    const base = baseClaims();
    const original = get(base, 'claim-named').data.comments[0]!;
    const edited = { ...original, text: 'Corrected note', editedAt: '2026-12-01T12:00:00.000Z' };
    const r = merge(base, edit(base, 'claim-named', (d) => ({ ...d, comments: [edited] })), edit(base, 'claim-named', (d) => ({ ...d, comments: [] })));
    expect(get(r.claims, 'claim-named').data.comments).toEqual([edited]);
    expect(r.conflicts.map((c) => [c.field, c.ours, c.theirs])).toEqual([[`comments.${original.id}`, edited, null]]);
    expect(get(resolveConflict(r.claims, r.conflicts[0]!, 'theirs'), 'claim-named').data.comments).toEqual([]);
  });

  it('takes an edit made on one side, and reports a conflict when both sides edited a comment differently', () => {
    const base = baseClaims();
    const original = get(base, 'claim-named').data.comments[0]!;
    const ours = { ...original, text: 'Ours', editedAt: '2026-12-01T12:00:00.000Z' };
    const theirs = { ...original, text: 'Theirs', editedAt: '2026-12-01T13:00:00.000Z' };
    const set = (c: Comment) => (d: Claim['data']): Claim['data'] => ({ ...d, comments: [c] });
    expect(get(merge(base, base, edit(base, 'claim-named', set(theirs))).claims, 'claim-named').data.comments).toEqual([theirs]);
    const both = merge(base, edit(base, 'claim-named', set(ours)), edit(base, 'claim-named', set(theirs)));
    expect(get(both.claims, 'claim-named').data.comments).toEqual([ours]);
    expect(both.conflicts.map((c) => c.field)).toEqual([`comments.${original.id}`]);
    // Unknown history: the side with the edit of the same comment is taken; two edits are a conflict.
    expect(get(merge(null, base, edit(base, 'claim-named', set(theirs))).claims, 'claim-named').data.comments).toEqual([theirs]);
    expect(merge(null, edit(base, 'claim-named', set(ours)), edit(base, 'claim-named', set(theirs))).conflicts).toHaveLength(1);
  });

  it('merges comments from stores written before replies and edits existed', () => {
    const base = baseClaims();
    const old = { id: 'cm-o-0009', author: 'Ana', at: '2026-12-01T09:00:00.000Z', text: 'Old-style comment' };
    const r = merge(base, edit(base, 'claim-named', withComment(old)), base);
    expect(get(r.claims, 'claim-named').data.comments.at(-1)).toEqual(old);
  });

  it('does not leave a claim done without a verdict', () => {
    const base = baseClaims();
    // claim-vague: in progress with verdict Unverifiable. We mark it done; they clear the verdict.
    const ours = edit(base, 'claim-vague', (d) => ({ ...d, verification: { ...d.verification, status: 'done' } }));
    const theirs = edit(base, 'claim-vague', withVerdict(null));
    const r = merge(base, ours, theirs);
    const v = get(r.claims, 'claim-vague').data.verification;
    expect([v.status, v.verdict]).toEqual(['in_progress', null]);
    expect(r.notes.some((n) => n.includes('claim-vague') && n.includes('in progress'))).toBe(true);
    expectValid(r);
    // Resolving a conflict to no verdict on a done claim also leaves it in progress.
    const r2 = merge(base, edit(base, 'claim-named', withVerdict('Mixed')), edit(base, 'claim-named', (d) => ({ ...d, verification: { ...d.verification, verdict: null, status: 'done' } })));
    // theirs is invalid (done, no verdict) as sent; the merge still yields valid claims.
    const [c] = r2.conflicts;
    if (!c) throw new Error('no conflict');
    const resolved = get(resolveConflict(r2.claims, c, 'theirs'), 'claim-named').data.verification;
    expect([resolved.status, resolved.verdict]).toEqual(['in_progress', null]);
  });

  it('merging the same bundle twice changes nothing the second time', () => {
    const base = baseClaims();
    const o = claimOn(text, 'ambush attributed to supporters of the ousted President Bashar al-Assad', 'claim-o-new', withVerdict('Mixed'));
    const t = claimOn(text, 'killed in an ambush attributed to supporters', 'claim-t-new', withSourceName('Rebel authorities'));
    const far = claimOn(text, 'an overnight curfew in the central city of Homs', 'claim-t-far');
    let ours = edit(base, 'claim-named', (d) => withComment(comment('cm-o-0001', '2026-12-01T12:00:00.000Z'))(withVerdict('Mixed')(d)), 'Ana', '2026-12-01T12:00:00.000Z');
    ours = remove(ours, 'claim-vague');
    ours = [...ours, o];
    let theirs = edit(base, 'claim-named', (d) => withEvidence(evidence('ev-t-0001'))(withVerdict('False')(d)), 'Ben', '2026-12-02T12:00:00.000Z');
    theirs = edit(theirs, 'claim-vague', withSourceName('Interior ministry'), 'Ben', '2026-12-02T12:00:00.000Z');
    theirs = remove(theirs, 'claim-none');
    theirs = theirs.map((c) => (c.data.id === 'claim-orphan' ? { ...c, target: claimOn(text, 'HTS has committed to safeguarding', 'x').target } : c));
    theirs = [...theirs, t, far];
    const first = merge(base, ours, theirs);
    expect(first.conflicts.length).toBeGreaterThan(0);
    expect(first.deletedHere).toEqual(['claim-vague']);
    expectValid(first);
    const second = merge(theirs, first.claims, theirs);
    expect(second.claims).toEqual(first.claims);
    expect(second.conflicts).toEqual([]);
    expect(second.added).toEqual([]);
    expect(second.deletedHere).toEqual([]);
    expect(second.matchedByAnchor).toEqual([]);
    // And after resolving the conflicts, the bundle still changes nothing.
    const resolved = first.conflicts.reduce((cs, c) => resolveConflict(cs, c, 'theirs'), first.claims);
    expect(merge(theirs, resolved, theirs).claims).toEqual(resolved);
    // The merge's audit trail is diffClaims(ours, merged); a second merge adds none.
    expect(diffClaims(first.claims, second.claims, { who: 'x', at: '2026-12-03T00:00:00.000Z', newId: () => 'id-000001' })).toEqual([]);
  });

  it('merge(b, x, x) is x', () => {
    const base = baseClaims();
    const x = [...remove(edit(base, 'claim-named', withVerdict('False')), 'claim-none'), claimOn(text, 'an overnight curfew', 'claim-x-new')];
    expect(merge(base, x, x).claims).toEqual(x);
    expect(merge(null, x, x).claims).toEqual(x);
    expect(merge(base, x, x).conflicts).toEqual([]);
    expect(deepEqual(merge(base, base, base).claims, base)).toBe(true);
  });
});

/** A status change or sign-off through the app's own rules (a failed one throws). */
const status = (value: ClaimStatus, who: string, at = '2026-12-01T09:00:00.000Z') => (d: ClaimData): ClaimData => {
  const r = setStatus(d, value, who, at);
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const signedOffBy = (who: string, at = '2026-12-01T11:00:00.000Z') => (d: ClaimData): ClaimData => {
  const r = signOff(d, who, at);
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const withConfidence = (confidence: ClaimData['verification']['confidence']) => (d: ClaimData): ClaimData => ({ ...d, verification: { ...d.verification, confidence } });
const only = (r: MergeResult, field: string): Conflict => {
  const c = r.conflicts.find((x) => x.field === field);
  if (!c) throw new Error(`no conflict on ${field}`);
  return c;
};
const verification = (claims: Claim[]) => get(claims, 'claim-vague').data.verification;

describe('mergeClaims: fields that depend on a field in conflict', () => {
  // claim-vague: in progress, verdict Unverifiable, no confidence.
  it('does not take their Done while the verdict is in conflict; deciding the verdict for theirs brings it', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-vague', withVerdict('Mixed'), 'Ana');
    const theirs = edit(base, 'claim-vague', (d) => withConfidence('high')(status('done', 'Ben')(withVerdict('Mostly false')(d))), 'Ben');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([
      {
        claimId: 'claim-vague',
        field: 'verification.verdict',
        base: 'Unverifiable',
        ours: 'Mixed',
        theirs: 'Mostly false',
        held: [
          { field: 'verification.status', ours: 'in_progress', theirs: 'done' },
          { field: 'verification.confidence', ours: null, theirs: 'high' },
        ],
      },
    ]);
    // Not "Done · Mixed", which nobody said, nor "Done · Mostly false", which we never signed.
    expect([verification(r.claims).status, verification(r.claims).verdict, verification(r.claims).confidence]).toEqual(['in_progress', 'Mixed', null]);
    expect(r.notes.some((n) => n.includes('claim-vague') && n.includes('status, confidence went with its verdict'))).toBe(true);
    expectValid(r);

    const conflict = only(r, 'verification.verdict');
    const t = verification(resolveConflict(r.claims, conflict, 'theirs'));
    expect([t.status, t.verdict, t.confidence]).toEqual(['done', 'Mostly false', 'high']);
    expect(resolveConflict(r.claims, conflict, 'ours')).toEqual(r.claims);
  });

  it('holds back a sign-off and the Done it set while the verdict is in conflict', () => {
    const asked = edit(baseClaims(), 'claim-vague', status('needs_second_review', 'Ana'), 'Ana');
    const ours = edit(asked, 'claim-vague', withVerdict('Mixed'), 'Ana');
    const theirs = edit(asked, 'claim-vague', (d) => signedOffBy('Ben')(withVerdict('False')(d)), 'Ben');
    const r = merge(asked, ours, theirs);
    expect(r.conflicts.map((c) => [c.field, c.held?.map((h) => h.field)])).toEqual([['verification.verdict', ['verification.status', 'verification.secondReview']]]);
    const v = verification(r.claims);
    expect([v.status, v.verdict, v.secondReview?.signedOffBy]).toEqual(['needs_second_review', 'Mixed', null]);
    const t = verification(resolveConflict(r.claims, only(r, 'verification.verdict'), 'theirs'));
    expect([t.status, t.verdict, t.secondReview?.signedOffBy]).toEqual(['done', 'False', 'Ben']);
  });

  it('a field waiting for two conflicts comes only when both are decided for theirs', () => {
    // Ana asked again for a second review (a new request) and changed the verdict; Ben signed the old request off.
    const asked = edit(baseClaims(), 'claim-vague', status('needs_second_review', 'Ana', '2026-12-01T08:00:00.000Z'), 'Ana');
    const ours = edit(asked, 'claim-vague', (d) => withVerdict('Mixed')(status('needs_second_review', 'Ana', '2026-12-01T10:00:00.000Z')(status('in_progress', 'Ana')(d))), 'Ana');
    const theirs = edit(asked, 'claim-vague', (d) => signedOffBy('Ben')(withVerdict('False')(d)), 'Ben');
    const r = merge(asked, ours, theirs);
    expect(r.conflicts.map((c) => [c.field, c.held?.map((h) => h.field)])).toEqual([
      ['verification.verdict', ['verification.status']],
      ['verification.secondReview', ['verification.status']],
    ]);
    expect(verification(r.claims).status).toBe('needs_second_review');
    const [verdict, review] = [only(r, 'verification.verdict'), only(r, 'verification.secondReview')];

    // Theirs, then theirs: Done arrives with the second decision, whichever order.
    for (const [first, second] of [[verdict, review], [review, verdict]] as const) {
      const one = decideConflict(r.claims, r.conflicts, first, 'theirs');
      expect(verification(one.claims).status).toBe('needs_second_review');
      expect(one.open).toHaveLength(1);
      const two = decideConflict(one.claims, one.open, second, 'theirs');
      expect(verification(two.claims)).toMatchObject({ status: 'done', verdict: 'False', secondReview: { signedOffBy: 'Ben' } });
      expect(two.open).toEqual([]);
    }
    // Ours on the verdict: their Done is not brought by the other conflict either.
    const kept = decideConflict(r.claims, r.conflicts, verdict, 'ours');
    expect(kept.open.map((c) => [c.field, c.held])).toEqual([['verification.secondReview', []]]);
    const after = decideConflict(kept.claims, kept.open, review, 'theirs');
    expect(verification(after.claims)).toMatchObject({ status: 'needs_second_review', verdict: 'Mixed', secondReview: { signedOffBy: 'Ben' } });
  });

  it('a held field changed here since the merge keeps the later change', () => {
    const base = baseClaims();
    const r = merge(base, edit(base, 'claim-vague', withVerdict('Mixed')), edit(base, 'claim-vague', (d) => status('done', 'Ben')(withVerdict('False')(d))));
    const changed = edit(r.claims, 'claim-vague', status('needs_second_review', 'Ana'), 'Ana');
    const t = verification(resolveConflict(changed, only(r, 'verification.verdict'), 'theirs'));
    expect([t.status, t.verdict]).toEqual(['needs_second_review', 'False']);
  });

  it('a dependent field both sides changed is a conflict of its own, not held', () => {
    const base = baseClaims();
    const ours = edit(base, 'claim-vague', (d) => status('done', 'Ana')(withVerdict('Mixed')(d)));
    const theirs = edit(base, 'claim-vague', (d) => status('needs_second_review', 'Ben')(withVerdict('False')(d)));
    const r = merge(base, ours, theirs);
    // Their request for a second review waits for both: it asks a second look at their verdict, with their status.
    const request = { field: 'verification.secondReview', ours: null, theirs: expect.objectContaining({ requestedBy: 'Ben' }) };
    expect(r.conflicts.map((c) => [c.field, c.held])).toEqual([
      ['verification.status', [request]],
      ['verification.verdict', [request]],
    ]);
    expect(verification(r.claims)).toMatchObject({ status: 'done', verdict: 'Mixed', secondReview: null });
    for (const c of r.claims) expect(doneWithoutVerdict(c.data.verification)).toBe(false);
  });

  it('fields that do not depend on the verdict are still taken', () => {
    const base = baseClaims();
    const r = merge(base, edit(base, 'claim-vague', withVerdict('Mixed')), edit(base, 'claim-vague', (d) => withSourceName('Interior ministry')(withVerdict('False')(d))));
    expect(get(r.claims, 'claim-vague').data.attribution.sourceName).toBe('Interior ministry');
    expect(only(r, 'verification.verdict').held).toBeUndefined();
  });
});

