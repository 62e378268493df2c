import { describe, expect, it } from 'vitest';
import { diffTexts, mapOffset } from './diff';

describe('diffTexts', () => {
  it('finds a changed figure as one change with both words', () => {
    const d = diffTexts('At least 14 people were killed.', 'At least 17 people were killed.');
    expect(d.changes).toEqual([{ oldStart: 9, oldEnd: 11, newStart: 9, newEnd: 11, removed: '14', added: '17' }]);
  });

  it('maps offsets around a change', () => {
    const oldText = 'State media said 14 died in Tartous.';
    const newText = 'State media reported that 14 died in Tartous.';
    const d = diffTexts(oldText, newText);
    const at = oldText.indexOf('14');
    expect(newText.slice(mapOffset(d, at, 1).pos, mapOffset(d, at + 2, -1).pos)).toBe('14');
    expect(mapOffset(d, oldText.indexOf('said') + 1, 1).exact).toBe(false);
  });
});

describe('diffTexts on rewrites and paragraphs', () => {
  const rebuild = (d: ReturnType<typeof diffTexts>, side: 'old' | 'new') =>
    d.segments.filter((s) => s.kind === 'same' || s.kind === (side === 'old' ? 'removed' : 'added')).map((s) => s.text).join('');

  it('gives a rewritten paragraph as one change, not word swaps around kept spaces', () => {
    const d = diffTexts('At least 14 people were killed.', 'A different paragraph entirely.');
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ removed: 'At least 14 people were killed.', added: 'A different paragraph entirely.' });
  });

  it('folds the spaces and small words between rewritten clauses into one change', () => {
    const tail = ' in the attack on the convoy near the port of Tartous, the ministry said.';
    const d = diffTexts(`Officials said on Tuesday that at least 14 people were killed${tail}`, `Officials said on Tuesday that a different count of the dead is awaited${tail}`);
    expect(d.changes).toEqual([expect.objectContaining({ removed: 'at least 14 people were killed', added: 'a different count of the dead is awaited' })]);
  });

  it('gives a moved paragraph as one removal and one addition', () => {
    const [a, b, c] = ['First paragraph here.', 'Second paragraph, moved.', 'Third paragraph stays.'];
    const d = diffTexts([a, b, c].join('\n\n'), [a, c, b].join('\n\n'));
    expect(d.changes.map((x) => [x.removed, x.added])).toEqual([
      ['Second paragraph, moved.\n\n', ''],
      ['', '\n\nSecond paragraph, moved.'],
    ]);
  });

  it('has segments that rebuild both texts, with offsets into each', () => {
    const oldText = 'One two three.\n\nFour five six.\n\nSeven eight.';
    const newText = 'One 2 three.\n\nSeven eight nine.\n\nFour five six.';
    const d = diffTexts(oldText, newText);
    expect(rebuild(d, 'old')).toBe(oldText);
    expect(rebuild(d, 'new')).toBe(newText);
    for (const s of d.segments) {
      if (s.kind !== 'added') expect(oldText.slice(s.oldStart, s.oldStart + s.text.length)).toBe(s.text);
      if (s.kind !== 'removed') expect(newText.slice(s.newStart, s.newStart + s.text.length)).toBe(s.text);
    }
    for (const c of d.changes) {
      expect(oldText.slice(c.oldStart, c.oldEnd)).toBe(c.removed);
      expect(newText.slice(c.newStart, c.newEnd)).toBe(c.added);
    }
  });

  it('gives a run too costly to diff word by word as one change', () => {
    const words = (seed: number) => Array.from({ length: 3000 }, (_, i) => `w${(i * 7919 + seed) % 1009}`).join(' ');
    const d = diffTexts(words(1), words(2));
    expect(d.changes).toHaveLength(1);
  });
});
