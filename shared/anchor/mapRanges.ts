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

/** Does [from, to) still hold any text (an inline leaf such as a hard break counts as text)? */
export function hasWords(doc: Node, from: number, to: number): boolean {
  if (from >= to) return false;
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found) return false;
    if (node.isInline) found = true;
    return !found;
  });
  return found;
}

/** One range through a mapping; null when no words are left in it. `doc` is the doc after the mapping. */
export function mapRange(range: Range, mapping: Mappable, doc: Node): Range | null {
  const from = mapping.map(range.from, 1);
  const to = mapping.map(range.to, -1);
  if (from >= to) return null;
  // Only a range that lost something can have lost all its words (e.g. the end of one block and the
  // start of the next, with the block boundary still between them).
  if (to - from < range.to - range.from && !hasWords(doc, from, to)) return null;
  return from === range.from && to === range.to ? range : { from, to };
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
