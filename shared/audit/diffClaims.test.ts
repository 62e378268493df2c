import { describe, expect, it } from 'vitest';
import { newClaimData, type Claim, type Comment } from '../schema/claim';
import { diffClaims, PROPOSAL_FIELD } from './diffClaims';

const target: Claim['target'] = { quote: { type: 'TextQuoteSelector', exact: 'ten troops', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 10 }, orphaned: false };
const claimWith = (...comments: Comment[]): Claim[] => [{ data: { ...newClaimData('claim-1', 'Ana', '2026-12-01T09:00:00.000Z'), comments }, target }];
let n = 0;
const stamp = { who: 'Ana', at: '2026-12-01T11:40:00.000Z', newId: () => `event-${String(++n).padStart(3, '0')}` };
const ana: Comment = { id: 'cm-ana-1', author: 'Ana', at: '2026-12-01T09:00:00.000Z', text: 'Check the figure.' };

describe('diffClaims on comments', () => {
  it('records a comment, a reply, an edit and a delete, with old and new text', () => {
    const reply: Comment = { id: 'cm-ben-1', author: 'Ben', at: '2026-12-01T10:00:00.000Z', text: 'Done.', replyTo: ana.id };
    expect(diffClaims(claimWith(), claimWith(ana), stamp)).toEqual([expect.objectContaining({ action: 'comment_added', who: 'Ana', claimId: 'claim-1', field: `comments.${ana.id}`, new: ana.text })]);
    expect(diffClaims(claimWith(ana), claimWith(ana, reply), stamp)).toEqual([expect.objectContaining({ action: 'comment_replied', field: `comments.${reply.id}`, new: 'Done.' })]);
    const edited = { ...ana, text: 'Check the ministry figure.', editedAt: stamp.at };
    expect(diffClaims(claimWith(ana, reply), claimWith(edited, reply), stamp)).toEqual([
      expect.objectContaining({ action: 'comment_edited', field: `comments.${ana.id}`, old: 'Check the figure.', new: 'Check the ministry figure.', at: stamp.at }),
    ]);
    expect(diffClaims(claimWith(edited, reply), claimWith(reply), stamp)).toEqual([expect.objectContaining({ action: 'comment_deleted', old: 'Check the ministry figure.' })]);
  });

  it('records what a claim new in this save already holds: its fields and comments', () => {
    const [claim] = claimWith(ana);
    const withVerdict: Claim = { ...claim!, data: { ...claim!.data, verification: { ...claim!.data.verification, verdict: 'False' } } };
    expect(diffClaims([], [withVerdict], stamp).map((e) => [e.action, e.field ?? null, e.new])).toEqual([
      ['claim_created', null, 'ten troops'],
      ['claim_updated', 'verification.verdict', 'False'],
      ['comment_added', `comments.${ana.id}`, ana.text],
    ]);
    expect(diffClaims([], claimWith(), stamp).map((e) => e.action)).toEqual(['claim_created']);
  });

  it('marks the creation of a claim that was an accepted proposal', () => {
    const [claim] = claimWith();
    const proposal = { score: 0.9, reasons: ['casualty figure'], strength: 'vague' as const, acceptedBy: 'Ana', acceptedAt: stamp.at };
    const accepted: Claim = { ...claim!, data: { ...claim!.data, proposal } };
    expect(diffClaims([], [accepted], stamp)).toEqual([expect.objectContaining({ action: 'claim_created', field: PROPOSAL_FIELD, new: 'ten troops' })]);
    expect(diffClaims([accepted], [accepted], stamp)).toEqual([]);
  });

  it('records nothing when the comments did not change', () => {
    expect(diffClaims(claimWith(ana), claimWith({ ...ana }), stamp)).toEqual([]);
  });
});
