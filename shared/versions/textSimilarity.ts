/**
 * How much text two passages have in common: the Dice coefficient of their sets of word pairs (shingles of
 * two words, lower case), 0..1. Pairs rather than single words, because two unrelated paragraphs of one
 * story share most of their common words ("the", "of", "Syria") but few pairs; a paragraph with one figure
 * changed keeps all its pairs but two. A text of one word is its word.
 */
import { lowerWords } from './wordTokens';

export type Shingles = ReadonlySet<string>;

export function shinglesOf(text: string): Shingles {
  const words = lowerWords(text);
  if (words.length === 1) return new Set(words);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** 2 |A ∩ B| / (|A| + |B|); two texts without words are alike (1), one without words is unlike any other (0). */
export function shingleSimilarity(a: Shingles, b: Shingles): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return (2 * common) / (a.size + b.size);
}

/** The share of word pairs two texts have in common, 0 (nothing) to 1 (the same words in the same order, give or take repeats). */
export function textSimilarity(a: string, b: string): number {
  return shingleSimilarity(shinglesOf(a), shinglesOf(b));
}
