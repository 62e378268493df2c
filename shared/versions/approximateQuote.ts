/**
 * The last way to find a claim in a new version: its quote with some of its characters changed, scored
 * with its context, as Hypothesis anchors (client src/annotator/anchoring/match-quote.ts, on the same
 * `approx-string-match`). Used only after the exact words were not found, so a match here always has
 * different words: the caller reports it as changed, with the old and the new words.
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../schema/claim';

/**
 * The most character edits a match may have, as a share of the quote's length. A quarter keeps "At least
 * 14 people were killed" -> "At least 17 people were killed" (1 edit in 30) and a reworded clause, and
 * refuses a passage of which more than a quarter differs: past that, it is other words, and the claim is
 * better reported gone than carried onto them. (Hypothesis allows half, but it re-anchors a highlight;
 * we tell a fact-checker "these are your claim's words now".) A 3-character quote gets no edit at all.
 */
export const MAX_ERROR_SHARE = 1 / 4;

/** A quote shorter than this needs its context to agree: a few words with a few edits are found anywhere. */
export const DISTINCTIVE_QUOTE_LENGTH = 64;

/** How much of a context side must match (1 - edits / length) for a short quote's match to count. */
export const MIN_CONTEXT_SCORE = 0.5;

/** Characters either side of the expected place searched before the whole text. */
const WINDOW = 512;

// Weights of the match's score, as Hypothesis's: the quote matters most, its context next, nearness least.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const NEARNESS_WEIGHT = 2;

export type ApproximateMatch = { start: number; end: number; errors: number; score: number };

/** 1 - (edits of the best match of `pattern` in `text`) / its length; 0 when either is empty. */
function contextScore(text: string, pattern: string): number {
  if (pattern === '' || text === '') return 0;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text.charAt(i));

/**
 * A match may stop inside a word ("17" of "170"): where the quote began or ended at a word's edge, the
 * match is widened to the edge of the word it cut, so the new words shown are whole.
 */
function snapToWords(text: string, start: number, end: number, quote: string): { start: number; end: number } {
  let s = start;
  let e = end;
  if (isWordAt(quote, 0)) while (isWordAt(text, s - 1) && isWordAt(text, s) && start - s < 32) s--;
  if (isWordAt(quote, quote.length - 1)) while (isWordAt(text, e) && isWordAt(text, e - 1) && e - end < 32) e++;
  return { start: s, end: e };
}

function bestIn(text: string, from: number, to: number, quote: TextQuoteSelector, hint: number): ApproximateMatch | null {
  const { exact, prefix, suffix } = quote;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_SHARE);
  if (maxErrors === 0) return null;
  let best: ApproximateMatch | null = null;
  for (const m of search(text.slice(from, to), exact, maxErrors)) {
    if (m.errors === 0) continue; // the exact words, refused by the quote step for want of context
    const { start, end } = snapToWords(text, from + m.start, from + m.end, exact);
    if (text.slice(start, end) === exact) continue;
    const prefixScore = prefix ? contextScore(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1;
    const suffixScore = suffix ? contextScore(text.slice(end, end + suffix.length), suffix) : 1;
    if (exact.length < DISTINCTIVE_QUOTE_LENGTH && Math.max(prefixScore, suffixScore) < MIN_CONTEXT_SCORE) continue;
    const nearness = 1 - Math.abs(start - hint) / Math.max(1, text.length);
    const score =
      (QUOTE_WEIGHT * (1 - m.errors / exact.length) + CONTEXT_WEIGHT * (prefixScore + suffixScore) + NEARNESS_WEIGHT * nearness) /
      (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + NEARNESS_WEIGHT);
    if (!best || score > best.score) best = { start, end, errors: m.errors, score };
  }
  return best;
}

/**
 * The best approximate match of the quote in `text` (never its exact words), near `hint` first and then
 * anywhere; null when none is within MAX_ERROR_SHARE with context enough.
 */
export function approximateQuote(text: string, quote: TextQuoteSelector, hint: number): ApproximateMatch | null {
  const reach = WINDOW + quote.exact.length;
  const from = Math.max(0, hint - reach);
  const to = Math.min(text.length, hint + reach);
  return bestIn(text, from, to, quote, hint) ?? (from > 0 || to < text.length ? bestIn(text, 0, text.length, quote, hint) : null);
}
