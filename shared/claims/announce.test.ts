import { describe, expect, it } from 'vitest';
import { claimAnnouncement } from './announce';

describe('claimAnnouncement', () => {
  it('says which claim, its words, verdict and status', () => {
    expect(claimAnnouncement({ number: 3, total: 12, quote: 'ten additional troops', verdict: 'False', status: 'done' })).toBe('Claim 3 of 12: ten additional troops, False, done');
  });

  it('clips a long quote at a word and says when there is no verdict', () => {
    const quote = 'Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday';
    expect(claimAnnouncement({ number: 1, total: 2, quote, verdict: null, status: 'in_progress' })).toBe(
      'Claim 1 of 2: Reports indicate that ten additional troops sustained…, no verdict, in progress',
    );
  });

  it('says weak sourcing in words', () => {
    expect(claimAnnouncement({ number: 2, total: 5, quote: 'ten troops', verdict: null, status: 'unreviewed', attribution: 'vague' })).toBe('Claim 2 of 5: ten troops, no verdict, unreviewed, weak sourcing: vague attribution');
    expect(claimAnnouncement({ number: 2, total: 5, quote: 'ten troops', verdict: null, status: 'unreviewed', attribution: 'none' })).toMatch(/weak sourcing: no attribution$/);
    expect(claimAnnouncement({ number: 2, total: 5, quote: 'ten troops', verdict: null, status: 'unreviewed', attribution: 'named' })).toBe('Claim 2 of 5: ten troops, no verdict, unreviewed');
  });

  it('names an orphaned claim as such', () => {
    expect(claimAnnouncement({ number: null, total: 2, quote: 'gone', verdict: null, status: 'unreviewed' })).toBe('Orphaned claim: gone, no verdict, unreviewed');
  });
});
