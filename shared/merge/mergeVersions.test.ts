import { describe, expect, it } from 'vitest';
import { MAX_VERSIONS, type ArticleVersion } from '../schema/version';
import { claimOn } from '../versions/testing';
import { mergeVersions } from './mergeVersions';

const META = { title: 'Ambush', publisher: '', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' };
const hash = (n: number) => n.toString(16).padStart(64, '0');
function v(number: number, h: number, importedAt = `2026-11-2${number}T09:00:00.000Z`, carried: ArticleVersion['carried'] = []): ArticleVersion {
  return { number, hash: hash(h), wordCount: 10, importedAt, importedBy: 'Ben', origin: { kind: 'paste' }, meta: META, doc: { type: 'doc', content: [] }, removedOnImport: [], carried };
}
const stamp = { at: '2026-12-01T12:00:00.000Z', who: 'Ana' };
const text = 'Ambush\n\nAt least 14 people were killed.';
const claims = [claimOn(text, 'At least 14 people were killed', 1)];

describe('mergeVersions', () => {
  it('the same current version: nothing added, no conflict', () => {
    const r = mergeVersions([v(1, 1), v(2, 2)], [v(1, 1), v(2, 2)], claims, stamp);
    expect(r).toMatchObject({ added: 0, conflict: null, notes: [] });
    expect(r.versions.map((x) => x.hash)).toEqual([hash(1), hash(2)]);
  });

  it('their current is one of our older versions: ours stays, with a note', () => {
    const r = mergeVersions([v(1, 1), v(2, 2)], [v(1, 1)], claims, stamp);
    expect(r).toMatchObject({ added: 0, conflict: null });
    expect(r.notes[0]).toMatch(/older version \(version 1/);
  });

  it('theirs newer: appended after ours, ours stated again last with its claims carried back, a conflict side by side', () => {
    const theirs2 = v(2, 5, '2026-11-30T09:00:00.000Z', [{ claimId: 'claim-1', outcome: 'changed', method: 'diff', before: 'At least 14 people were killed', after: 'At least 17 people were killed' }]);
    const r = mergeVersions([v(1, 1)], [v(1, 1), theirs2], claims, stamp);
    expect(r.versions.map((x) => [x.number, x.hash])).toEqual([
      [1, hash(1)],
      [2, hash(5)],
      [3, hash(1)],
    ]);
    expect(r.versions[2]).toMatchObject({ importedAt: stamp.at, importedBy: 'Ana', carried: [{ claimId: 'claim-1', outcome: 'changed', method: 'none', before: 'At least 17 people were killed', after: 'At least 14 people were killed' }] });
    expect(r.conflict).toEqual({ ours: { number: 3, hash: hash(1), title: 'Ambush', importedAt: stamp.at, wordCount: 10 }, theirs: { number: 2, hash: hash(5), title: 'Ambush', importedAt: '2026-11-30T09:00:00.000Z', wordCount: 10 } });
    expect(r.notes.join(' ')).toMatch(/newer version of the text/);
  });

  it('diverged: their versions in import order, their current last; one conflict', () => {
    const r = mergeVersions([v(1, 1), v(2, 2)], [v(1, 1), v(2, 7, '2026-11-29T09:00:00.000Z'), v(3, 6, '2026-11-23T09:00:00.000Z')], claims, stamp);
    expect(r.versions.map((x) => x.hash)).toEqual([hash(1), hash(2), hash(7), hash(6), hash(2)]);
    expect(r.conflict?.theirs.hash).toBe(hash(6));
    expect(r.notes.join(' ')).toMatch(/are different versions/);
  });

  it('refuses a union beyond MAX_VERSIONS', () => {
    const ours = Array.from({ length: MAX_VERSIONS - 1 }, (_, i) => v(i + 1, i + 1));
    expect(() => mergeVersions(ours, [v(1, 1), v(2, 9999)], claims, stamp)).toThrow(/more than the 200/);
  });
});
