import { describe, expect, it } from 'vitest';
import { carryCounts, carrySentence, versionAddedSentence, versionSource } from './versionLabels';

describe('version labels', () => {
  it('names where a version came from', () => {
    expect(versionSource({ kind: 'file', fileName: 'v2.html' })).toBe('v2.html');
    expect(versionSource({ kind: 'paste' })).toBe('pasted text');
  });

  it('sums up how the claims came over, changed and gone first', () => {
    const carried = [{ outcome: 'changed' }, { outcome: 'changed' }, { outcome: 'gone' }, { outcome: 'unchanged' }] as const;
    expect(carrySentence(carryCounts(carried))).toBe('2 claims changed, 1 gone');
    expect(versionAddedSentence({ number: 2, carried: carried.map((c) => ({ ...c, claimId: 'x', method: 'diff', before: 'a', after: 'b' })) })).toBe(
      'Version 2 added: 2 claims changed, 1 gone.',
    );
    expect(carrySentence(carryCounts([{ outcome: 'unchanged' }]))).toBe('1 claim unchanged');
    expect(carrySentence(carryCounts([]))).toBe('no claims to carry over');
    expect(carrySentence(carryCounts([{ outcome: 'moved' }]))).toBe('1 claim moved');
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
