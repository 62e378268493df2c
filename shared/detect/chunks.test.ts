import { describe, expect, it } from 'vitest';
import { paragraphChunks } from './chunks';

describe('paragraphChunks', () => {
  it('is one span for a short text, the empty text too', () => {
    expect(paragraphChunks('One paragraph.\n\nTwo.', 100)).toEqual([{ start: 0, end: 20 }]);
    expect(paragraphChunks('', 100)).toEqual([{ start: 0, end: 0 }]);
  });

  it('cuts after paragraph breaks, covering the text without gaps', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} says something long enough.`).join('\n\n');
    const chunks = paragraphChunks(text, 200);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(text.length);
    chunks.forEach((c, i) => {
      expect(c.end - c.start).toBeLessThanOrEqual(200);
      if (i > 0) expect(c.start).toBe(chunks[i - 1]!.end);
      if (i < chunks.length - 1) expect(text.slice(c.end - 2, c.end)).toBe('\n\n');
    });
  });

  it('cuts one huge paragraph at spaces, or at the limit when it has none', () => {
    const words = 'word '.repeat(100);
    const c = paragraphChunks(words, 42);
    expect(c.every((s) => s.end - s.start <= 42 && (s.end === words.length || words[s.end - 1] === ' '))).toBe(true);
    const solid = 'x'.repeat(100);
    expect(paragraphChunks(solid, 42)).toEqual([{ start: 0, end: 42 }, { start: 42, end: 84 }, { start: 84, end: 100 }]);
  });
});
