/**
 * W3C Web Annotation selectors over the article's plain text (docPlainText), and re-anchoring them when
 * the text changed outside the editor (for example a corrected re-import): first the old position, then
 * the quote with its context, then the quote with quote marks, dashes and spacing normalised.
 * Pure code: runs in Node and in the browser.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../schema/claim';

/** Characters of context kept before and after the quote. */
export const CONTEXT_LENGTH = 32;

export type Resolved = { start: number; end: number; how: 'position' | 'quote' | 'normalized' };
export type SelectorPair = { quote: TextQuoteSelector; position: TextPositionSelector };

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Selectors for text[start, end). The context never starts or ends with half a surrogate pair. */
export function selectorsFor(text: string, start: number, end: number): SelectorPair {
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  let prefixStart = Math.max(0, s - CONTEXT_LENGTH);
  if (prefixStart > 0 && prefixStart < s && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, e + CONTEXT_LENGTH);
  if (suffixEnd < text.length && suffixEnd > e && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(prefixStart, s), suffix: text.slice(e, suffixEnd) },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/** How many characters at the end of `prefix` equal the characters just before `at` in `text`. */
function matchBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  const max = Math.min(prefix.length, at);
  while (n < max && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** How many characters at the start of `suffix` equal the characters from `at` in `text`. */
function matchAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  const max = Math.min(suffix.length, text.length - at);
  while (n < max && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** An occurrence of a quote and how many characters of its prefix and suffix its surroundings match. */
export type Occurrence = { at: number; context: number };

/**
 * The occurrence of `exact` in `text` whose surroundings match most of prefix and suffix; ties go to the
 * one nearest the old position (`originalOf` turns an index of `text` into an offset of the real text).
 * Occurrences `accept` refuses are passed over.
 */
export function bestOccurrence(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint: number,
  originalOf: (index: number) => number = (i) => i,
  accept: (index: number) => boolean = () => true,
): Occurrence | null {
  let best: Occurrence | null = null;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (!accept(at)) continue;
    const context = matchBefore(text, at, prefix) + matchAfter(text, at + exact.length, suffix);
    const distance = Math.abs(originalOf(at) - hint);
    if (!best || context > best.context || (context === best.context && distance < bestDistance)) {
      best = { at, context };
      bestDistance = distance;
    }
  }
  return best;
}

/** Text with quote marks, dashes and whitespace runs normalised; `starts`/`ends` give each character's source range. */
type Normalized = { text: string; starts: number[]; ends: number[] };

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u02BC]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/;
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;
const SPACE = /\s/;

export function normalizeForMatch(s: string): Normalized {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (inSpace) {
        ends[ends.length - 1] = i + 1;
        continue;
      }
      inSpace = true;
      out.push(' ');
    } else {
      inSpace = false;
      out.push(SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : DASHES.test(ch) ? '-' : ch);
    }
    starts.push(i);
    ends.push(i + 1);
  }
  return { text: out.join(''), starts, ends };
}

/**
 * A resolver for one text: resolves many targets, normalising the text at most once.
 * See resolveTarget for the steps.
 */
export function makeResolver(text: string): (target: SelectorPair) => Resolved | null {
  let normalized: Normalized | null = null;
  return (target) => {
    const { exact, prefix, suffix } = target.quote;
    const { start, end } = target.position;
    if (exact === '') return null;
    // 1. The old position still holds the words.
    if (end - start === exact.length && text.startsWith(exact, start)) return { start, end, how: 'position' };
    // 2. The words elsewhere, chosen by context, then nearness.
    const found = bestOccurrence(text, exact, prefix, suffix, start);
    if (found) return { start: found.at, end: found.at + exact.length, how: 'quote' };
    // 3. The same after normalising quote marks, dashes and spacing on both sides.
    const nExact = normalizeForMatch(exact).text;
    if (nExact === '') return null;
    normalized ??= normalizeForMatch(text);
    const n = normalized;
    const nFound = bestOccurrence(n.text, nExact, normalizeForMatch(prefix).text, normalizeForMatch(suffix).text, start, (i) => n.starts[i] ?? 0);
    if (!nFound) return null;
    const nAt = nFound.at;
    return { start: n.starts[nAt] ?? 0, end: n.ends[nAt + nExact.length - 1] ?? 0, how: 'normalized' };
  };
}

/**
 * Where a stored target is in `text`: 1) its position if that still holds the exact words ('position');
 * 2) else the occurrence of the words whose context best matches prefix and suffix, ties to the one
 * nearest the old position ('quote'); 3) else the same search with curly and straight quotes, dashes and
 * whitespace runs normalised on both sides, mapped back to real offsets ('normalized'); 4) else null: the
 * claim is orphaned.
 */
export function resolveTarget(text: string, target: SelectorPair): Resolved | null {
  return makeResolver(text)(target);
}
