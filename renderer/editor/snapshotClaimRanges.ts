/**
 * Exact undo for claim ranges. Mapping a claim's ends through a deletion that removes one of its ends
 * (or all of its words) loses where the claim was: when undo puts the text back, mapping alone would
 * leave the re-inserted words outside the claim. So before such a step, the transaction gets a
 * ClaimRangesStep that records the ranges it is about to cut. Undo runs the steps backwards: the text
 * comes back first, then that step's inverse puts the claims back on it, exactly.
 *
 * Called on every transaction before it is applied (ArticleEditor's dispatchTransaction). Most
 * transactions (typing, claim edits, selection) pass through untouched.
 */
import { isHistoryTransaction } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { StepMap } from 'prosemirror-transform';
import { rangesCut } from '../../shared/anchor/mapRanges';
import type { Range } from '../../shared/anchor/claimRanges';
import { ClaimRangesStep, rangesAfterStep, type RangeChange } from './claimRangesStep';
import { claimsKey } from './claimsPlugin';

/** A transaction's metadata (private in ProseMirror's typings), to carry it over to the rebuilt one. */
function metaOf(tr: Transaction): Record<string, unknown> | null {
  const meta: unknown = (tr as unknown as { meta?: unknown }).meta;
  return meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>) : null;
}

export function snapshotClaimRanges(state: EditorState, tr: Transaction): Transaction {
  // Undo and redo replay steps that already carry their snapshots.
  if (!tr.docChanged || isHistoryTransaction(tr)) return tr;
  const plugin = claimsKey.getState(state);
  if (!plugin || plugin.ranges.size === 0) return tr;

  let ranges: ReadonlyMap<string, Range> = plugin.ranges;
  const snapshots = new Map<number, RangeChange[]>();
  tr.steps.forEach((step, i) => {
    const cut = new Set<string>();
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd > oldStart) for (const id of rangesCut(ranges, oldStart, oldEnd)) cut.add(id);
    });
    if (cut.size > 0) {
      snapshots.set(
        i,
        [...cut].map((id) => {
          const r = ranges.get(id) ?? null;
          return { id, before: r, after: r };
        }),
      );
    }
    if (i < tr.steps.length - 1) ranges = rangesAfterStep(ranges, step, tr.docs[i + 1] ?? tr.doc);
  });
  if (snapshots.size === 0) return tr;

  const meta = metaOf(tr);
  if (!meta) return tr; // cannot carry the metadata over: keep the transaction as it is
  const out = state.tr;
  out.setTime(tr.time);
  tr.steps.forEach((step, i) => {
    const snapshot = snapshots.get(i);
    if (snapshot) out.step(new ClaimRangesStep(snapshot));
    out.step(step);
  });
  // The snapshot steps move nothing, so the selection and marks mean the same in the rebuilt doc.
  if (tr.selectionSet) out.setSelection(tr.selection.map(out.doc, StepMap.empty));
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) out.scrollIntoView();
  for (const [key, value] of Object.entries(meta)) out.setMeta(key, value);
  return out;
}
