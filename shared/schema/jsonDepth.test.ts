import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../limits';
import { checkJsonDepth } from './jsonDepth';

/** JSON text of `levels` nested arrays, built as text: JSON.stringify itself recurses. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('checkJsonDepth', () => {
  it('counts every object and array, and nothing else', () => {
    expect(checkJsonDepth('text', 0)).toEqual({ ok: true });
    expect(checkJsonDepth(null, 0)).toEqual({ ok: true });
    expect(checkJsonDepth({}, 1)).toEqual({ ok: true });
    expect(checkJsonDepth({}, 0).ok).toBe(false);
    expect(checkJsonDepth({ a: [{ b: 'x' }] }, 3)).toEqual({ ok: true });
    expect(checkJsonDepth({ a: [{ b: 'x' }] }, 2).ok).toBe(false);
    // The deepest branch counts, wherever it is.
    expect(checkJsonDepth([1, { a: 1 }, [[[]]]], 3).ok).toBe(false);
    expect(checkJsonDepth([1, { a: 1 }, [[[]]]], 4)).toEqual({ ok: true });
  });

  it('takes exactly the limit and refuses one more, with a message that completes "it is …"', () => {
    expect(checkJsonDepth(JSON.parse(nestedArrays(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toEqual({ ok: true });
    expect(checkJsonDepth(JSON.parse(nestedArrays(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toEqual({
      ok: false,
      message: `nested more than ${MAX_JSON_DEPTH} levels deep (Claimdesk reads at most ${MAX_JSON_DEPTH})`,
    });
  });

  it.each([1_000, 100_000, 1_000_000])('refuses %i levels without overflowing the stack', (levels) => {
    const value: unknown = JSON.parse(`${'{"a":['.repeat(levels)}${']}'.repeat(levels)}`);
    expect(checkJsonDepth(value, MAX_JSON_DEPTH).ok).toBe(false);
  });

  it('takes a wide value of any size', () => {
    const wide = Array.from({ length: 200_000 }, (_, i) => ({ i, tags: ['a', 'b'] }));
    expect(checkJsonDepth({ wide }, MAX_JSON_DEPTH)).toEqual({ ok: true });
  });

  it('refuses a value with a cycle (structured clone can make one) instead of looping', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = [loop];
    expect(checkJsonDepth(loop, MAX_JSON_DEPTH).ok).toBe(false);
  });
});
