import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { allTones, toneTint, verdictTone } from './verdictTone';

describe('verdict tones', () => {
  it('gives each default verdict its own tone and no verdict a neutral one', () => {
    const keys = DEFAULT_RATING_SCALE.map((v) => verdictTone(v, DEFAULT_RATING_SCALE).key);
    expect(new Set(keys).size).toBe(DEFAULT_RATING_SCALE.length);
    expect(verdictTone(null, DEFAULT_RATING_SCALE)).toEqual({ key: 'none', strong: 'var(--muted)' });
    expect(verdictTone('Gone from the scale', DEFAULT_RATING_SCALE).key).toBe('other');
  });

  it("colours a desk's own verdicts in scale order", () => {
    const scale = ['Correct', 'True', 'Wrong'];
    expect(verdictTone('Correct', scale).key).toBe('extra-0');
    expect(verdictTone('True', scale).key).toBe('true');
    expect(verdictTone('Wrong', scale).key).toBe('extra-1');
    expect(allTones(scale).map((t) => t.key)).toContain('extra-1');
  });

  it('is built only from the theme variables, never a literal colour', () => {
    for (const t of allTones(['A', 'B', 'C', 'D', 'E'])) {
      const css = `${t.strong} ${toneTint(t, 20)}`;
      expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i);
      expect(css).toMatch(/var\(--/);
    }
  });
});
