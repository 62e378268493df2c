import { undo, redo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { articleFromText } from '../../shared/doc/fromText';
import type { ArticleForEditing } from '../../shared/schema/article';
import { deleteClaim, markClaim, updateClaim, type Signer } from './claimCommands';
import { claimRangesOf, claimsKey } from './claimsPlugin';
import { openArticle, snapshotForSave } from './editorState';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');

function article(): ArticleForEditing {
  const parsed = articleFromText(sample, 'text');
  const at = '2026-11-28T09:00:00.000Z';
  return {
    id: 'article-1',
    meta: { title: parsed.meta.title, publisher: '', byline: '', publishedAt: '', url: '' },
    origin: { kind: 'paste' },
    importedAt: at,
    updatedAt: at,
    revision: 0,
    doc: parsed.doc,
    removedOnImport: [],
    claims: [],
  };
}

/** Just enough of an EditorView for the commands: state and dispatch, no DOM. */
function fakeView(state: EditorState) {
  const view = {
    state,
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
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

  it('deleting a claim removes its marks and data together; undo restores both', () => {
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
    const slice = view.state.doc.slice(from, to);
    const plugin = view.state.plugins.find((p) => p.spec.key === claimsKey)!;
    const pasted = plugin.props.transformPasted!.call(plugin, slice, view, false);
    view.dispatch(view.state.tr.replaceRange(3, 3, pasted));
    expect(quoteOf(view, id)).toBe('ten additional troops');
    let marked = 0;
    view.state.doc.descendants((node) => {
      if (node.isText && node.marks.some((m) => m.type.name === 'claim')) marked += node.text!.length;
    });
    expect(marked).toBe('ten additional troops'.length);
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
