/**
 * The library's search: every word of the query must appear (as typed so far, anywhere in a word) in the
 * article's title, publisher, byline or text, ignoring case and accents (fold.ts). The Node side keeps
 * every article's folded fields in memory (searchCorpus.ts); the renderer highlights the title with
 * `highlight` and shows the snippet the search sent.
 */
import { z } from 'zod';
import { fold, searchable } from './fold';

/** A query longer than this is not a search a person types; it is refused rather than scanned. */
export const MAX_QUERY_CHARS = 200;

/**
 * How much of an article's text is searched: 200,000 characters (about 30,000 words) covers a long read
 * whole, and bounds the memory a desk of 10,000 articles holds for search (text and its folded copy,
 * two bytes a character each) to what its articles hold, not more.
 */
export const MAX_SEARCH_TEXT_CHARS = 200_000;

/**
 * Past this many hits a query is too broad for snippets to help ("the"), and sending 10,000 of them
 * would cost more than the search; hits are still all listed, with title highlights only.
 */
export const MAX_SNIPPETS = 500;

/** Characters of context either side of the first body match in a snippet. */
const SNIPPET_CONTEXT = 60;

export function queryTerms(query: string): string[] {
  return [...new Set(fold(query).split(/\s+/).filter((t) => t !== ''))];
}

export const Segment = z.object({ text: z.string(), mark: z.boolean() });
export type Segment = z.infer<typeof Segment>;

export const Snippet = z.object({
  segments: z.array(Segment).max(200),
  /** Whether text was cut before / after the snippet. */
  cutBefore: z.boolean(),
  cutAfter: z.boolean(),
});
export type Snippet = z.infer<typeof Snippet>;

/** Where the terms occur in `folded`, as merged [start, end) ranges. */
function ranges(folded: string, terms: readonly string[], from = 0, to = folded.length): [number, number][] {
  const found: [number, number][] = [];
  for (const term of terms) {
    for (let i = folded.indexOf(term, from); i >= 0 && i + term.length <= to; i = folded.indexOf(term, i + 1)) found.push([i, i + term.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function segmentsOf(shown: string, marks: [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of marks) {
    if (s > at) out.push({ text: shown.slice(at, s), mark: false });
    out.push({ text: shown.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) out.push({ text: shown.slice(at, to), mark: false });
  return out;
}

/** `text` cut into plain and matched pieces, for a title with its matched words marked. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const shown = searchable(text);
  if (terms.length === 0) return [{ text: shown, mark: false }];
  return segmentsOf(shown, ranges(fold(shown), terms), 0, shown.length);
}

/**
 * The text around the first body match of the query's first term found there, cut at word boundaries,
 * with every term marked; null when no term is in the text. `shown` is the searchable (NFC) text and
 * `folded` its fold, so positions are shared.
 */
export function snippet(shown: string, folded: string, terms: readonly string[]): Snippet | null {
  let at = -1;
  let length = 0;
  for (const term of terms) {
    at = folded.indexOf(term);
    if (at >= 0) {
      length = term.length;
      break;
    }
  }
  if (at < 0) return null;
  let from = Math.max(0, at - SNIPPET_CONTEXT);
  let to = Math.min(shown.length, at + length + SNIPPET_CONTEXT);
  if (from > 0) {
    const space = shown.indexOf(' ', from);
    if (space >= 0 && space < at) from = space + 1;
  }
  if (to < shown.length) {
    const space = shown.lastIndexOf(' ', to);
    if (space > at + length) to = space;
  }
  const segments = segmentsOf(shown, ranges(folded, terms, from, to), from, to).map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
  return { segments, cutBefore: from > 0, cutAfter: to < shown.length };
}
