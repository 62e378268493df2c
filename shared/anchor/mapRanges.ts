/**
 * Claim ranges carried through edits: where each claim's words are after a step, found by mapping its
 * two ends through the step's position map, never by searching the text again.
 *
 * A claim does not grow at its edges: text typed at its start or end stays outside (the ends map away
 * from the insertion), text typed strictly inside joins it. A claim whose words are all deleted has no
 * range left: it is orphaned (its data stays; see the claims plugin).
 * Pure code: runs in Node and in the browser.
 */
import type { Node } from 'prosemirror-model';
import type { Mappable } from 'prosemirror-transform';
import type { Range } from './claimRanges';

/** [from, to) narrowed to the inline content in it (its words), or null when there is none. */
export function narrowToWords(doc: Node, from: number, to: number): Range | null {
  let first = -1;
  let last = -1;
  if (from < to) {
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      if (first < 0) first = Math.max(pos, from);
      last = Math.min(pos + node.nodeSize, to);
      return false;
    });
  }
  return first >= 0 && first < last ? { from: first, to: last } : null;
}

/**
 * One range through a mapping; null when no words are left in it. `doc` is the doc after the mapping.
 * A range that lost content at or next to an end, or shrank, is narrowed to the words left: a claim
 * across two blocks that loses all its words on one side ends at its last word, not at the block
 * boundary (so text typed there stays out), and a claim whose first words were replaced by block
 * structure starts at its first remaining word. Every range thus starts and ends on a word.
 */
export function mapRange(range: Range, mapping: Mappable, doc: Node): Range | null {
  const a = mapping.mapResult(range.from, 1);
  const b = mapping.mapResult(range.to, -1);
  if (a.pos >= b.pos) return null;
  if (a.deletedAfter || b.deletedBefore || b.pos - a.pos < range.to - range.from) return narrowToWords(doc, a.pos, b.pos);
  return a.pos === range.from && b.pos === range.to ? range : { from: a.pos, to: b.pos };
}

/** All ranges through a mapping; claims left without words are dropped. */
export function mapRanges(ranges: ReadonlyMap<string, Range>, mapping: Mappable, doc: Node): Map<string, Range> {
  const out = new Map<string, Range>();
  for (const [id, r] of ranges) {
    const next = mapRange(r, mapping, doc);
    if (next) out.set(id, next);
  }
  return out;
}

/**
 * The claims a deletion of [from, to) (before positions) would change in a way mapping cannot undo:
 * it removes one of their ends or all of them. Text re-inserted there by undo would not be theirs again,
 * so their ranges are recorded before such a deletion (see the claims plugin's ClaimRangesStep).
 * A deletion strictly inside a claim needs nothing: re-inserted text lands strictly inside again.
 */
export function rangesCut(ranges: ReadonlyMap<string, Range>, from: number, to: number): string[] {
  const ids: string[] = [];
  for (const [id, r] of ranges) {
    if (r.from < to && r.to > from && !(from > r.from && to < r.to)) ids.push(id);
  }
  return ids;
}
