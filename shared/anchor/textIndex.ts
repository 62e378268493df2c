/**
 * Maps between ProseMirror positions and character offsets of the article's plain text
 * (docPlainText: textblocks joined by '\n\n', hard_break = '\n'). Claim selectors are offsets into that
 * text; the editor works in positions.
 *
 * Inside a textblock every inline node is either text (one position per UTF-16 code unit, one character
 * each) or an inline leaf such as hard_break (one position, one '\n'), so a textblock is one segment in
 * which positions and offsets advance together. Lookups binary-search the per-textblock segments.
 * Pure code: runs in Node and in the browser.
 */
import type { Node } from 'prosemirror-model';

export type TextIndex = {
  /** Equal to docPlainText(doc). */
  text: string;
  /**
   * The offset of a position. Positions inside a textblock (including its two ends) map exactly; a
   * position between textblocks maps to the nearest block boundary (end of the previous block on a tie).
   */
  posToOffset(pos: number): number;
  /**
   * The position of an offset (clamped to the text). An offset inside the '\n\n' gap between two blocks
   * maps, with side 'start' (the default), to the start of the next block, and with 'end' to the end of
   * the previous one: a range's start is given side 'start', its end side 'end'.
   */
  offsetToPos(offset: number, side?: 'start' | 'end'): number;
  /** Whether [start, end) holds any character of a block (not only the '\n\n' between blocks). */
  hasText(start: number, end: number): boolean;
};

const BLOCK_SEPARATOR = '\n\n';

export function buildTextIndex(doc: Node): TextIndex {
  const blocks: string[] = [];
  // Per textblock: the position where its content starts, its content size, the offset of its first character.
  const posStarts: number[] = [];
  const sizes: number[] = [];
  const offStarts: number[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, '', '\n');
    if (text.length !== node.content.size) {
      // Only possible with inline nodes that have content, which the article schema does not have.
      throw new Error(`buildTextIndex: the ${node.type.name} at ${pos} has inline nodes with content; positions and offsets would not match.`);
    }
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    posStarts.push(pos + 1);
    sizes.push(node.content.size);
    offStarts.push(offset);
    blocks.push(text);
    offset += text.length;
    return false;
  });
  const text = blocks.join(BLOCK_SEPARATOR);
  const count = blocks.length;

  /** The last block whose value in `starts` is at most `value`, or -1. */
  function lastAtMost(starts: number[], value: number): number {
    let lo = 0;
    let hi = count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= value) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  function posToOffset(pos: number): number {
    if (count === 0) return 0;
    const i = lastAtMost(posStarts, pos);
    if (i < 0) return 0; // before the first textblock
    const posStart = posStarts[i] ?? 0;
    const size = sizes[i] ?? 0;
    const offStart = offStarts[i] ?? 0;
    if (pos <= posStart + size) return offStart + (pos - posStart);
    if (i === count - 1) return offStart + size; // after the last textblock
    const toPrev = pos - (posStart + size);
    const toNext = (posStarts[i + 1] ?? 0) - pos;
    return toNext < toPrev ? (offStarts[i + 1] ?? 0) : offStart + size;
  }

  function offsetToPos(offset: number, side: 'start' | 'end' = 'start'): number {
    if (count === 0) return 0;
    const o = Math.max(0, Math.min(text.length, offset));
    const i = Math.max(0, lastAtMost(offStarts, o));
    const posStart = posStarts[i] ?? 0;
    const size = sizes[i] ?? 0;
    const offStart = offStarts[i] ?? 0;
    if (o <= offStart + size) return posStart + (o - offStart);
    // Inside the gap after block i (there is always a block after it, since o <= text.length).
    return side === 'end' ? posStart + size : (posStarts[i + 1] ?? posStart + size);
  }

  function hasText(start: number, end: number): boolean {
    if (start >= end || count === 0) return false;
    for (let i = Math.max(0, lastAtMost(offStarts, start)); i < count && (offStarts[i] ?? 0) < end; i++) {
      const from = Math.max(start, offStarts[i] ?? 0);
      if (from < (offStarts[i] ?? 0) + (sizes[i] ?? 0)) return true;
    }
    return false;
  }

  return { text, posToOffset, offsetToPos, hasText };
}
