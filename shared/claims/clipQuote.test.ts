import { describe, expect, it } from 'vitest';
import { clipQuote, lastWords } from './clipQuote';

describe('clipQuote', () => {
  it('keeps short quotes whole, with their spaces tidied', () => {
    expect(clipQuote('ten  additional\ntroops', 40)).toBe('ten additional troops');
  });

  it('cuts at the end of a word, never inside one', () => {
    const q = 'ten additional troops sustained injuries during the clashes on Tuesday';
    for (let max = 4; max < q.length; max++) {
      const clipped = clipQuote(q, max);
      expect(clipped.endsWith('…')).toBe(true);
      const kept = clipped.slice(0, -1);
      expect(clipped.length).toBeLessThanOrEqual(max);
      // What is kept is whole words of the quote.
      expect(q.startsWith(kept)).toBe(true);
      expect(q[kept.length] === ' ' || q[kept.length] === undefined).toBe(true);
    }
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(clipQuote('Reports indicate, ten additional troops', 19)).toBe('Reports indicate…');
  });

  it('cuts a single word longer than the limit (nothing else to show)', () => {
    expect(clipQuote('Donaudampfschifffahrtsgesellschaft', 10)).toBe('Donaudamp…');
  });
});

describe('lastWords', () => {
  it('takes the last words', () => {
    expect(lastWords(' the interior ministry said that ', 3)).toBe('ministry said that');
    expect(lastWords('', 3)).toBe('');
  });
});
