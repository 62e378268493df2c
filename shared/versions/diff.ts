/**
 * Word-by-word difference of two versions' plain texts, as segments with their offsets in both texts and
 * as changes (a removal and the addition in its place, one change). Offsets are UTF-16 code units, end
 * exclusive, as claim selectors are.
 *
 * Two passes of the `diff` package's Myers diff, so that two 20,000-word versions diff in milliseconds
 * and words are only ever paired with words of the same paragraph:
 * 1. blocks (docPlainText joins blocks with a blank line): identical paragraphs pair up, and in each run of
 *    blocks that differ, blocks alike (PAIRED_BLOCK_SIMILARITY) pair up, an edited paragraph with its new
 *    text; a moved, new or deleted one pairs with nothing (one removal, one addition);
 * 2. words, inside each pair of alike blocks (tokens from wordTokens: words, spacing, punctuation).
 * Myers is O((N+M)·D), quadratic on unrelated texts; each pass has a budget (BLOCK_DIFF_BUDGET,
 * WORD_DIFF_BUDGET), past which its input is one removal and one addition: a rewrite, not an edit, whose
 * claims are found by quote or approximate match.
 */
import { diffArrays } from 'diff';
import { shingleSimilarity, shinglesOf, type Shingles } from './textSimilarity';
import { wordTokens } from './wordTokens';

export type DiffSegment = { kind: 'same' | 'removed' | 'added'; text: string; oldStart: number; newStart: number };

/** Old text [oldStart, oldEnd) became new text [newStart, newEnd); either side may be empty. */
export type TextChange = { oldStart: number; oldEnd: number; newStart: number; newEnd: number; removed: string; added: string };

export type TextDiff = { segments: DiffSegment[]; changes: TextChange[] };

/**
 * The most (tokens of both sides) x (edit length) the word diff of one pair of blocks may cost: about
 * 10-40 ms (measured: 12,000 tokens to an edit length of 83 take ~10 ms on a quiet core). Real edits of a
 * paragraph, even a long one rewritten, are far below it.
 */
export const WORD_DIFF_BUDGET = 1_000_000;

/**
 * The same for the block pass, where a step may compare two blocks' word pairs: 200,000 steps. Two
 * versions of 500 paragraphs may then differ by some 200 whole paragraphs added, removed or moved; beyond
 * that the texts are different articles, and the diff says so in one change.
 */
export const BLOCK_DIFF_BUDGET = 200_000;

/**
 * How alike (textSimilarity) an old and a new block must be to be one block edited. A figure changed keeps
 * ~0.95, a sentence of two cut ~0.6; two different paragraphs of one story share under 0.1 (a few "of the"s).
 */
export const PAIRED_BLOCK_SIMILARITY = 0.35;

/**
 * Blocks as tokens, each with the blank line after it. Not the blank lines as tokens of their own: those
 * pair with one another as readily as an edited paragraph with its new text, and in a run
 * [moved, edited] -> [edited'] the diff could pair the blank lines and leave the edit unpaired.
 */
const BLOCK_BREAK = '\n\n';

function blockTokens(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n\n)/);
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
    else {
      // Folding can leave the same space or comma at both ends of a change: it goes back to the unchanged text.
      const lead = commonEdge(part.removed, part.added, 1);
      const trail = commonEdge(part.removed.slice(lead), part.added.slice(lead), -1);
      out.push('same', part.removed.slice(0, lead));
      out.pushChange(part.removed.slice(lead, part.removed.length - trail), part.added.slice(lead, part.added.length - trail));
      out.push('same', part.removed.slice(part.removed.length - trail));
    }
  }
}

/** How many characters, none of them a letter or digit, `a` and `b` share at their start (dir 1) or end (dir -1). */
function commonEdge(a: string, b: string, dir: 1 | -1): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max) {
    const i = dir > 0 ? n : a.length - 1 - n;
    const j = dir > 0 ? n : b.length - 1 - n;
    const ch = a.charAt(i);
    if (ch !== b.charAt(j) || HAS_WORD.test(ch) || /[\uD800-\uDFFF]/.test(ch)) break;
    n++;
  }
  return n;
}

/** Blocks equal but for the blank line after them (the last block has none: a paragraph moved to or from the end). */
function sameBlock(a: string, b: string): boolean {
  return a === b || (a.endsWith(BLOCK_BREAK) ? a.slice(0, -BLOCK_BREAK.length) : a) === (b.endsWith(BLOCK_BREAK) ? b.slice(0, -BLOCK_BREAK.length) : b);
}

/** Blocks equal when identical or alike (PAIRED_BLOCK_SIMILARITY); each block's word pairs computed once. */
function likeness(): (a: string, b: string) => boolean {
  const shingles = new Map<string, Shingles>();
  const shinglesFor = (block: string) => {
    let s = shingles.get(block);
    if (!s) shingles.set(block, (s = shinglesOf(block)));
    return s;
  };
  return (a, b) => a === b || shingleSimilarity(shinglesFor(a), shinglesFor(b)) >= PAIRED_BLOCK_SIMILARITY;
}

/**
 * Aligns old and new blocks, a pair of blocks "common" when `equal` says so; null past the budget.
 * Common pairs that differ are diffed word by word, the rest are whole changes.
 */
function alignBlocks(out: DiffBuilder, oldBlocks: string[], newBlocks: string[], equal: ((a: string, b: string) => boolean) | null): boolean {
  const size = oldBlocks.length + newBlocks.length;
  const maxEditLength = Math.max(1, Math.floor(BLOCK_DIFF_BUDGET / Math.max(1, size)));
  const parts = size === 0 ? [] : diffArrays(oldBlocks, newBlocks, { comparator: equal ?? sameBlock, maxEditLength });
  if (!parts) return false;
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    // Inside a run of blocks that differ, those alike pair up (an edited paragraph); the rest stay whole.
    const aligned = removed.length > 0 && added.length > 0 && !equal && alignBlocks(out, removed, added, likeness());
    if (!aligned) out.pushChange(removed.join(''), added.join(''));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      removed.push(...oldBlocks.slice(i, (i += count)));
      continue;
    }
    if (part.added) {
      added.push(...newBlocks.slice(j, (j += count)));
      continue;
    }
    flush();
    for (let k = 0; k < count; k++, i++, j++) {
      const a = oldBlocks[i] ?? '';
      const b = newBlocks[j] ?? '';
      if (a === b) out.push('same', a);
      else diffWordsInto(out, a, b);
    }
  }
  flush();
  return true;
}

export function diffTexts(oldText: string, newText: string): TextDiff {
  const oldBlocks = blockTokens(oldText);
  const newBlocks = blockTokens(newText);
  // Identical blocks first, the usual case and the cheap one; when too few are identical (a change of
  // spelling or quote marks throughout), alike blocks; when too few are alike, a different text.
  for (const equal of [null, likeness()]) {
    const out = new DiffBuilder();
    if (alignBlocks(out, oldBlocks, newBlocks, equal)) return { segments: out.segments, changes: out.changes };
  }
  const out = new DiffBuilder();
  out.pushChange(oldText, newText);
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
