/**
 * Word-by-word difference of two versions' plain texts, as segments with their offsets in both texts and
 * as changes (a removal and the addition in its place, one change). Offsets are UTF-16 code units, end
 * exclusive, as claim selectors are.
 *
 * Two passes of the `diff` package's Myers diff, so that two 20,000-word versions diff in milliseconds:
 * 1. blocks (docPlainText joins blocks with a blank line): unchanged paragraphs pair up whole, and a moved
 *    paragraph is one removal and one addition, not thousands of word edits;
 * 2. words, inside each run of blocks that differ (tokens from wordTokens: words, spacing, punctuation).
 * Myers is O((N+M)·D); a run whose word diff would cost more than WORD_DIFF_BUDGET (a rewrite, not an
 * edit) is left as one removal and one addition, and claims in it are found by quote or approximate match.
 */
import { diffArrays } from 'diff';
import { wordTokens } from './wordTokens';

export type DiffSegment = { kind: 'same' | 'removed' | 'added'; text: string; oldStart: number; newStart: number };

/** Old text [oldStart, oldEnd) became new text [newStart, newEnd); either side may be empty. */
export type TextChange = { oldStart: number; oldEnd: number; newStart: number; newEnd: number; removed: string; added: string };

export type TextDiff = { segments: DiffSegment[]; changes: TextChange[] };

/**
 * The most (tokens of both sides) x (edit length) one word diff may cost, about 20 ms. A real correction
 * (figures, a sentence, a paragraph) is far below it; a run of blocks rewritten from scratch is above it,
 * and would cost seconds (Myers is quadratic on unrelated texts).
 */
export const WORD_DIFF_BUDGET = 4_000_000;

/** Blocks and the blank lines between them, as tokens: the separator is its own token. */
function blockTokens(text: string): string[] {
  return text === '' ? [] : text.split(/(\n\n)/);
}

/** Builds segments (adjacent ones of a kind merged) and changes from a stream of parts. */
class DiffBuilder {
  readonly segments: DiffSegment[] = [];
  readonly changes: TextChange[] = [];
  private o = 0;
  private n = 0;
  private open: TextChange | null = null;

  push(kind: DiffSegment['kind'], text: string): void {
    if (text === '') return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.kind === kind) last.text += text;
    else this.segments.push({ kind, text, oldStart: this.o, newStart: this.n });
    if (kind === 'same') {
      this.open = null;
      this.o += text.length;
      this.n += text.length;
      return;
    }
    if (!this.open) {
      this.open = { oldStart: this.o, oldEnd: this.o, newStart: this.n, newEnd: this.n, removed: '', added: '' };
      this.changes.push(this.open);
    }
    if (kind === 'removed') {
      this.o += text.length;
      this.open.oldEnd = this.o;
      this.open.removed += text;
    } else {
      this.n += text.length;
      this.open.newEnd = this.n;
      this.open.added += text;
    }
  }

  /** A change as one removal then one addition (segments of a change always come in that order). */
  pushChange(removed: string, added: string): void {
    this.push('removed', removed);
    this.push('added', added);
  }
}

type Part = { same: true; text: string } | { same: false; removed: string; added: string };

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Myers keeps any common token, so between two rewritten clauses it keeps the spaces, commas and "the"s,
 * and one rewrite reads as many small word swaps ("At" -> "A", "least" -> "different", "14" -> "paragraph").
 * As diff-match-patch's semantic cleanup does, an unchanged stretch between two changes is folded into
 * them when it holds no word, or is no longer than the larger side of the change on each side of it.
 */
function foldSmallEqualities(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    out.push(part);
    for (;;) {
      const [a, same, b] = out.slice(-3);
      if (!a || !same || !b || a.same || !same.same || b.same) break;
      const size = same.text.length;
      const small = !HAS_WORD.test(same.text) || (size <= Math.max(a.removed.length, a.added.length) && size <= Math.max(b.removed.length, b.added.length));
      if (!small) break;
      out.splice(-3, 3, { same: false, removed: a.removed + same.text + b.removed, added: a.added + same.text + b.added });
    }
  }
  return out;
}

/** The word diff of one run of differing blocks, or the run as one change when that would cost too much. */
function diffWordsInto(out: DiffBuilder, removed: string, added: string): void {
  const a = wordTokens(removed);
  const b = wordTokens(added);
  const size = a.length + b.length;
  const raw = size === 0 ? [] : diffArrays(a, b, { maxEditLength: Math.max(1, Math.floor(WORD_DIFF_BUDGET / size)) });
  if (!raw) {
    out.pushChange(removed, added);
    return;
  }
  // Myers may give the additions of one change before its removals: a change is every part between two equal ones.
  const parts: Part[] = [];
  for (const part of raw) {
    const text = part.value.join('');
    const last = parts[parts.length - 1];
    if (!part.added && !part.removed) parts.push({ same: true, text });
    else if (last && !last.same) {
      if (part.added) last.added += text;
      else last.removed += text;
    } else parts.push({ same: false, removed: part.removed ? text : '', added: part.added ? text : '' });
  }
  for (const part of foldSmallEqualities(parts)) {
    if (part.same) out.push('same', part.text);
    else out.pushChange(part.removed, part.added);
  }
}

export function diffTexts(oldText: string, newText: string): TextDiff {
  const out = new DiffBuilder();
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed !== '' && added !== '') diffWordsInto(out, removed, added);
    else out.pushChange(removed, added);
    removed = '';
    added = '';
  };
  for (const part of diffArrays(blockTokens(oldText), blockTokens(newText))) {
    const text = part.value.join('');
    if (part.added) added += text;
    else if (part.removed) removed += text;
    else {
      flush();
      out.push('same', text);
    }
  }
  flush();
  return { segments: out.segments, changes: out.changes };
}

/**
 * Where an old offset is in the new text. Outside every change it moves by the changes before it; inside
 * a change it has no exact place, and goes to the change's start (assoc -1) or end (assoc 1), with
 * `exact` false so a caller knows the words there are not the same.
 */
export function mapOffset(diff: TextDiff, offset: number, assoc: -1 | 1): { pos: number; exact: boolean } {
  let delta = 0;
  for (const c of diff.changes) {
    if (offset < c.oldStart || (offset === c.oldStart && (assoc < 0 || c.oldEnd > c.oldStart))) break;
    if (offset < c.oldEnd || (offset === c.oldEnd && assoc < 0 && c.oldEnd > c.oldStart)) {
      return { pos: assoc < 0 ? c.newStart : c.newEnd, exact: false };
    }
    delta = c.newEnd - c.oldEnd;
  }
  return { pos: offset + delta, exact: true };
}
