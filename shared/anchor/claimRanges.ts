/**
 * The conversion between the two forms of a claim's place in an article: in the editor, a range of
 * positions (kept in the claims plugin's state and mapped through every transaction, see mapRanges.ts);
 * on disk, a W3C TextQuoteSelector + TextPositionSelector over docPlainText(doc).
 *
 * Round trip: `anchorClaimTargets(doc, targetsForRanges(doc, ranges, previous))` gives back `ranges`
 * for every range that starts and ends inside textblocks (as claims made from selected words do).
 * Pure code: runs in Node and in the browser.
 */
import type { Node } from 'prosemirror-model';
import type { ClaimTarget } from '../schema/claim';
import { makeResolver, selectorsFor } from './selectors';
import { buildTextIndex } from './textIndex';

export type Range = { from: number; to: number };

export type AnchoredTargets = {
  /** Where each anchored claim is. */
  ranges: Map<string, Range>;
  /** Claims stored orphaned, or whose words could not be found. */
  orphaned: string[];
  /** Anchored claims found other than at their stored position (the text changed around or before them). */
  moved: string[];
};

/**
 * Where each stored target is in `doc`, without changing the doc. Claims stored orphaned, whose words
 * cannot be found, or which are found only over the gap between two blocks are listed as orphaned.
 * The first target of an id wins.
 */
export function anchorClaimTargets(doc: Node, targets: Iterable<{ id: string; target: ClaimTarget }>): AnchoredTargets {
  const index = buildTextIndex(doc);
  const resolve = makeResolver(index.text);
  const ranges = new Map<string, Range>();
  const orphaned: string[] = [];
  const moved: string[] = [];
  const seen = new Set<string>();
  for (const { id, target } of targets) {
    if (seen.has(id)) continue;
    seen.add(id);
    const found = target.orphaned ? null : resolve(target);
    const from = found ? index.offsetToPos(found.start, 'start') : 0;
    const to = found ? index.offsetToPos(found.end, 'end') : 0;
    if (!found || from >= to || !index.hasText(found.start, found.end)) {
      orphaned.push(id);
      continue;
    }
    ranges.set(id, { from, to });
    if (found.how !== 'position') moved.push(id);
  }
  return { ranges, orphaned, moved };
}

/**
 * The targets to store for claims at the given ranges: selectors over each range, or, for a claim with
 * no range (no words left), its previous target marked orphaned (skipped when there is none).
 */
export function targetsForRanges(doc: Node, ranges: ReadonlyMap<string, Range | null>, previous: ReadonlyMap<string, ClaimTarget>): Map<string, ClaimTarget> {
  const index = buildTextIndex(doc);
  const out = new Map<string, ClaimTarget>();
  for (const [id, range] of ranges) {
    if (range) {
      const { quote, position } = selectorsFor(index.text, index.posToOffset(range.from), index.posToOffset(range.to));
      out.set(id, { quote, position, orphaned: false });
    } else {
      const prev = previous.get(id);
      if (prev) out.set(id, { quote: prev.quote, position: prev.position, orphaned: true });
    }
  }
  return out;
}
