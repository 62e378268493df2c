/**
 * The conversion between the two forms of a claim's place in an article: in the editor, `claim` marks
 * carrying the claim id (mapped through every transaction, restored exactly by undo); on disk, a W3C
 * TextQuoteSelector + TextPositionSelector over docPlainText(doc).
 *
 * Round trip: `applyClaimTargets(stripClaimMarks(doc), claimTargets(doc, ids, previous))` gives back a
 * doc equal to `doc` when every claim covers one unbroken stretch of text and `ids` lists the claims in
 * the order their marks were first added (see applyClaimTargets).
 * Pure code: runs in Node and in the browser.
 */
import { Fragment, type Mark, type MarkType, type Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { ClaimTarget } from '../schema/claim';
import { makeResolver, selectorsFor } from './selectors';
import { buildTextIndex } from './textIndex';

export type Range = { from: number; to: number };

const CLAIM = 'claim';

function claimType(doc: Node): MarkType | undefined {
  return doc.type.schema.marks[CLAIM];
}

function claimId(mark: Mark): string | null {
  const id: unknown = mark.attrs['id'];
  return typeof id === 'string' ? id : null;
}

/** For each claim id carried by a mark anywhere: the smallest `from` and largest `to` of the inline content carrying it. */
export function readClaimRanges(doc: Node): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const type = claimType(doc);
  if (!type) return ranges;
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (mark.type !== type) continue;
      const id = claimId(mark);
      if (id === null) continue;
      const end = pos + node.nodeSize;
      const r = ranges.get(id);
      if (!r) ranges.set(id, { from: pos, to: end });
      else {
        if (pos < r.from) r.from = pos;
        if (end > r.to) r.to = end;
      }
    }
    return false;
  });
  return ranges;
}

function stripNode(node: Node, type: MarkType): Node {
  if (node.isInline) return type.isInSet(node.marks) ? node.mark(type.removeFromSet(node.marks)) : node;
  if (node.childCount === 0) return node;
  let changed = false;
  const children: Node[] = [];
  node.forEach((child) => {
    const stripped = stripNode(child, type);
    if (stripped !== child) changed = true;
    children.push(stripped);
  });
  // Fragment.fromArray joins neighbouring text nodes whose marks became equal.
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

/** The same doc with every claim mark removed (other marks untouched); the doc itself when it has none. */
export function stripClaimMarks(doc: Node): Node {
  const type = claimType(doc);
  return type ? stripNode(doc, type) : doc;
}

/**
 * The targets to store for `ids`: selectors over the claim's current range, or, for a claim with no text
 * left, its previous target marked orphaned (skipped when there is none).
 */
export function claimTargets(doc: Node, ids: Iterable<string>, previous: Map<string, ClaimTarget>): Map<string, ClaimTarget> {
  const index = buildTextIndex(doc);
  const ranges = readClaimRanges(doc);
  const out = new Map<string, ClaimTarget>();
  for (const id of ids) {
    const range = ranges.get(id);
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

/**
 * Where each stored target is in `doc`, as a range of positions, without changing the doc: the claim
 * ranges the editor keeps in its plugin state. Claims stored orphaned, whose words cannot be found, or
 * which are found only over the gap between two blocks are listed as orphaned.
 */
export function anchorClaimTargets(doc: Node, targets: Iterable<{ id: string; target: ClaimTarget }>): Omit<AppliedTargets, 'doc'> {
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
    if (!found || from >= to) {
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

export type AppliedTargets = {
  doc: Node;
  /** Where each anchored claim now is (as readClaimRanges would report it). */
  ranges: Map<string, Range>;
  /** Claims stored orphaned, or whose words could not be found. */
  orphaned: string[];
  /** Anchored claims found other than at their stored position (the text changed around or before them). */
  moved: string[];
};

type Block = { node: Node; start: number; marks: { from: number; to: number; mark: Mark }[] };

/** The textblocks of a doc in order, with the position where each one's content starts. */
function textblocks(doc: Node): Block[] {
  const blocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ node, start: pos + 1, marks: [] });
    return false;
  });
  return blocks;
}

/** The last block starting at or before `pos` (there always is one for a position inside the body). */
function blockAt(blocks: Block[], pos: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid]?.start ?? 0) <= pos) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** `node` with the textblocks starting at the positions in `replaced` swapped for their new versions. */
function rebuild(node: Node, contentStart: number, replaced: Map<number, Node>): Node {
  if (node.isTextblock) return replaced.get(contentStart) ?? node;
  if (node.isLeaf || node.childCount === 0) return node;
  let changed = false;
  const children: Node[] = [];
  node.forEach((child, offset) => {
    const next = rebuild(child, contentStart + offset + 1, replaced);
    if (next !== child) changed = true;
    children.push(next);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

/**
 * The textblock with claim marks added over the given ranges (offsets into its content): what
 * Transform.addMark gives, in the same mark order, built in one pass over the block's children instead
 * of one step per claim (opening an article with 500 claims is on the path to the first frame).
 */
function markBlock(block: Node, marks: { from: number; to: number; mark: Mark }[]): Node {
  const cuts = [...new Set(marks.flatMap((m) => [m.from, m.to]))].sort((a, b) => a - b);
  const covering = (from: number, to: number, base: readonly Mark[]) => {
    let set = base;
    for (const m of marks) if (m.from <= from && m.to >= to) set = m.mark.addToSet(set);
    return set;
  };
  const children: Node[] = [];
  let pos = 0;
  block.forEach((child) => {
    const end = pos + child.nodeSize;
    if (child.isText) {
      const points = [pos, ...cuts.filter((c) => c > pos && c < end), end];
      for (let i = 0; i + 1 < points.length; i++) {
        const a = points[i]!;
        const b = points[i + 1]!;
        children.push(child.cut(a - pos, b - pos).mark(covering(a, b, child.marks)));
      }
    } else {
      const set = covering(pos, end, child.marks);
      children.push(set === child.marks ? child : child.mark(set));
    }
    pos = end;
  });
  return block.copy(Fragment.fromArray(children));
}

/**
 * Adds claim marks for the stored targets. Marks are added in the order of `targets`; ProseMirror keeps
 * several claim marks on the same text in the order they were added, and `Node.eq` compares that order,
 * so pass claims in the order they were created to get back a doc equal to the one they were saved from.
 * Expects a doc without claim marks for these ids (see stripClaimMarks).
 *
 * The marks are added textblock by textblock (markBlock), then the doc is rebuilt once; the result is
 * the doc Transform.addMark over the whole doc would give (tested), without one step per claim.
 */
export function applyClaimTargets(doc: Node, targets: Iterable<{ id: string; target: ClaimTarget }>): AppliedTargets {
  const type = claimType(doc);
  if (!type) throw new Error('applyClaimTargets: the schema has no claim mark.');
  const index = buildTextIndex(doc);
  const resolve = makeResolver(index.text);
  const blocks = textblocks(doc);
  const orphaned: string[] = [];
  const moved: string[] = [];
  const anchored: string[] = [];
  const seen = new Set<string>();
  for (const { id, target } of targets) {
    if (seen.has(id)) continue;
    seen.add(id);
    const found = target.orphaned ? null : resolve(target);
    if (!found) {
      orphaned.push(id);
      continue;
    }
    anchored.push(id);
    if (found.how !== 'position') moved.push(id);
    const from = index.offsetToPos(found.start, 'start');
    const to = index.offsetToPos(found.end, 'end');
    if (from >= to) continue;
    const mark = type.create({ id });
    for (let b = blockAt(blocks, from); b < blocks.length; b++) {
      const block = blocks[b];
      if (!block || block.start >= to) break;
      const lo = Math.max(0, from - block.start);
      const hi = Math.min(block.node.content.size, to - block.start);
      if (lo < hi) block.marks.push({ from: lo, to: hi, mark });
    }
  }
  const replaced = new Map<number, Node>();
  for (const block of blocks) {
    if (block.marks.length > 0) replaced.set(block.start, markBlock(block.node, block.marks));
  }
  const result = replaced.size > 0 ? rebuild(doc, 0, replaced) : doc;
  const all = anchored.length > 0 ? readClaimRanges(result) : new Map<string, Range>();
  const ranges = new Map<string, Range>();
  for (const id of anchored) {
    const r = all.get(id);
    // Found, but only over the gap between blocks: there is no text to mark.
    if (r) ranges.set(id, r);
    else orphaned.push(id);
  }
  return { doc: result, ranges, orphaned, moved: moved.filter((id) => ranges.has(id)) };
}
