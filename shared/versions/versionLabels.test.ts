import { describe, expect, it } from 'vitest';
import { carryCounts, carrySentence, versionAddedSentence, versionSource } from './versionLabels';

describe('version labels', () => {
  it('names where a version came from', () => {
    expect(versionSource({ kind: 'file', fileName: 'v2.html' })).toBe('v2.html');
    expect(versionSource({ kind: 'paste' })).toBe('pasted text');
  });

  it('sums up how the claims came over, changed and gone first', () => {
    const carried = (['changed', 'changed', 'gone', 'unchanged'] as const).map((outcome) => ({ outcome, claimId: 'x', method: 'diff' as const, before: 'a', after: 'b' }));
    expect(carrySentence(carryCounts(carried))).toBe('2 claims changed, 1 gone');
    expect(versionAddedSentence({ number: 2, carried })).toBe('Version 2 added: 2 claims changed, 1 gone.');
    const counts = { unchanged: 0, moved: 0, changed: 0, gone: 0 };
    expect(carrySentence({ ...counts, unchanged: 1 })).toBe('1 claim unchanged');
    expect(carrySentence(counts)).toBe('no claims to carry over');
    expect(carrySentence({ ...counts, moved: 1 })).toBe('1 claim moved');
  });
});

describe('claimVersionFlags', () => {
  it('flags changed and gone claims with the version that did it', async () => {
    const { claimVersionFlags } = await import('./versionLabels');
    const flags = claimVersionFlags([
      { claimId: 'a', outcome: 'changed', inVersions: [2] },
      { claimId: 'b', outcome: 'gone', inVersions: [2, 3] },
      { claimId: 'c', outcome: 'moved', inVersions: [2] },
    ]);
    expect([...flags]).toEqual([
      ['a', 'changed in v2'],
      ['b', 'gone in v3'],
    ]);
  });
});
