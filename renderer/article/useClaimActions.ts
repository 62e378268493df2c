/**
 * What the reviewer does to claims from the article view, and the keys for it: signed changes, delete
 * with an Undo offer, undo and redo from outside the text, next and previous claim. The focus stays
 * where the next key works: on the claim's row, or the same field of the claim moved to.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { redo, undo } from 'prosemirror-history';
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { setStatus } from '../../shared/claims/status';
import type { ClaimData, ClaimTarget } from '../../shared/schema/claim';
import { claimRows } from '../claims/claimRows';
import type { ClaimRow } from '../claims/ClaimsPanel';
import { clipQuote } from '../claims/clipQuote';
import { matchesFilter, type ClaimFilter } from '../claims/filters';
import { claimAction, historyAction, isTextEntry } from '../claims/shortcuts';
import { deleteClaim, getClaim, selectClaim, stepClaim, updateClaim, type Signer } from '../editor/claimCommands';
import { claimsKey } from '../editor/claimsPlugin';
import type { ToastData } from '../Notice';
import { describeClaimIssue } from './saveFailure';
import { useViewKeys } from './useViewKeys';

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** Where the focus goes once the view has redrawn: a claim's row in the list, or a field of its details. */
type FocusTarget = { row: string; field?: string };

const rowButton = (root: HTMLElement | null, id: string) => root?.querySelector<HTMLElement>(`[data-claim-row="${CSS.escape(id)}"]`) ?? null;

type Options = {
  view: RefObject<EditorView | null>;
  root: RefObject<HTMLElement | null>;
  targets: RefObject<Map<string, ClaimTarget>>;
  rows: readonly ClaimRow[];
  filter: ClaimFilter;
  scale: readonly string[];
  reviewer: string;
  signed: <T>(act: (s: Signer) => T) => Promise<T | null>;
  mark: () => void;
  openExport: () => void;
  onError: (message: string) => void;
};

export function useClaimActions({ view, root, targets, rows, filter, scale, reviewer, signed, mark, openExport, onError }: Options) {
  const [toast, setToast] = useState<ToastData | null>(null);
  /** The claim the toast offers to bring back; any later change takes the offer away. */
  const deleted = useRef<string | null>(null);
  const focusAfter = useRef<FocusTarget | null>(null);

  const focusInPanel = () => {
    const active = document.activeElement;
    return active === null || active === document.body || (root.current?.querySelector('.claims-panel')?.contains(active) ?? false);
  };

  /** Records a signed change of a claim's data; answers whether it was recorded. */
  const change = (cid: string, fn: (d: ClaimData, s: Signer) => ClaimData): Promise<boolean> =>
    signed((s) => {
      const v = view.current;
      // Gone meanwhile (deleted, or the article closed while the name was asked): nothing to record.
      if (!v || !getClaim(v.state, cid)) return false;
      const result = updateClaim(v, cid, s, fn);
      if (!result.ok) onError(`Not recorded: ${describeClaimIssue(result.path, result.message)}`);
      return result.ok;
    }).then((recorded) => recorded === true);

  /** Undo or redo from outside the editor; undoing a delete selects the claim it brings back. */
  const history = (which: 'undo' | 'redo') => {
    const v = view.current;
    if (!v) return;
    const back = deleted.current;
    const keepFocus = focusInPanel() || (document.activeElement?.closest('.toast') ?? null) !== null;
    (which === 'undo' ? undo : redo)(v.state, v.dispatch);
    if (which === 'undo' && back && getClaim(v.state, back)) {
      selectClaim(v, back);
      if (keepFocus) focusAfter.current = { row: back };
    }
  };

  /** Deletes a claim and offers Undo; with the focus in the panel, it moves to the claim taking its place. */
  const remove = (cid: string) => {
    const v = view.current;
    if (!v) return;
    const row = rows.find((r) => r.id === cid);
    const order = claimRows(v.state, targets.current)
      .filter((r) => matchesFilter(r.data, filter))
      .map((r) => r.id);
    const at = order.indexOf(cid);
    const neighbour = order[at + 1] ?? order[at - 1] ?? null;
    const keepFocus = focusInPanel();
    deleteClaim(v, cid);
    deleted.current = cid;
    const quote = row?.quote ? `: “${clipQuote(row.quote, 80)}”` : '';
    setToast({ id: Date.now(), text: `Claim deleted${quote}.`, action: { label: 'Undo', keys: isMac ? 'Meta+Z' : 'Control+Z', run: () => history('undo') } });
    if (keepFocus) (neighbour ? rowButton(root.current, neighbour) : root.current?.querySelector<HTMLElement>('.claims-head button'))?.focus();
  };

  const showClaim = (cid: string) => {
    if (!view.current) return;
    selectClaim(view.current, cid);
    focusAfter.current = { row: cid };
  };

  /** Every editor transaction: a change after a delete takes the Undo offer away (Undo would undo that change). */
  const noteTransaction = (tr: Transaction) => {
    if (!tr.docChanged || !deleted.current) return;
    deleted.current = null;
    setToast(null);
  };

  const onKey = (e: KeyboardEvent, target: HTMLElement) => {
    const v = view.current;
    if (!v) return;
    const typing = isTextEntry(target);
    const step = historyAction(e, isMac);
    if (step) {
      // In a text field the browser undoes its typing; in the text the editor's keymap has done it.
      if (typing || v.hasFocus()) return;
      e.preventDefault();
      return history(step);
    }
    const current = claimsKey.getState(v.state)?.selected ?? null;
    if (e.key === 'Escape' && current && target.closest('.claim-detail input, .claim-detail textarea, .claim-detail select')) {
      // Leaving the field commits it (on blur); the claim's row is where the claim keys go on from.
      e.preventDefault();
      rowButton(root.current, current)?.focus();
      return;
    }
    const mod = isMac ? e.metaKey : e.ctrlKey;
    if (mod && e.shiftKey && !e.altKey && e.code === 'KeyE') {
      e.preventDefault();
      return openExport();
    }
    const action = claimAction(e, isMac);
    if (!action || (typing && action.type === 'delete')) return;
    e.preventDefault();
    switch (action.type) {
      case 'mark':
        return mark();
      case 'next':
      case 'previous': {
        const field = target.closest('.claim-detail') ? target.closest<HTMLElement>('[data-field]')?.dataset.field : undefined;
        const fromPanel = focusInPanel();
        stepClaim(v, action.type === 'next' ? 1 : -1, (cid) => {
          const d = claimsKey.getState(v.state)?.data.get(cid);
          return d ? matchesFilter(d, filter) : false;
        });
        const now = claimsKey.getState(v.state)?.selected ?? null;
        if (now && fromPanel) focusAfter.current = { row: now, field };
        return;
      }
      case 'status': {
        const data = current ? claimsKey.getState(v.state)?.data.get(current) : undefined;
        if (!current || !data) return;
        const check = setStatus(data, action.status, reviewer, new Date().toISOString());
        if (!check.ok) return onError(`${check.message} (Alt+Shift+1… sets a verdict.)`);
        void change(current, (d, s) => {
          const next = setStatus(d, action.status, s.reviewer, s.now());
          return next.ok ? next.data : d;
        });
        return;
      }
      case 'verdict': {
        if (!current) return;
        const verdict = action.index === null ? null : (scale[action.index] ?? undefined);
        if (verdict === undefined) return;
        if (verdict === null && claimsKey.getState(v.state)?.data.get(current)?.verification.status === 'done') return;
        void change(current, (d) => ({ ...d, verification: { ...d.verification, verdict } }));
        return;
      }
      case 'delete':
        if (current) remove(current);
        return;
    }
  };
  useViewKeys(root, onKey);

  // After a redraw: the focus goes where the last action asked (the details it names exist only now).
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const field = target.field ? root.current?.querySelector<HTMLElement>(`.claim-detail [data-field="${CSS.escape(target.field)}"]`) : null;
    field?.focus();
    if (!field || document.activeElement !== field) rowButton(root.current, target.row)?.focus();
  });

  return { change, remove, showClaim, toast, dismissToast: () => setToast(null), noteTransaction };
}
