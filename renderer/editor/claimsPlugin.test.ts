import { undo, redo } from 'prosemirror-history';
import { Step } from 'prosemirror-transform';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { articleFromText } from '../../shared/doc/fromText';
import type { ArticleForEditing } from '../../shared/schema/article';
import { deleteClaim, markClaim, reattachClaim, updateClaim, type Signer } from './claimCommands';
import { claimRangesOf, claimsKey } from './claimsPlugin';
import { openArticle, snapshotForSave } from './editorState';
import { snapshotClaimRanges } from './snapshotClaimRanges';
import { ClaimRangesStep } from './claimRangesStep';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');

function article(): ArticleForEditing {
  const parsed = articleFromText(sample, 'text');
  const at = '2026-11-28T09:00:00.000Z';
  return {
    id: 'article-1',
    meta: { title: parsed.meta.title, publisher: '', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' },
    origin: { kind: 'paste' },
    importedAt: at,
    updatedAt: at,
    revision: 0,
    doc: parsed.doc,
    removedOnImport: [],
    claims: [],
    detection: { rejected: [], lastRunAt: null },
    versions: [{ number: 1, hash: '0'.repeat(64), wordCount: 0, importedAt: at, importedBy: 'Ana', origin: { kind: 'paste' }, meta: { title: parsed.meta.title, publisher: '', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' }, carried: [] }],
  };
}

/** Just enough of an EditorView for the commands: state and dispatch (as ArticleEditor's), no DOM. */
function fakeView(state: EditorState) {
  const view = {
    state,
    dispatch(tr: Transaction) {
      view.state = view.state.apply(snapshotClaimRanges(view.state, tr));
    },
  };
  return view as unknown as EditorView & { state: EditorState };
}

let n = 0;
const signer: Signer = { reviewer: 'Ana', now: () => '2026-11-28T10:00:00.000Z', newId: () => `claim-${String(++n).padStart(4, '0')}` };

function select(view: EditorView & { state: EditorState }, words: string) {
  let found: { from: number; to: number } | null = null;
  view.state.doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const i = node.text!.indexOf(words);
    if (i >= 0) found = { from: pos + i, to: pos + i + words.length };
    return false;
  });
  if (!found) throw new Error(`not found: ${words}`);
  const { from, to } = found as { from: number; to: number };
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
  return { from, to };
}

const view0 = () => fakeView(openArticle(article()).state);

const quoteOf = (view: EditorView & { state: EditorState }, id: string) => {
  const r = claimRangesOf(view.state).ranges.get(id);
  return r ? view.state.doc.textBetween(r.from, r.to) : null;
};

describe('claims plugin', () => {
  it('marks a claim on exactly the selected words and selects it', () => {
    const view = fakeView(openArticle(article()).state);
    select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    expect(quoteOf(view, id)).toBe('ten additional troops');
    expect(claimsKey.getState(view.state)?.selected).toBe(id);
    expect(claimsKey.getState(view.state)?.data.get(id)?.createdBy).toBe('Ana');
  });

  it('undoes and redoes claim data changes in the same history as text', () => {
    const view = fakeView(openArticle(article()).state);
    select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    updateClaim(view, id, signer, (d) => ({ ...d, verification: { ...d.verification, verdict: 'False' } }));
    view.dispatch(view.state.tr.insertText('X', 1));
    undo(view.state, view.dispatch);
    expect(view.state.doc.textBetween(1, 3)).not.toContain('X');
    expect(claimsKey.getState(view.state)?.data.get(id)?.verification.verdict).toBe('False');
    undo(view.state, view.dispatch);
    expect(claimsKey.getState(view.state)?.data.get(id)?.verification.verdict).toBeNull();
    undo(view.state, view.dispatch);
    expect(claimsKey.getState(view.state)?.data.has(id)).toBe(false);
    expect(quoteOf(view, id)).toBeNull();
    redo(view.state, view.dispatch);
    expect(quoteOf(view, id)).toBe('ten additional troops');
  });

  it('signs what a change stamps with the signer it is recorded under, and refuses data the claim schema refuses', () => {
    const view = fakeView(openArticle(article()).state);
    select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    const dana = { ...signer, reviewer: 'Dana' };
    const posted = updateClaim(view, id, dana, (d, s) => ({ ...d, comments: [{ id: s.newId(), author: s.reviewer, at: s.now(), text: 'Check the toll.' }] }));
    expect(posted).toEqual({ ok: true });
    const data = claimsKey.getState(view.state)?.data.get(id);
    expect(data?.comments.map((c) => c.author)).toEqual(['Dana']);
    expect(data?.updatedBy).toBe('Dana');

    // A comment without an author would fail every save after it: it never enters the state.
    const before = view.state;
    const refused = updateClaim(view, id, signer, (d) => ({ ...d, comments: [...d.comments, { id: 'comment-2', author: '', at: signer.now(), text: 'x' }] }));
    expect(refused).toMatchObject({ ok: false, path: 'comments.1.author' });
    expect(view.state).toBe(before);
  });

  it('deleting a claim removes its range and data together; undo restores both', () => {
    const view = fakeView(openArticle(article()).state);
    select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    deleteClaim(view, id);
    expect(claimsKey.getState(view.state)?.data.has(id)).toBe(false);
    expect(quoteOf(view, id)).toBeNull();
    undo(view.state, view.dispatch);
    expect(quoteOf(view, id)).toBe('ten additional troops');
  });

  it('deleting all of a claim\'s words orphans it (kept and saved as orphaned); undo re-anchors it', () => {
    const opened = openArticle(article());
    const view = fakeView(opened.state);
    const { from, to } = select(view, 'Assad and his family have sought refuge in Russia');
    const id = markClaim(view, signer)!;
    const targets = snapshotForSave(view.state, new Map()).targets;
    view.dispatch(view.state.tr.delete(from, to));
    expect(claimRangesOf(view.state).orphaned).toEqual([id]);
    const saved = snapshotForSave(view.state, targets);
    expect(saved.claims[0]?.target).toMatchObject({ orphaned: true, quote: { exact: 'Assad and his family have sought refuge in Russia' } });
    undo(view.state, view.dispatch);
    expect(claimRangesOf(view.state).orphaned).toEqual([]);
    expect(quoteOf(view, id)).toBe('Assad and his family have sought refuge in Russia');
  });

  it('pasted copies of claimed words do not carry the claim', () => {
    const view = fakeView(openArticle(article()).state);
    const { from, to } = select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    view.dispatch(view.state.tr.replaceRange(3, 3, view.state.doc.slice(from, to)));
    expect(quoteOf(view, id)).toBe('ten additional troops');
    expect(claimRangesOf(view.state).ranges.get(id)).toEqual({ from: from + to - from, to: to + to - from });
    expect(claimRangesOf(view.state).ranges.size).toBe(1);
  });

  it('text typed at a claim\'s edges stays outside it; typed strictly inside, it joins', () => {
    const view = fakeView(openArticle(article()).state);
    const { from, to } = select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    view.dispatch(view.state.tr.insertText('[', from));
    view.dispatch(view.state.tr.insertText(']', to + 1));
    expect(quoteOf(view, id)).toBe('ten additional troops');
    view.dispatch(view.state.tr.insertText('very ', from + 1 + 'ten '.length));
    expect(quoteOf(view, id)).toBe('ten very additional troops');
  });

  it('undo puts a claim back exactly after deletions that cut its start, its end, or run across it', () => {
    const view = fakeView(openArticle(article()).state);
    const words = 'ten additional troops sustained injuries';
    const { from, to } = select(view, words);
    const id = markClaim(view, signer)!;
    const cuts: [number, number][] = [
      [from - 5, from + 3], // its start and the words before
      [to - 8, to + 6], // its end and the words after
      [from, from + 4], // exactly its first word
      [to - 8, to], // exactly its last word
      [from - 3, to + 3], // all of it and more
    ];
    for (const [a, b] of cuts) {
      view.dispatch(view.state.tr.delete(a, b));
      expect(quoteOf(view, id)).not.toBe(words);
      undo(view.state, view.dispatch);
      expect(claimRangesOf(view.state).ranges.get(id)).toEqual({ from, to });
      redo(view.state, view.dispatch);
      undo(view.state, view.dispatch);
      expect(quoteOf(view, id)).toBe(words);
    }
  });

  it('the rebuilt transaction keeps its selection, stored marks, scroll and metadata', () => {
    const view = fakeView(openArticle(article()).state);
    const { from, to } = select(view, 'ten additional troops');
    markClaim(view, signer);
    const tr = view.state.tr.delete(from, from + 4);
    tr.setSelection(TextSelection.create(tr.doc, 2)).setStoredMarks([view.state.schema.mark('em')]).scrollIntoView().setMeta('custom', 42);
    const out = snapshotClaimRanges(view.state, tr);
    expect(out).not.toBe(tr);
    expect(out.steps[0]).toBeInstanceOf(ClaimRangesStep);
    expect(out.doc.eq(tr.doc)).toBe(true);
    expect(out.selection.toJSON()).toEqual({ type: 'text', anchor: 2, head: 2 });
    expect(out.storedMarks?.map((m) => m.type.name)).toEqual(['em']);
    expect(out.scrolledIntoView).toBe(true);
    expect(out.getMeta('custom')).toBe(42);
    expect(out.time).toBe(tr.time);
    // Typing (no deletion) passes through untouched.
    const typing = view.state.tr.insertText('x', to);
    expect(snapshotClaimRanges(view.state, typing)).toBe(typing);
  });

  it('a claim made from a selection that starts at the end of a paragraph covers only its words', () => {
    const view = fakeView(openArticle(article()).state);
    const { from } = select(view, 'According to reports');
    const $from = view.state.doc.resolve(from);
    const previousEnd = $from.before() - 1; // the end of the paragraph before
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, previousEnd, from + 'According'.length)));
    const id = markClaim(view, signer)!;
    expect(claimRangesOf(view.state).ranges.get(id)).toEqual({ from, to: from + 'According'.length });
    expect(snapshotForSave(view.state, new Map()).targets.get(id)?.quote.exact).toBe('According');
  });

  it('an orphaned claim can be put back on other words, undoably', () => {
    const view = fakeView(openArticle(article()).state);
    const { from, to } = select(view, 'ten additional troops');
    const id = markClaim(view, signer)!;
    view.dispatch(view.state.tr.delete(from, to));
    expect(claimRangesOf(view.state).orphaned).toEqual([id]);
    select(view, 'Tartous');
    expect(reattachClaim(view, id)).toBe(true);
    expect(quoteOf(view, id)).toBe('Tartous');
    undo(view.state, view.dispatch);
    expect(claimRangesOf(view.state).orphaned).toEqual([id]);
  });

  it('ClaimRangesStep survives JSON (as history and collaboration would store it) and rejects bad ranges', () => {
    const step = new ClaimRangesStep([{ id: 'claim-0001', before: null, after: { from: 3, to: 9 } }]);
    const back = Step.fromJSON(view0().state.schema, step.toJSON());
    expect(back).toBeInstanceOf(ClaimRangesStep);
    expect((back as ClaimRangesStep).changes).toEqual(step.changes);
    expect(() => Step.fromJSON(view0().state.schema, { stepType: 'claimRanges', changes: [{ id: 'x', before: null, after: { from: 9, to: 3 } }] })).toThrow(RangeError);
    const huge = new ClaimRangesStep([{ id: 'claim-0001', before: null, after: { from: 3, to: 10_000_000 } }]);
    expect(huge.apply(view0().state.doc).failed).toBeTruthy();
  });

  it('save and reopen round-trip every claim onto the same words', () => {
    const view = fakeView(openArticle(article()).state);
    select(view, 'ten additional troops sustained injuries');
    const outer = markClaim(view, signer)!;
    select(view, 'additional troops');
    const inner = markClaim(view, signer)!;
    const snap = snapshotForSave(view.state, new Map());
    const reopened = fakeView(openArticle({ ...article(), doc: snap.doc, claims: snap.claims }).state);
    expect(quoteOf(reopened, outer)).toBe('ten additional troops sustained injuries');
    expect(quoteOf(reopened, inner)).toBe('additional troops');
    expect(reopened.state.doc.eq(view.state.doc)).toBe(true);
  });
});
