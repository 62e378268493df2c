/**
 * The diff view's shape of a word diff (diff.ts): the texts' paragraphs side by side, grouped so each
 * group starts and ends at a paragraph break both versions share. An unchanged group is one paragraph in
 * both; a changed group holds the old paragraphs it replaced and the new ones, however many. The same
 * groups draw the inline view (each group's parts in text order, a block per paragraph of either side)
 * and the side-by-side view (old paragraphs left, new right), and folding works on them, so a 20,000-word
 * article with a few edits draws a few paragraphs.
 */
import type { TextChange, TextDiff } from './diff';

/** Blocks of the plain text are joined by this (shared/doc/plainText.ts). */
export const BLOCK_BREAK = '\n\n';

/** A run of words in one view. `paragraphBreak`: a paragraph break only one side has (shown as ¶). */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string; paragraphBreak?: true };

export type DiffGroup = {
  /** Position among the groups, from 0 (the headline's group, where the text has a title). */
  index: number;
  changed: boolean;
  /** The old version's paragraphs in this group (parts: same and removed). */
  oldBlocks: DiffPart[][];
  /** The new version's paragraphs (parts: same and added). */
  newBlocks: DiffPart[][];
  /** Both, in text order: a block ends wherever either side's paragraph does. */
  inline: DiffPart[][];
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  /** The diff's changes inside this group. */
  changes: TextChange[];
};

export function diffGroups(diff: TextDiff): DiffGroup[] {
  const groups: DiffGroup[] = [];
  let o = 0;
  let n = 0;
  const fresh = (): DiffGroup => ({ index: groups.length, changed: false, oldBlocks: [[]], newBlocks: [[]], inline: [[]], oldStart: o, oldEnd: o, newStart: n, newEnd: n, changes: [] });
  let g = fresh();
  const last = (blocks: DiffPart[][]) => blocks[blocks.length - 1]!;
  const push = (blocks: DiffPart[][], kind: DiffPart['kind'], text: string) => {
    const block = last(blocks);
    const prev = block[block.length - 1];
    if (prev && prev.kind === kind && !prev.paragraphBreak) prev.text += text;
    else block.push({ kind, text });
  };
  const closeGroup = () => {
    g.oldEnd = o;
    g.newEnd = n;
    groups.push(g);
    g = fresh();
  };

  /** A paragraph break on both sides (ends the group) or on one. */
  const paragraphBreak = (kind: DiffPart['kind']) => {
    if (kind === 'same') {
      closeGroup();
      o += BLOCK_BREAK.length;
      n += BLOCK_BREAK.length;
      g.oldStart = o;
      g.newStart = n;
      return;
    }
    g.changed = true;
    last(g.inline).push({ kind, text: '¶', paragraphBreak: true });
    g.inline.push([]);
    if (kind === 'removed') {
      g.oldBlocks.push([]);
      o += BLOCK_BREAK.length;
    } else {
      g.newBlocks.push([]);
      n += BLOCK_BREAK.length;
    }
  };
  /** Words without a paragraph break in them. */
  const words = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    push(g.inline, kind, text);
    if (kind !== 'added') push(g.oldBlocks, kind, text);
    if (kind !== 'removed') push(g.newBlocks, kind, text);
    if (kind !== 'same') g.changed = true;
    if (kind !== 'added') o += text.length;
    if (kind !== 'removed') n += text.length;
  };
  // A change's removed and added words, split at their paragraph breaks; a break both sides have is one
  // break of both (old paragraphs 1 and 2 became new 1 and 2), so the paragraphs stay paired side by side.
  let removed = '';
  let added = '';
  const flushChange = () => {
    const r = removed.split(BLOCK_BREAK);
    const a = added.split(BLOCK_BREAK);
    const paired = Math.min(r.length, a.length) - 1;
    for (let i = 0; i < Math.max(r.length, a.length); i++) {
      if (i > 0) paragraphBreak(i <= paired ? 'same' : r.length > a.length ? 'removed' : 'added');
      if (i < r.length) words('removed', r[i]!);
      if (i < a.length) words('added', a[i]!);
    }
    removed = '';
    added = '';
  };
  for (const seg of diff.segments) {
    if (seg.kind === 'removed') removed += seg.text;
    else if (seg.kind === 'added') added += seg.text;
    else {
      flushChange();
      seg.text.split(BLOCK_BREAK).forEach((text, i) => {
        if (i > 0) paragraphBreak('same');
        words('same', text);
      });
    }
  }
  flushChange();
  closeGroup();
  const nonEmpty = (blocks: DiffPart[][]) => blocks.filter((b) => b.length > 0);
  for (const group of groups) {
    group.inline = nonEmpty(group.inline);
    group.oldBlocks = nonEmpty(group.oldBlocks);
    group.newBlocks = nonEmpty(group.newBlocks);
  }
  let c = 0;
  for (const group of groups) {
    while (c < diff.changes.length && diff.changes[c]!.oldStart <= group.oldEnd && diff.changes[c]!.newStart <= group.newEnd) {
      group.changes.push(diff.changes[c]!);
      c++;
    }
  }
  return groups.filter((group) => group.inline.length > 0);
}

export type DiffRow = { kind: 'group'; group: DiffGroup } | { kind: 'folded'; groups: DiffGroup[] };

/** How many unchanged paragraphs stay shown before and after each change, to read it in context. */
export const CONTEXT_PARAGRAPHS = 1;

/**
 * Changed groups and their context, with each run of other unchanged paragraphs folded into one row
 * ("12 unchanged paragraphs"). `unfolded` holds the indexes of groups a person asked to see.
 */
export function foldUnchanged(groups: readonly DiffGroup[], context = CONTEXT_PARAGRAPHS, unfolded: ReadonlySet<number> = new Set()): DiffRow[] {
  const near = new Set<number>();
  groups.forEach((g, i) => {
    if (!g.changed) return;
    for (let j = Math.max(0, i - context); j <= Math.min(groups.length - 1, i + context); j++) near.add(j);
  });
  const rows: DiffRow[] = [];
  let fold: DiffGroup[] = [];
  const flush = () => {
    if (fold.length === 1) rows.push({ kind: 'group', group: fold[0]! });
    else if (fold.length > 1) rows.push({ kind: 'folded', groups: fold });
    fold = [];
  };
  groups.forEach((g, i) => {
    if (g.changed || near.has(i) || unfolded.has(g.index)) {
      flush();
      rows.push({ kind: 'group', group: g });
    } else fold.push(g);
  });
  flush();
  return rows;
}

export type DiffStats = { changedParagraphs: number; wordsAdded: number; wordsRemoved: number };

const WORD = /[\p{L}\p{N}]+/gu;

export function diffStats(groups: readonly DiffGroup[], diff: TextDiff): DiffStats {
  let added = 0;
  let removed = 0;
  for (const c of diff.changes) {
    added += c.added.match(WORD)?.length ?? 0;
    removed += c.removed.match(WORD)?.length ?? 0;
  }
  return { changedParagraphs: groups.filter((g) => g.changed).length, wordsAdded: added, wordsRemoved: removed };
}

/** "3 paragraphs changed: 12 words added, 30 removed" */
export function statsSentence(s: DiffStats): string {
  if (s.changedParagraphs === 0) return 'No differences in the text.';
  const paras = `${s.changedParagraphs} ${s.changedParagraphs === 1 ? 'paragraph' : 'paragraphs'} changed`;
  return `${paras}: ${s.wordsAdded} ${s.wordsAdded === 1 ? 'word' : 'words'} added, ${s.wordsRemoved} removed`;
}
