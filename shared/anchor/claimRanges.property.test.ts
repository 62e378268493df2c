/**
 * Property tests: claim marks carried through random edits, against a model of the text.
 *
 * The model is the doc's textblocks as arrays of characters, each with a unique identity and the set of
 * claim ids it carries. Edits: typing (ProseMirror's tr.insertText at a cursor: the new text takes the
 * cursor's marks, and for the non-inclusive claim mark that means the claims carried by the characters on
 * both sides within the block, none at a block's start or end), deleting within a block or across blocks
 * (the two blocks' remainders join), deleting a whole claim's range, splitting a block.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { history, undo, undoDepth } from 'prosemirror-history';
import { canSplit, Transform } from 'prosemirror-transform';
import { articleFromText } from '../doc/fromText';
import { articleSchema as s } from '../doc/schema';
import { applyClaimTargets, claimTargets, readClaimRanges, stripClaimMarks, type Range } from './claimRanges';

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

const stats = { sequences: 0, steps: 0, emptyBlocksKept: 0, unjoinedDeletes: 0, orphanedClaims: 0, brokenClaims: 0, sequencesWithBroken: 0, undoSequences: 0, undoOrphaned: 0 };

// ---------------------------------------------------------------------------------------------------------
// The model

type MChar = { uid: number; ch: string; claims: Set<string> };
type Model = { blocks: MChar[][]; nextUid: number };

type Cell = { ch: string; claims: string[]; pos: number };

/** The doc's textblocks as characters (hard_break = '\n') with their sorted claim ids and positions. */
function docCells(doc: Node): Cell[][] {
  const blocks: Cell[][] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const cells: Cell[] = [];
    node.forEach((child, offset) => {
      const claims = child.marks.filter((m) => m.type === s.marks.claim).map((m) => String(m.attrs['id'])).sort();
      const text = child.isText ? (child.text ?? '') : '\n';
      for (let k = 0; k < text.length; k++) cells.push({ ch: text.charAt(k), claims, pos: pos + 1 + offset + k });
    });
    blocks.push(cells);
    return false;
  });
  return blocks;
}

function modelFrom(doc: Node): Model {
  let uid = 0;
  const blocks = docCells(doc).map((cells) => cells.map((c) => ({ uid: uid++, ch: c.ch, claims: new Set(c.claims) })));
  return { blocks, nextUid: uid };
}

const key = (ch: string, claims: Iterable<string>): string => `${ch}|${[...claims].sort().join(',')}`;
const docKeys = (doc: Node): string[][] => docCells(doc).map((b) => b.map((c) => key(c.ch, c.claims)));
const modelKeys = (m: Model): string[][] => m.blocks.map((b) => b.map((c) => key(c.ch, c.claims)));

function modelInsert(m: Model, block: number, at: number, text: string): void {
  const chars = m.blocks[block];
  if (!chars) throw new Error('model: no block');
  const before = chars[at - 1];
  const after = chars[at];
  const claims = before && after ? [...before.claims].filter((id) => after.claims.has(id)) : [];
  const inserted = text.split('').map((ch) => ({ uid: m.nextUid++, ch, claims: new Set(claims) }));
  chars.splice(at, 0, ...inserted);
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
 * Characters and claims are the same either way. The model takes these two block-structure outcomes from
 * the doc (only at the join point, and only empty blocks); anything else that differs fails the test.
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

/** Claims whose characters are not one unbroken run of the text (the round trip fills such holes). */
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
  // Typing at a block's start or end, where claims that span blocks leave the typed text out.
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

/**
 * Applies one step to the state as a transaction and, when a model is given, to the model.
 * Returns the new state (unchanged when the step does not apply, e.g. splitting the title).
 */
function applyStep(state: EditorState, step: Step, ids: string[], model: Model | null): EditorState {
  const blocks = blockInfo(state.doc);
  let tr: Transaction | null = null;
  let join: { block: number; at: number } | null = null;
  switch (step.kind) {
    case 'insert': {
      const at = slotAt(blocks, step.where);
      tr = state.tr.insertText(step.text, posOf(blocks, at));
      if (model) modelInsert(model, at.block, at.offset, step.text);
      break;
    }
    case 'insertAtEdge': {
      const block = step.block % blocks.length;
      const at = { block, offset: step.atEnd ? (blocks[block]?.size ?? 0) : 0 };
      tr = state.tr.insertText(step.text, posOf(blocks, at));
      if (model) modelInsert(model, at.block, at.offset, step.text);
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
      const r = id === undefined ? undefined : readClaimRanges(state.doc).get(id);
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
  const next = state.apply(tr);
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

/** Adds claim marks over runs of characters (runs may cross blocks; claims may overlap). */
function withClaims(doc: Node, specs: ClaimSpec[]): { doc: Node; ids: string[] } {
  const cells = docCells(doc).flat();
  const tr = new Transform(doc);
  const ids: string[] = [];
  specs.forEach((spec, k) => {
    const first = spec.start % cells.length;
    const last = Math.min(cells.length - 1, first + spec.len - 1);
    const a = cells[first];
    const b = cells[last];
    if (!a || !b) throw new Error('cells');
    const id = `claim-${String(k).padStart(2, '0')}`;
    tr.addMark(a.pos, b.pos + 1, s.mark('claim', { id }));
    ids.push(id);
  });
  return { doc: tr.doc, ids };
}


afterAll(() => {
  console.log(`claim property runs: ${JSON.stringify(stats)}`);
});

// ---------------------------------------------------------------------------------------------------------

describe('claim marks through random edits', () => {
  it('the model rule is ProseMirror’s: typed text joins a claim only strictly inside it', () => {
    const d = withClaims(baseDoc, [{ start: 2, len: 5 }]).doc; // title characters 2..6 carry the claim
    const at = (pos: number): string[] => docCells(EditorState.create({ doc: d }).apply(EditorState.create({ doc: d }).tr.insertText('X', pos)).doc)[0]?.filter((c) => c.ch === 'X').flatMap((c) => c.claims) ?? [];
    expect(at(1 + 2)).toEqual([]); // at the claim's start
    expect(at(1 + 3)).toEqual(['claim-00']); // inside
    expect(at(1 + 7)).toEqual([]); // at its end
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
        const { doc: start, ids } = withClaims(baseDoc, specs);
        const previous = claimTargets(start, ids, new Map());
        const model = modelFrom(start);
        let state = EditorState.create({ doc: start });
        for (const step of steps) state = applyStep(state, step, ids, model);
        const doc = state.doc;
        stats.sequences++;
        stats.steps += steps.length;

        // (a) Every character carries exactly the model's claims, block by block.
        const got = docKeys(doc);
        const want = modelKeys(model);
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);

        // Ranges: from the first to just after the last character carrying the claim.
        const ranges = readClaimRanges(doc);
        const cells = docCells(doc).flat();
        const alive = modelClaims(model);
        expect([...ranges.keys()].sort()).toEqual([...alive].sort());
        for (const id of alive) {
          const carrying = cells.filter((c) => c.claims.includes(id));
          expect(ranges.get(id)).toEqual({ from: carrying[0]?.pos, to: (carrying[carrying.length - 1]?.pos ?? 0) + 1 });
        }

        // (b) A claim with no characters left is orphaned with its previous quote.
        const targets = claimTargets(doc, ids, previous);
        for (const id of ids) {
          const t = targets.get(id);
          if (alive.has(id)) {
            expect(t?.orphaned).toBe(false);
          } else {
            stats.orphanedClaims++;
            expect(t).toEqual({ ...previous.get(id), orphaned: true });
          }
        }

        // (c) Save → load.
        const entries = [...targets].map(([id, target]) => ({ id, target }));
        const loaded = applyClaimTargets(stripClaimMarks(doc), entries);
        expect(loaded.orphaned.sort()).toEqual(ids.filter((id) => !alive.has(id)).sort());
        expect(loaded.moved).toEqual([]);
        expect(loaded.ranges).toEqual(ranges);
        const broken = brokenClaims(model);
        if (broken.size === 0) {
          expect(loaded.doc.eq(doc)).toBe(true);
        } else {
          // A stored claim is one stretch of text: characters typed into a hole of a claim split across
          // blocks (typed at the end of its first half or the start of its second) join it on load.
          stats.brokenClaims += broken.size;
          stats.sequencesWithBroken++;
          const flat = model.blocks.flat();
          for (const id of broken) {
            const first = flat.findIndex((c) => c.claims.has(id));
            let last = flat.length - 1;
            while (!flat[last]?.claims.has(id)) last--;
            for (let k = first; k <= last; k++) flat[k]?.claims.add(id);
          }
          expect(docKeys(loaded.doc)).toEqual(modelKeys(model));
        }
      }),
      { numRuns: 2000 },
    );
  }, 120_000); // passing takes a few seconds; the time is for shrinking a counterexample

  it('undoing every edit brings back the original doc and claim ranges, orphaned claims included', () => {
    fc.assert(
      fc.property(claimsArb, fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' }), (specs, steps) => {
        const { doc: start, ids } = withClaims(baseDoc, specs);
        const before = readClaimRanges(start);
        let state = EditorState.create({ doc: start, plugins: [history()] });
        for (const step of steps) state = applyStep(state, step, ids, null);
        const after = readClaimRanges(state.doc);
        stats.undoSequences++;
        stats.undoOrphaned += ids.filter((id) => !after.has(id)).length;
        let guard = 0;
        while (undoDepth(state) > 0 && guard++ < 1000) {
          undo(state, (tr) => {
            state = state.apply(tr);
          });
        }
        expect(state.doc.eq(start)).toBe(true);
        const restored: Map<string, Range> = readClaimRanges(state.doc);
        expect(restored).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  }, 120_000); // passing takes a few seconds; the time is for shrinking a counterexample
});

