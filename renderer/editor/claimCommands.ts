/** Claim actions as ProseMirror transactions, so each is one undoable step in the editor's history. */
import { closeHistory } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ClaimData, newClaimData } from '../../shared/schema/claim';
import { narrowToWords } from '../../shared/anchor/mapRanges';
import type { Range } from '../../shared/anchor/claimRanges';
import { ClaimDataStep } from './claimStep';
import { ClaimRangesStep } from './claimRangesStep';
import { claimRangesOf, claimsKey, selectClaimMeta } from './claimsPlugin';

export type Signer = { reviewer: string; now: () => string; newId: () => string };

/**
 * The claim range for selected words: narrowed to the words (a selection can start at the end of one
 * paragraph or end at the start of the next), or null when there are none, only spaces.
 */
function wordsIn(state: EditorState, from: number, to: number): Range | null {
  if (from >= to || to > state.doc.content.size || state.doc.textBetween(from, to, '\n', '\n').trim() === '') return null;
  return narrowToWords(state.doc, from, to);
}

/**
 * Marks the selected words (or the given range, e.g. the selection as it was when the user asked,
 * before a name prompt took the focus) as a new claim. Returns its id, or null when there are no words.
 */
export function markClaim(view: EditorView, signer: Signer, init?: (data: ClaimData) => ClaimData, range?: { from: number; to: number }): string | null {
  const { state } = view;
  const { from, to } = range ?? state.selection;
  const words = wordsIn(state, from, to);
  if (!words) return null;
  const id = signer.newId();
  const base = newClaimData(id, signer.reviewer, signer.now());
  const data = init ? init(base) : base;
  const tr = closeHistory(state.tr);
  tr.step(new ClaimDataStep(id, null, data));
  tr.step(new ClaimRangesStep([{ id, before: null, after: words }]));
  view.dispatch(selectClaimMeta(tr, id));
  return id;
}

export function getClaim(state: EditorState, id: string): ClaimData | undefined {
  return claimsKey.getState(state)?.data.get(id);
}

export type ClaimUpdate = { ok: true } | { ok: false; path: string; message: string };

/**
 * Applies a change to a claim's data, signed and timed; the change gets the signer for what it stamps
 * (a comment's author). A result the claim schema refuses is not applied: it would only fail every
 * save after it, and undoing it would be the reviewer's job.
 */
export function updateClaim(view: EditorView, id: string, signer: Signer, change: (data: ClaimData, signer: Signer) => ClaimData): ClaimUpdate {
  const before = getClaim(view.state, id);
  if (!before) return { ok: false, path: '', message: 'This claim was deleted.' };
  const checked = ClaimData.safeParse({ ...change(before, signer), updatedBy: signer.reviewer, updatedAt: signer.now() });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, path: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'This change is not valid.' };
  }
  view.dispatch(closeHistory(view.state.tr).step(new ClaimDataStep(id, before, checked.data)));
  return { ok: true };
}

/** Deletes a claim, range and data together, as one undoable step. */
export function deleteClaim(view: EditorView, id: string): void {
  const before = getClaim(view.state, id);
  if (!before) return;
  const tr = closeHistory(view.state.tr);
  const range = claimsKey.getState(view.state)?.ranges.get(id);
  if (range) tr.step(new ClaimRangesStep([{ id, before: range, after: null }]));
  tr.step(new ClaimDataStep(id, before, null));
  view.dispatch(tr);
}

/** Puts an orphaned claim (all its words deleted) back on the selected words. */
export function reattachClaim(view: EditorView, id: string): boolean {
  const { from, to } = view.state.selection;
  const words = wordsIn(view.state, from, to);
  if (!words || !getClaim(view.state, id)) return false;
  const before = claimsKey.getState(view.state)?.ranges.get(id) ?? null;
  view.dispatch(selectClaimMeta(closeHistory(view.state.tr).step(new ClaimRangesStep([{ id, before, after: words }])), id));
  return true;
}

/** Selects a claim: highlights it, puts the text selection on its words and scrolls them into view. */
export function selectClaim(view: EditorView, id: string | null, focusEditor = false): void {
  let tr: Transaction = selectClaimMeta(view.state.tr, id);
  const range = id ? claimRangesOf(view.state).ranges.get(id) : undefined;
  if (range) tr = tr.setSelection(TextSelection.create(tr.doc, range.from, range.to)).scrollIntoView();
  view.dispatch(tr);
  if (range) {
    // scrollIntoView only reaches the editor's own scroll parent; bring the words to the middle of the window.
    const dom = view.domAtPos(range.from);
    const el = dom.node.nodeType === 1 ? (dom.node as HTMLElement) : dom.node.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }
  if (focusEditor) view.focus();
}

/** The claims in document order, then the orphaned ones: what next/previous walks through. */
export function claimOrder(state: EditorState): string[] {
  const { ranges, orphaned } = claimRangesOf(state);
  const inText = [...ranges.entries()].sort((a, b) => a[1].from - b[1].from || b[1].to - a[1].to).map(([id]) => id);
  return [...inText, ...orphaned];
}

export function stepClaim(view: EditorView, direction: 1 | -1, visible?: (id: string) => boolean): void {
  const order = claimOrder(view.state).filter((id) => !visible || visible(id));
  if (order.length === 0) return;
  const current = claimsKey.getState(view.state)?.selected ?? null;
  const index = current ? order.indexOf(current) : -1;
  const next = index === -1 ? (direction === 1 ? 0 : order.length - 1) : (index + direction + order.length) % order.length;
  selectClaim(view, order[next] ?? null);
}
