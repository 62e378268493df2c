import { describe, expect, it } from 'vitest';
import { rowContexts } from './rowContext';

describe('rowContexts', () => {
  it('adds the words before a quote only where two rows would read the same', () => {
    const ctx = rowContexts([
      { id: 'a', quote: 'ten troops', paragraph: 2, before: 'the ministry said' },
      { id: 'b', quote: 'ten troops', paragraph: 5, before: 'SOHR counted' },
      { id: 'c', quote: 'Assad fled', paragraph: 7, before: 'and' },
    ]);
    expect(ctx.get('a')).toEqual({ clipped: 'ten troops', paragraph: '¶ 2', before: '…the ministry said' });
    expect(ctx.get('b')?.before).toBe('…SOHR counted');
    expect(ctx.get('c')).toEqual({ clipped: 'Assad fled', paragraph: '¶ 7', before: null });
  });

  it('compares quotes as shown, clipped', () => {
    const long = 'word '.repeat(40);
    const ctx = rowContexts(
      [
        { id: 'a', quote: `${long}one`, paragraph: 1, before: 'x' },
        { id: 'b', quote: `${long}two`, paragraph: null, before: '' },
      ],
      30,
    );
    expect(ctx.get('a')?.before).toBe('…x');
    expect(ctx.get('b')).toMatchObject({ paragraph: null, before: null });
  });
});
