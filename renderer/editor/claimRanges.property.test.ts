/**
 * Property tests: claim ranges (kept in the claims plugin's state) carried through random edits, against
 * a model of the text.
 *
 * The model is the doc's textblocks as arrays of characters, each with a unique identity and the set of
 * claim ids it belongs to. A claim's range runs from its first character to just after its last one, so
 * it spans block boundaries and there are no holes: the model looks at the flattened text (all blocks
 * concatenated). Edits: typing (the new text joins a claim iff the characters just before and just after
 * the cursor in the flattened text are both in it: typed at a claim's start or end it stays outside),
 * deleting within a block or across blocks (the two blocks' remainders join; a claim with no characters
 * left is orphaned), deleting a whole claim's range, splitting a block (claims keep their characters).
 * Every transaction goes through snapshotClaimRanges before it is applied, as in ArticleEditor.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory, redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import { canSplit } from 'prosemirror-transform';
import { articleFromText } from '../../shared/doc/fromText';
import { articleSchema as s } from '../../shared/doc/schema';
import { anchorClaimTargets, targetsForRanges, type Range } from '../../shared/anchor/claimRanges';
import { newClaimData, type ClaimData, type ClaimTarget } from '../../shared/schema/claim';
import { claimRangesOf, claimsPlugin } from './claimsPlugin';
import { snapshotClaimRanges } from './snapshotClaimRanges';
import { editorPlugins } from './setup';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');

const p = (...content: (string | Node)[]): Node => s.node('paragraph', null, content.map((c) => (typeof c === 'string' ? s.text(c) : c)));
const li = (...content: Node[]): Node => s.node('list_item', null, content);

/** The sample article, plus nested blocks, a hard_break, an empty paragraph and inline marks to edit across. */
const baseDoc: Node = (() => {
  const parsed = s.nodeFromJSON(articleFromText(sample, 'text').doc);
  const children: Node[] = [];
  parsed.forEach((n) => children.push(n));
  const extra = [
    s.node('blockquote', null, [p('Quoted ', s.text('words', [s.mark('em')]), ' here.'), p('A second quoted paragraph.')]),
    s.node('bullet_list', null, [li(p('Item one')), li(p('Item two'), s.node('ordered_list', null, [li(p('Nested item'))]))]),
    p('Line one', s.node('hard_break'), 'line two, ', s.text('linked', [s.mark('link', { href: 'https://example.org/' })]), '.'),
    s.node('horizontal_rule'),
    p(),
    s.node('heading', { level: 2 }, [s.text('A subheading')]),
  ];
  // Put the extra blocks in the middle so edits cross them from both sides.
  const mid = Math.floor(children.length / 2);
  const doc = s.node('doc', null, [...children.slice(0, mid), ...extra, ...children.slice(mid)]);
  doc.check();
  return doc;
})();

const stats = {
  sequences: 0,
  steps: 0,
  appliedSteps: 0,
  /** ClaimRangesSteps snapshotClaimRanges put before cutting steps, in both properties. */
  snapshotSteps: 0,
  emptyBlocksKept: 0,
  unjoinedDeletes: 0,
  insertsJoiningAcrossBlocks: 0,
  claimsAcrossBlocks: 0,
  orphanedClaims: 0,
  brokenClaims: 0,
  undoSequences: 0,
  undoSteps: 0,
  undoOrphaned: 0,
};

const READER = 'Ana';
const AT = '2026-11-28T09:00:00.000Z';

// ---------------------------------------------------------------------------------------------------------
// The doc and the claims plugin's ranges

type Cell = { ch: string; pos: number };

/** The doc's textblocks as characters (hard_break = '\n') with their positions. */
function docCells(doc: Node): Cell[][] {
  const blocks: Cell[][] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const cells: Cell[] = [];
    node.forEach((child, offset) => {
      const text = child.isText ? (child.text ?? '') : '\n';
      for (let k = 0; k < text.length; k++) cells.push({ ch: text.charAt(k), pos: pos + 1 + offset + k });
    });
    blocks.push(cells);
    return false;
  });
  return blocks;
}

/** The claims whose range [from, to) holds a position, sorted. */
function claimsAt(ranges: ReadonlyMap<string, Range>, pos: number): string[] {
  const ids: string[] = [];
  for (const [id, r] of ranges) if (r.from <= pos && pos < r.to) ids.push(id);
  return ids.sort();
}

const sortedEntries = (ranges: ReadonlyMap<string, Range>): [string, Range][] => [...ranges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const rangesOf = (state: EditorState): ReadonlyMap<string, Range> => claimRangesOf(state).ranges;

// ---------------------------------------------------------------------------------------------------------
// The model

type MChar = { uid: number; ch: string; claims: Set<string> };
type Model = { blocks: MChar[][]; nextUid: number };

const key = (ch: string, claims: Iterable<string>): string => `${ch}|${[...claims].sort().join(',')}`;
const docKeys = (doc: Node, ranges: ReadonlyMap<string, Range>): string[][] => docCells(doc).map((b) => b.map((c) => key(c.ch, claimsAt(ranges, c.pos))));
const modelKeys = (m: Model): string[][] => m.blocks.map((b) => b.map((c) => key(c.ch, c.claims)));

/** The character just before (block, at) in the flattened text, skipping empty blocks; undefined at the doc's start. */
function charBefore(m: Model, block: number, at: number): MChar | undefined {
  if (at > 0) return m.blocks[block]?.[at - 1];
  for (let k = block - 1; k >= 0; k--) {
    const b = m.blocks[k];
    if (b && b.length > 0) return b[b.length - 1];
  }
  return undefined;
}

/** The character at (block, at) in the flattened text, skipping empty blocks; undefined at the doc's end. */
function charAfter(m: Model, block: number, at: number): MChar | undefined {
  const own = m.blocks[block];
  if (own && at < own.length) return own[at];
  for (let k = block + 1; k < m.blocks.length; k++) {
    const b = m.blocks[k];
    if (b && b.length > 0) return b[0];
  }
  return undefined;
}

/** Typed text joins the claims of both its neighbours in the flattened text. Returns those claims. */
function modelInsert(m: Model, block: number, at: number, text: string): string[] {
  const chars = m.blocks[block];
  if (!chars) throw new Error('model: no block');
  const before = charBefore(m, block, at);
  const after = charAfter(m, block, at);
  const claims = before && after ? [...before.claims].filter((id) => after.claims.has(id)) : [];
  const inserted = text.split('').map((ch) => ({ uid: m.nextUid++, ch, claims: new Set(claims) }));
  chars.splice(at, 0, ...inserted);
  return claims;
}

/** Deletes from (block i, offset a) to (block j, offset b); the remainders of i and j join. */
function modelDelete(m: Model, i: number, a: number, j: number, b: number): void {
  const first = m.blocks[i];
  const last = m.blocks[j];
  if (!first || !last) throw new Error('model: no block');
  const joined = [...first.slice(0, a), ...last.slice(b)];
  m.blocks.splice(i, j - i + 1, joined);
}

/**
 * ProseMirror's real behaviour, adopted by the model: a delete across blocks removes exactly the characters
 * in its range, but the two blocks' remainders do not always end up in one textblock:
 * - a delete that ends in the first paragraph of a list item that holds more blocks (a nested list) leaves
 *   an empty paragraph there, since a list item must start with a paragraph;
 * - when the rest of the second block cannot go into the first (the title takes only unmarked text, so
 *   not emphasis, links or hard breaks), both blocks stay, each cut at the deleted range.
 * Characters and claims are the same either way (the flattened text does not see block boundaries). The
 * model takes these two block-structure outcomes from the doc (only at the join point, and only empty
 * blocks); anything else that differs fails the test.
 */
function adoptBlocks(m: Model, doc: Node, join: { block: number; at: number }): { empty: number; unjoined: number } {
  const sizes = blockInfo(doc).map((b) => b.size);
  const out = { empty: 0, unjoined: 0 };
  for (let k = 0; k < sizes.length; k++) {
    const mine = m.blocks[k];
    if (mine && mine.length === sizes[k]) continue;
    if (mine && k === join.block && sizes[k] === join.at && out.unjoined === 0) {
      m.blocks.splice(k, 1, mine.slice(0, join.at), mine.slice(join.at));
      out.unjoined++;
    } else if (sizes[k] === 0) {
      m.blocks.splice(k, 0, []);
      out.empty++;
    } else {
      throw new Error(`model: block ${k} has ${mine?.length} characters, the doc ${sizes[k]}`);
    }
  }
  if (m.blocks.length !== sizes.length) throw new Error(`model: ${m.blocks.length} blocks, the doc ${sizes.length}`);
  return out;
}

function modelSplit(m: Model, block: number, at: number): void {
  const chars = m.blocks[block];
  if (!chars) throw new Error('model: no block');
  m.blocks.splice(block, 1, chars.slice(0, at), chars.slice(at));
}

function modelClaims(m: Model): Set<string> {
  const ids = new Set<string>();
  for (const b of m.blocks) for (const c of b) for (const id of c.claims) ids.add(id);
  return ids;
}

/** Claims whose characters are not one unbroken run of the flattened text: with ranges there must be none. */
function brokenClaims(m: Model): Set<string> {
  const flat = m.blocks.flat();
  const broken = new Set<string>();
  for (const id of modelClaims(m)) {
    const first = flat.findIndex((c) => c.claims.has(id));
    let last = flat.length - 1;
    while (last >= 0 && !flat[last]?.claims.has(id)) last--;
    for (let k = first; k <= last; k++) if (!flat[k]?.claims.has(id)) broken.add(id);
  }
  return broken;
}

// ---------------------------------------------------------------------------------------------------------
// Edits

type Step =
  | { kind: 'insert'; where: number; text: string }
  | { kind: 'insertAtEdge'; block: number; atEnd: boolean; text: string }
  | { kind: 'deleteIn'; where: number; len: number }
  | { kind: 'deleteAcross'; where: number; len: number }
  | { kind: 'deleteClaim'; which: number }
  | { kind: 'split'; where: number };

const typed = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '’', 'é', '😀'), minLength: 1, maxLength: 5 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), where: fc.nat(), text: typed }) },
  // Typing at a block's start or end: inside a claim that spans the boundary, outside one that ends or starts there.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertAtEdge' as const), block: fc.nat(), atEnd: fc.boolean(), text: typed }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteIn' as const), where: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteAcross' as const), where: fc.nat(), len: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteClaim' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), where: fc.nat() }) },
);

type Slot = { block: number; offset: number };
type BlockInfo = { start: number; size: number };

function blockInfo(doc: Node): BlockInfo[] {
  const out: BlockInfo[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    out.push({ start: pos + 1, size: node.content.size });
    return false;
  });
  return out;
}

/** The n-th cursor slot of the doc (every offset 0..size of every textblock), wrapping around. */
function slotAt(blocks: BlockInfo[], n: number): Slot {
  const total = blocks.reduce((t, b) => t + b.size + 1, 0);
  let k = n % total;
  for (let i = 0; i < blocks.length; i++) {
    const size = blocks[i]?.size ?? 0;
    if (k <= size) return { block: i, offset: k };
    k -= size + 1;
  }
  throw new Error('slot');
}

function slotIndex(blocks: BlockInfo[], slot: Slot): number {
  let n = 0;
  for (let i = 0; i < slot.block; i++) n += (blocks[i]?.size ?? 0) + 1;
  return n + slot.offset;
}

function posOf(blocks: BlockInfo[], slot: Slot): number {
  return (blocks[slot.block]?.start ?? 0) + slot.offset;
}

function slotOfPos(blocks: BlockInfo[], pos: number): Slot {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b && pos >= b.start && pos <= b.start + b.size) return { block: i, offset: pos - b.start };
  }
  throw new Error(`position ${pos} is not in a textblock`);
}

/** Applies a transaction as ArticleEditor's dispatchTransaction does. */
function dispatch(state: EditorState, tr: Transaction): EditorState {
  const out = snapshotClaimRanges(state, tr);
  stats.snapshotSteps += out.steps.length - tr.steps.length;
  return state.apply(out);
}

/**
 * Applies one step to the state as a transaction (its own undo event) and, when a model is given, to the
 * model. Returns the new state (unchanged when the step does not apply, e.g. splitting the title).
 */
function applyStep(state: EditorState, step: Step, ids: string[], model: Model | null): EditorState {
  const blocks = blockInfo(state.doc);
  let tr: Transaction | null = null;
  let join: { block: number; at: number } | null = null;
  const insert = (at: Slot, text: string) => {
    tr = state.tr.insertText(text, posOf(blocks, at));
    if (model) {
      const joined = modelInsert(model, at.block, at.offset, text);
      if (joined.length > 0 && (at.offset === 0 || at.offset === (blocks[at.block]?.size ?? 0))) stats.insertsJoiningAcrossBlocks++;
    }
  };
  switch (step.kind) {
    case 'insert': {
      insert(slotAt(blocks, step.where), step.text);
      break;
    }
    case 'insertAtEdge': {
      const block = step.block % blocks.length;
      insert({ block, offset: step.atEnd ? (blocks[block]?.size ?? 0) : 0 }, step.text);
      break;
    }
    case 'deleteIn': {
      const at = slotAt(blocks, step.where);
      const size = blocks[at.block]?.size ?? 0;
      const end = Math.min(size, at.offset + step.len);
      if (end === at.offset) return state;
      tr = state.tr.delete(posOf(blocks, at), posOf(blocks, { block: at.block, offset: end }));
      if (model) modelDelete(model, at.block, at.offset, at.block, end);
      break;
    }
    case 'deleteAcross': {
      const from = slotAt(blocks, step.where);
      const n = slotIndex(blocks, from) + step.len;
      const total = blocks.reduce((t, b) => t + b.size + 1, 0);
      if (n >= total) return state;
      const to = slotAt(blocks, n);
      tr = state.tr.delete(posOf(blocks, from), posOf(blocks, to));
      if (model) modelDelete(model, from.block, from.offset, to.block, to.offset);
      if (from.block !== to.block) join = { block: from.block, at: from.offset };
      break;
    }
    case 'deleteClaim': {
      const id = ids[step.which % ids.length];
      const r = id === undefined ? undefined : rangesOf(state).get(id);
      if (!r) return state;
      const from = slotOfPos(blocks, r.from);
      const to = slotOfPos(blocks, r.to);
      tr = state.tr.delete(r.from, r.to);
      if (model) modelDelete(model, from.block, from.offset, to.block, to.offset);
      if (from.block !== to.block) join = { block: from.block, at: from.offset };
      break;
    }
    case 'split': {
      const at = slotAt(blocks, step.where);
      const pos = posOf(blocks, at);
      if (at.block === 0 || !canSplit(state.doc, pos)) return state; // the title cannot be split
      tr = state.tr.split(pos);
      if (model) modelSplit(model, at.block, at.offset);
      break;
    }
  }
  if (!tr) throw new Error('no transaction');
  const next = dispatch(state, closeHistory(tr));
  if (model) stats.appliedSteps++;
  if (model && join) {
    const adopted = adoptBlocks(model, next.doc, join);
    stats.emptyBlocksKept += adopted.empty;
    stats.unjoinedDeletes += adopted.unjoined;
  }
  return next;
}

// ---------------------------------------------------------------------------------------------------------
// Generating claims

type ClaimSpec = { start: number; len: number };
const claimsArb = fc.array(fc.record({ start: fc.nat(), len: fc.integer({ min: 1, max: 250 }) }), { minLength: 1, maxLength: 16 });

type Start = { doc: Node; ids: string[]; ranges: Map<string, Range>; state: EditorState; model: Model };

/**
 * An editor state over `doc` with claims (data and ranges in the claims plugin) over runs of characters
 * (runs may cross blocks; claims may overlap or nest), and the model of its text.
 */
function withClaims(doc: Node, specs: ClaimSpec[]): Start {
  const cells = docCells(doc).flat();
  const ids: string[] = [];
  const ranges = new Map<string, Range>();
  const runs: { id: string; first: number; last: number }[] = [];
  specs.forEach((spec, k) => {
    const first = spec.start % cells.length;
    const last = Math.min(cells.length - 1, first + spec.len - 1);
    const a = cells[first];
    const b = cells[last];
    if (!a || !b) throw new Error('cells');
    const id = `claim-${String(k).padStart(2, '0')}`;
    ranges.set(id, { from: a.pos, to: b.pos + 1 });
    runs.push({ id, first, last });
    ids.push(id);
  });
  const data = new Map<string, ClaimData>(ids.map((id) => [id, newClaimData(id, READER, AT)]));
  const state = EditorState.create({ doc, plugins: [claimsPlugin(data, ranges), ...editorPlugins()] });
  let uid = 0;
  const model: Model = { blocks: [], nextUid: 0 };
  let flat = 0;
  for (const block of docCells(doc)) {
    model.blocks.push(
      block.map((c) => {
        const claims = new Set(runs.filter((r) => r.first <= flat && flat <= r.last).map((r) => r.id));
        flat++;
        return { uid: uid++, ch: c.ch, claims };
      }),
    );
  }
  model.nextUid = uid;
  return { doc, ids, ranges, state, model };
}

afterAll(() => {
  console.log(`claim range property runs: ${JSON.stringify(stats)}`);
});

// ---------------------------------------------------------------------------------------------------------

/** Applies the edits, then checks every single undo, undoing all, and redoing all (see the property). */
function checkUndoRedo(specs: ClaimSpec[], steps: Step[]): void {
    const { doc: start, ids, ranges: initial, state: initialState } = withClaims(baseDoc, specs);
    let state = initialState;
    // The state after each applied edit (each is one undo event), the initial one first.
    const history: { doc: Node; ranges: [string, Range][] }[] = [{ doc: start, ranges: sortedEntries(initial) }];
    for (const step of steps) {
      const next = applyStep(state, step, ids, null);
      if (next === state) continue;
      state = next;
      history.push({ doc: state.doc, ranges: sortedEntries(rangesOf(state)) });
    }
    const edited = state;
    stats.undoSequences++;
    stats.undoSteps += history.length - 1;
    stats.undoOrphaned += claimRangesOf(edited).orphaned.length;
    const run = (command: typeof undo) =>
      command(state, (tr) => {
        state = dispatch(state, tr);
      });

    // Each undo goes back exactly one edit, text and claims.
    expect(undoDepth(state)).toBe(history.length - 1);
    for (let k = history.length - 2; k >= 0; k--) {
      expect(run(undo)).toBe(true);
      const want = history[k];
      if (!want) throw new Error('history');
      expect(state.doc.eq(want.doc)).toBe(true);
      expect(sortedEntries(rangesOf(state))).toEqual(want.ranges);
    }
    expect(undoDepth(state)).toBe(0);
    expect(state.doc.eq(start)).toBe(true);
    expect(sortedEntries(rangesOf(state))).toEqual(sortedEntries(initial));
    expect(claimRangesOf(state).orphaned).toEqual([]);

    // Redoing everything gives the edited state back.
    let guard = 0;
    while (redoDepth(state) > 0 && guard++ < 1000) expect(run(redo)).toBe(true);
    expect(state.doc.eq(edited.doc)).toBe(true);
    expect(sortedEntries(rangesOf(state))).toEqual(sortedEntries(rangesOf(edited)));
    expect([...claimRangesOf(state).orphaned].sort()).toEqual([...claimRangesOf(edited).orphaned].sort());
}

describe('claim ranges through random edits', () => {
  /** The claims of an 'X' typed at `pos` (it lands at `pos`), with one claim on the given characters of the flattened text. */
  function typedX(spec: ClaimSpec, pos: number): string[] {
    const { state } = withClaims(baseDoc, [spec]);
    const next = dispatch(state, state.tr.insertText('X', pos));
    expect(next.doc.textBetween(pos, pos + 1)).toBe('X');
    return claimsAt(rangesOf(next), pos);
  }

  it('the model rule is the ranges’: typed text joins a claim only strictly inside it', () => {
    const spec = { start: 2, len: 5 }; // title characters 2..6 are the claim
    expect(typedX(spec, 1 + 2)).toEqual([]); // at the claim's start
    expect(typedX(spec, 1 + 3)).toEqual(['claim-00']); // inside
    expect(typedX(spec, 1 + 7)).toEqual([]); // at its end
    const { ranges } = withClaims(baseDoc, [spec]);
    expect(ranges.get('claim-00')).toEqual({ from: 3, to: 8 });
  });

  it('a claim across a block boundary takes text typed at the boundary (no hole), and not text typed just outside it', () => {
    const blocks = blockInfo(baseDoc);
    const titleSize = blocks[0]?.size ?? 0;
    const across = { start: titleSize - 2, len: 5 }; // the title's last 2 characters and the next block's first 3
    expect(typedX(across, posOf(blocks, { block: 0, offset: titleSize }))).toEqual(['claim-00']); // end of the title
    expect(typedX(across, posOf(blocks, { block: 1, offset: 0 }))).toEqual(['claim-00']); // start of the next block
    const endsAtTitle = { start: titleSize - 2, len: 2 };
    expect(typedX(endsAtTitle, posOf(blocks, { block: 0, offset: titleSize }))).toEqual([]);
    expect(typedX(endsAtTitle, posOf(blocks, { block: 1, offset: 0 }))).toEqual([]);
    const startsAfterTitle = { start: titleSize, len: 2 };
    expect(typedX(startsAfterTitle, posOf(blocks, { block: 0, offset: titleSize }))).toEqual([]);
    expect(typedX(startsAfterTitle, posOf(blocks, { block: 1, offset: 0 }))).toEqual([]);
  });

  it('a claim across a block boundary that loses its words on one side keeps its range on the words left', () => {
    const blocks = blockInfo(baseDoc);
    const titleEnd = posOf(blocks, { block: 0, offset: blocks[0]?.size ?? 0 });
    const next = posOf(blocks, { block: 1, offset: 0 });
    const across = { start: (blocks[0]?.size ?? 0) - 1, len: 2 }; // the title's last character and the next block's first
    // The next block's character deleted: the claim is the title's last character, and typing after it stays outside.
    const { state: a } = withClaims(baseDoc, [across]);
    const cutEnd = dispatch(a, a.tr.delete(next, next + 1));
    expect(rangesOf(cutEnd).get('claim-00')).toEqual({ from: titleEnd - 1, to: titleEnd });
    expect(claimsAt(rangesOf(dispatch(cutEnd, cutEnd.tr.insertText('X', titleEnd))), titleEnd)).toEqual([]);
    // The title's character deleted: the claim is the next block's first character, and typing before it stays outside.
    const { state: b } = withClaims(baseDoc, [across]);
    const cutStart = dispatch(b, b.tr.delete(titleEnd - 1, titleEnd));
    expect(rangesOf(cutStart).get('claim-00')).toEqual({ from: next - 1, to: next });
    expect(claimsAt(rangesOf(dispatch(cutStart, cutStart.tr.insertText('X', next - 1))), next - 1)).toEqual([]);
  });

  it('ProseMirror keeps both blocks when a delete from the title ends in text the title cannot hold', () => {
    const d = s.node('doc', null, [s.node('title', null, [s.text('Headline words')]), p('Plain one.'), p('Has ', s.text('stress', [s.mark('em')]), ' here.')]);
    const blocks = blockInfo(d);
    const state = EditorState.create({ doc: d });
    const from = posOf(blocks, { block: 0, offset: 8 });
    const plain = state.apply(state.tr.delete(from, posOf(blocks, { block: 1, offset: 6 }))).doc;
    expect(docCells(plain).map((b) => b.map((c) => c.ch).join(''))).toEqual(['Headlineone.', 'Has stress here.']);
    const marked = state.apply(state.tr.delete(from, posOf(blocks, { block: 2, offset: 2 }))).doc;
    expect(docCells(marked).map((b) => b.map((c) => c.ch).join(''))).toEqual(['Headline', 's stress here.']);
  });

  it('ProseMirror leaves an empty paragraph when a delete ends in a list item that holds a nested list', () => {
    const d = s.node('doc', null, [
      s.node('title', null, [s.text('T')]),
      p('before'),
      s.node('bullet_list', null, [li(p('Item two'), s.node('bullet_list', null, [li(p('Nested'))]))]),
    ]);
    const blocks = blockInfo(d);
    const state = EditorState.create({ doc: d });
    const after = state.apply(state.tr.delete(posOf(blocks, { block: 1, offset: 2 }), posOf(blocks, { block: 2, offset: 5 }))).doc;
    expect(docCells(after).map((b) => b.map((c) => c.ch).join(''))).toEqual(['T', 'betwo', '', 'Nested']);
  });

  it('keeps every claim on its words, orphans fully deleted claims, and saves/loads exactly', () => {
    fc.assert(
      fc.property(claimsArb, fc.array(stepArb, { maxLength: 40, size: 'max' }), (specs, steps) => {
        const { doc: start, ids, ranges: initial, state: initialState, model } = withClaims(baseDoc, specs);
        const previous = targetsForRanges(start, initial, new Map<string, ClaimTarget>());
        let state = initialState;
        for (const step of steps) state = applyStep(state, step, ids, model);
        const doc = state.doc;
        const { ranges, orphaned } = claimRangesOf(state);
        stats.sequences++;
        stats.steps += steps.length;

        // With ranges, every claim is one unbroken run of the flattened text.
        const broken = brokenClaims(model);
        stats.brokenClaims += broken.size;
        expect([...broken]).toEqual([]);

        // (a) Every character is in exactly the model's claims, block by block.
        const got = docKeys(doc, ranges);
        const want = modelKeys(model);
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);

        // (b) Ranges: from the first character in the claim to just after the last; the others orphaned.
        const cellBlocks = docCells(doc);
        const alive = modelClaims(model);
        const dead = ids.filter((id) => !alive.has(id)).sort();
        expect([...ranges.keys()].sort()).toEqual([...alive].sort());
        expect([...orphaned].sort()).toEqual(dead);
        const wanted = new Map<string, Range>();
        model.blocks.forEach((chars, b) => {
          chars.forEach((c, k) => {
            const pos = cellBlocks[b]?.[k]?.pos;
            if (pos === undefined) throw new Error('model and doc differ');
            for (const id of c.claims) {
              const r = wanted.get(id);
              if (r) r.to = pos + 1;
              else wanted.set(id, { from: pos, to: pos + 1 });
            }
          });
        });
        expect(sortedEntries(ranges)).toEqual(sortedEntries(wanted));
        const starts = blockInfo(doc).map((b) => b.start);
        for (const [, r] of ranges) if (starts.some((b) => b > r.from && b < r.to)) stats.claimsAcrossBlocks++;

        // (c) Save → load on the same doc: the same ranges; a claim with no characters left is stored
        // orphaned with its previous quote, and stays orphaned.
        const targets = targetsForRanges(doc, new Map(ids.map((id) => [id, ranges.get(id) ?? null])), previous);
        for (const id of ids) {
          const t = targets.get(id);
          if (alive.has(id)) {
            expect(t?.orphaned).toBe(false);
          } else {
            stats.orphanedClaims++;
            expect(t).toEqual({ ...previous.get(id), orphaned: true });
          }
        }
        const loaded = anchorClaimTargets(
          doc,
          [...targets].map(([id, target]) => ({ id, target })),
        );
        expect([...loaded.orphaned].sort()).toEqual(dead);
        expect(loaded.moved).toEqual([]);
        expect(sortedEntries(loaded.ranges)).toEqual(sortedEntries(ranges));
      }),
      { numRuns: 2000 },
    );
  }, 120_000); // passing takes a few seconds; the time is for shrinking a counterexample

  it('undoing every edit brings back the original doc and claim ranges, orphaned claims included; redo replays them', () => {
    fc.assert(fc.property(claimsArb, fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' }), checkUndoRedo), { numRuns: 2000 });
  }, 120_000); // passing takes a few seconds; the time is for shrinking a counterexample

  it('undo after block structure replaced a claim\'s first words (a case the property found once in 30,000 runs)', () => {
    // The claim's start was deleted by a step that inserted as many structure tokens as it deleted, so
    // the range did not shrink and kept a start that was not on a word; undoing a later split inside it
    // then moved its start. Ranges are now narrowed whenever content at an end is deleted.
    checkUndoRedo(...([[{"start":1747596226,"len":5},{"start":0,"len":1}],[{"kind":"deleteIn","where":1218770161,"len":19},{"kind":"deleteIn","where":332850182,"len":40},{"kind":"insert","where":0,"text":"😀aaa"},{"kind":"deleteIn","where":44505362,"len":15},{"kind":"deleteAcross","where":1765329445,"len":150},{"kind":"insert","where":0,"text":"a"},{"kind":"deleteIn","where":3693720,"len":9},{"kind":"deleteIn","where":651676755,"len":5},{"kind":"split","where":1463557898},{"kind":"deleteAcross","where":63998201,"len":193},{"kind":"insertAtEdge","block":0,"atEnd":false,"text":"a"},{"kind":"deleteIn","where":0,"len":9},{"kind":"insert","where":0,"text":"a"},{"kind":"deleteIn","where":14182959,"len":7},{"kind":"deleteAcross","where":0,"len":316},{"kind":"deleteAcross","where":1753445695,"len":292},{"kind":"split","where":203},{"kind":"split","where":403957951},{"kind":"insert","where":0,"text":"a"}]] as [ClaimSpec[], Step[]]));
  });
});
