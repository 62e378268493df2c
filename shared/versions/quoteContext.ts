/**
 * What makes a place in a new version the claim's, short of the diff following it: its context (the
 * quote's prefix before it, its suffix after it, each compared approximately, so a reworded word next to
 * the claim still agrees; a side with no context agrees when the place also begins or ends the text), its
 * paragraph (the claim's own, moved or edited: samePassage), its word edges (sameWordEdges), and how long a
 * quote must be to need none of these (the DISTINCTIVE_* lengths).
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../schema/claim';
import { PAIRED_BLOCK_SIMILARITY } from './diff';
import { shingleSimilarity, shinglesOf } from './textSimilarity';

/**
 * A quote at least this long, found exactly in the new text's added words, is the claim moved, whatever
 * its context: a sentence does not recur by chance. A shorter one needs its context to agree: "14 people"
 * in a new paragraph is not a deleted "14 people" moved there.
 */
export const DISTINCTIVE_EXACT_LENGTH = 32;

/** The same for a quote found with edits in its own paragraph (approximateQuote): a few words with a few edits are met anywhere. */
export const DISTINCTIVE_APPROXIMATE_LENGTH = 64;

/** How much of at least one side must match (1 - edits / its length) for the context to agree. */
export const MIN_CONTEXT_SCORE = 0.5;

/** 1 - (edits of the best match of `pattern` in `text`) / its length; 0 when either is empty. */
export function matchScore(text: string, pattern: string): number {
  if (pattern === '' || text === '') return 0;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

export type ContextScores = { prefix: number; suffix: number };

export function contextScores(text: string, start: number, end: number, quote: Pick<TextQuoteSelector, 'prefix' | 'suffix'>): ContextScores {
  const { prefix, suffix } = quote;
  return {
    prefix: prefix === '' ? (start === 0 ? 1 : 0) : matchScore(text.slice(Math.max(0, start - prefix.length), start), prefix),
    suffix: suffix === '' ? (end === text.length ? 1 : 0) : matchScore(text.slice(end, end + suffix.length), suffix),
  };
}

export function contextAgrees(scores: ContextScores): boolean {
  return Math.max(scores.prefix, scores.suffix) >= MIN_CONTEXT_SCORE;
}

const BLOCK_BREAK = '\n\n';

/** The block(s) of `text` that [start, end) lies in (docPlainText joins blocks with a blank line). */
export function passageAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf(BLOCK_BREAK, start - 1);
  const to = text.indexOf(BLOCK_BREAK, end);
  return text.slice(from < 0 ? 0 : from + BLOCK_BREAK.length, to < 0 ? text.length : to);
}

/**
 * Whether a place in the new text is in the claim's own paragraph, moved or edited: its paragraph and the
 * claim's old one are alike as the diff pairs edited blocks. Context that crosses a paragraph's edge is
 * lost when the paragraph moves; its likeness is not.
 */
export function samePassage(
  oldText: string,
  oldStart: number,
  oldEnd: number,
  newText: string,
  newStart: number,
  newEnd: number,
  threshold = PAIRED_BLOCK_SIMILARITY,
): boolean {
  return shingleSimilarity(shinglesOf(passageAround(oldText, oldStart, oldEnd)), shinglesOf(passageAround(newText, newStart, newEnd))) >= threshold;
}

/**
 * The likeness (textSimilarity) that makes a paragraph the claim's own cut down, though not alike enough
 * to pair as an edit: "14 are killed by Assad supporters in a conflict with Syria's new government" ->
 * "by Syria's new government" keeps 0.27. Two different paragraphs of the sample share under 0.1.
 */
export const CUT_PASSAGE_SIMILARITY = 0.15;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const wordCharAt = (text: string, i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text.charAt(i));

/**
 * Whether new text [newStart, newEnd) begins and ends at word edges as the claim's old words did: the
 * exact words "supporters in" at the start of "supporters interior" are not the claim's words "in".
 */
export function sameWordEdges(oldText: string, oldStart: number, oldEnd: number, newText: string, newStart: number, newEnd: number): boolean {
  return (
    wordCharAt(newText, newStart - 1) === wordCharAt(oldText, oldStart - 1) &&
    wordCharAt(newText, newEnd) === wordCharAt(oldText, oldEnd)
  );
}

/** How many times `words` occurs in `text` as whole words ("to" is not in "Observatory"). */
export function wholeOccurrences(text: string, words: string): number {
  if (words === '') return 0;
  const startsWord = wordCharAt(words, 0);
  const endsWord = wordCharAt(words, words.length - 1);
  let n = 0;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if ((startsWord && wordCharAt(text, at - 1)) || (endsWord && wordCharAt(text, at + words.length))) continue;
    n++;
  }
  return n;
}
