import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed, other numbers for another, all in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    const a = take(13);
    expect(take(13)).toEqual(a);
    expect(take(14)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    // mulberry32's first numbers for seed 13 (the training seed): a change here would change the shipped weights.
    expect(a.slice(0, 2)).toEqual([0.5663226493634284, 0.36011716164648533]);
  });
});
