/**
 * The last way to find a claim in a new version: its quote with some of its characters changed, scored
 * with its context, as Hypothesis anchors (client src/annotator/anchoring/match-quote.ts, on the same
 * `approx-string-match`). Used only after the exact words were not found, so a match here always has
 * different words: the caller reports it as changed, with the old and the new words.
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../schema/claim';
import { contextAgrees, contextScores, DISTINCTIVE_APPROXIMATE_LENGTH } from './quoteContext';

/**
 * The most character edits a match may have, as a share of the quote's length. A quarter keeps "At least
 * 14 people were killed" -> "At least 17 people were killed" (1 edit in 30) and a reworded clause, and
 * refuses a passage of which more than a quarter differs: past that, it is other words, and the claim is
 * better reported gone than carried onto them. (Hypothesis allows half, but it re-anchors a highlight;
 * we tell a fact-checker "these are your claim's words now".) A 3-character quote gets no edit at all.
 */
export const MAX_ERROR_SHARE = 1 / 4;

/** Characters either side of the expected place searched before the whole text. */
const WINDOW = 512;

// Weights of the match's score, as Hypothesis's: the quote matters most, its context next, nearness least.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const NEARNESS_WEIGHT = 2;

export type ApproximateMatch = { start: number; end: number; errors: number; score: number };

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

export type Range = { start: number; end: number };

/** How one search goes: which places may be taken, where to look beyond the window, and what it may cost. */
export type SearchOptions = {
  /** Whether a place may be the claim's (carryClaims: no words the diff kept from elsewhere). */
  acceptable: (start: number, end: number) => boolean;
  /**
   * Whether a place is in the claim's own paragraph (moved or edited). A match must be: words with a few
   * edits in another paragraph are other words ("to the Syrian Observatory" -> "The Syrian Observatory"
   * of the paragraph before), however well their context agrees.
   */
  ownPassage: (start: number, end: number) => boolean;
  /** Where to look beyond the window near `hint` (default: the whole text). */
  regions?: readonly Range[];
  /**
   * Shared by the searches of one carry: what the searches beyond the window may still cost, in characters
   * searched x 32-character blocks of the pattern (the bit-parallel search's unit of work). When it runs
   * out, a claim is looked for near its place only.
   */
  budget?: { left: number };
};

const ANYWHERE: SearchOptions = { acceptable: () => true, ownPassage: () => true };

/**
 * What a carry's searches beyond the window may cost together (SearchOptions.budget): ~50 ms. A version
 * with moved and reworded passages uses a small part of it; a "new version" that is another article would
 * otherwise search the whole text for every claim (seconds for 500 claims on 20,000 words).
 */
export const APPROXIMATE_SEARCH_BUDGET = 4_000_000;

function bestIn(text: string, from: number, to: number, quote: TextQuoteSelector, hint: number, options: SearchOptions): ApproximateMatch | null {
  const { exact } = quote;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_SHARE);
  if (maxErrors === 0) return null;
  let best: ApproximateMatch | null = null;
  for (const m of search(text.slice(from, to), exact, maxErrors)) {
    if (m.errors === 0) continue; // the exact words, refused by the quote step for want of context
    const { start, end } = snapToWords(text, from + m.start, from + m.end, exact);
    if (text.slice(start, end) === exact || !options.acceptable(start, end)) continue;
    const context = contextScores(text, start, end, quote);
    if (!options.ownPassage(start, end) || (exact.length < DISTINCTIVE_APPROXIMATE_LENGTH && !contextAgrees(context))) continue;
    const nearness = 1 - Math.abs(start - hint) / Math.max(1, text.length);
    const score =
      (QUOTE_WEIGHT * (1 - m.errors / exact.length) + CONTEXT_WEIGHT * (context.prefix + context.suffix) + NEARNESS_WEIGHT * nearness) /
      (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT + NEARNESS_WEIGHT);
    if (!best || score > best.score) best = { start, end, errors: m.errors, score };
  }
  return best;
}

/**
 * The best approximate match of the quote in `text` (never its exact words): near `hint` first, then in
 * `options.regions` while the budget lasts; null when none is within MAX_ERROR_SHARE, in the claim's own
 * paragraph, with context agreeing (or a quote of DISTINCTIVE_APPROXIMATE_LENGTH or more).
 */
export function approximateQuote(text: string, quote: TextQuoteSelector, hint: number, options: SearchOptions = ANYWHERE): ApproximateMatch | null {
  const length = quote.exact.length;
  const reach = WINDOW + length;
  const window = { start: Math.max(0, hint - reach), end: Math.min(text.length, hint + reach) };
  const near = bestIn(text, window.start, window.end, quote, hint, options);
  if (near) return near;
  const blocks = Math.ceil(length / 32);
  let best: ApproximateMatch | null = null;
  for (const r of options.regions ?? [{ start: 0, end: text.length }]) {
    // A match has at least length - maxErrors characters; the window was searched already.
    if (r.end - r.start < length - Math.floor(length * MAX_ERROR_SHARE) || (r.start >= window.start && r.end <= window.end)) continue;
    const cost = (r.end - r.start) * blocks;
    if (options.budget) {
      if (options.budget.left < cost) break;
      options.budget.left -= cost;
    }
    const found = bestIn(text, r.start, r.end, quote, hint, options);
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}
