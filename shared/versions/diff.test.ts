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
