import { describe, expect, it } from 'vitest';
import type { CarriedClaim } from '../schema/version';
import { claimChangesSinceFirstSeen } from './changesSinceFirstSeen';

const carried = (claimId: string, outcome: CarriedClaim['outcome'], before: string, after: string | null = before): CarriedClaim => ({
  claimId,
  outcome,
  method: outcome === 'gone' ? 'none' : 'diff',
  before,
  after: outcome === 'gone' ? null : after,
});
const v = (number: number, ...records: CarriedClaim[]) => ({ number, carried: records });

describe('claimChangesSinceFirstSeen', () => {
  it('lists nothing for one version, or for versions that kept every claim', () => {
    expect(claimChangesSinceFirstSeen([v(1)])).toEqual([]);
    expect(claimChangesSinceFirstSeen([v(1), v(2, carried('a', 'unchanged', '14 died')), v(3, carried('a', 'unchanged', '14 died'))])).toEqual([]);
  });

  it('does not list a claim whose words changed in one version and came back in the next', () => {
    const versions = [v(1), v(2, carried('a', 'changed', '14 died', '17 died')), v(3, carried('a', 'changed', '17 died', '14 died'))];
    expect(claimChangesSinceFirstSeen(versions)).toEqual([]);
  });

  it('lists a claim changed since first seen with its first and current words and the versions that changed it', () => {
    const versions = [v(1), v(2, carried('a', 'changed', '14 died', '17 died')), v(3, carried('a', 'unchanged', '17 died')), v(4, carried('a', 'changed', '17 died', '19 died'))];
    expect(claimChangesSinceFirstSeen(versions)).toEqual([{ claimId: 'a', outcome: 'changed', firstWords: '14 died', currentWords: '19 died', inVersions: [2, 4] }]);
  });

  it('lists a gone claim once, without current words, though later versions list it gone again', () => {
    const versions = [v(1), v(2, carried('a', 'gone', 'according to the ministry')), v(3, carried('a', 'gone', 'according to the ministry'))];
    expect(claimChangesSinceFirstSeen(versions)).toEqual([{ claimId: 'a', outcome: 'gone', firstWords: 'according to the ministry', currentWords: null, inVersions: [2] }]);
  });

  it('lists a claim that only moved as moved, and one moved then changed as changed', () => {
    const versions = [
      v(1),
      v(2, carried('moved', 'moved', 'a curfew'), carried('both', 'moved', 'state media said')),
      v(3, carried('moved', 'unchanged', 'a curfew'), carried('both', 'changed', 'state media said', 'state media claimed')),
    ];
    expect(claimChangesSinceFirstSeen(versions)).toEqual([
      { claimId: 'both', outcome: 'changed', firstWords: 'state media said', currentWords: 'state media claimed', inVersions: [2, 3] },
      { claimId: 'moved', outcome: 'moved', firstWords: 'a curfew', currentWords: 'a curfew', inVersions: [2] },
    ]);
  });

  it('puts gone claims first, then changed, then moved, each in the order first seen; versions in any order', () => {
    const versions = [
      v(3, carried('c', 'gone', 'three'), carried('a', 'unchanged', 'one*')),
      v(1),
      v(2, carried('m', 'moved', 'moved words'), carried('a', 'changed', 'one', 'one*'), carried('c', 'unchanged', 'three'), carried('g', 'gone', 'gone words')),
    ];
    expect(claimChangesSinceFirstSeen(versions).map((c) => [c.claimId, c.outcome])).toEqual([
      ['c', 'gone'],
      ['g', 'gone'],
      ['a', 'changed'],
      ['m', 'moved'],
    ]);
  });

  it('takes a claim first seen in a later version (marked after the first import) from its first record', () => {
    const versions = [v(1), v(2), v(3, carried('late', 'changed', 'ten', '12'))];
    expect(claimChangesSinceFirstSeen(versions)).toEqual([{ claimId: 'late', outcome: 'changed', firstWords: 'ten', currentWords: '12', inVersions: [3] }]);
  });
});
