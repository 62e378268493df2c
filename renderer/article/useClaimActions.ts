/**
 * What the reviewer does to claims from the article view, and the keys for it: mark, signed changes,
 * delete with an Undo offer, undo and redo from outside the text, next and previous claim, the one-key
 * verdicts, and the keys that move between the panes. The focus stays where the next key works: on the
 * claim's row, or the same field of the claim moved to; after marking, on the source name, the next step.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { redo, undo } from 'prosemirror-history';
import { TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { finishWithVerdict, setStatus } from '../../shared/claims/status';
import { targetsForRanges } from '../../shared/anchor/claimRanges';
import type { ClaimData, ClaimStatus, ClaimTarget } from '../../shared/schema/claim';
import { clipQuote } from '../../shared/claims/clipQuote';
import { claimRows, type ClaimRow } from '../claims/claimRows';
import { matchesFilter, type ClaimFilter } from '../claims/filters';
import { claimAction, historyAction, isMacPlatform, isTextEntry, takesTypedKeys } from '../claims/shortcuts';
import { deleteClaim, getClaim, markClaim, selectClaim, stepClaim, updateClaim, type Signer } from '../editor/claimCommands';
import { claimRangesOf, claimsKey } from '../editor/claimsPlugin';
import type { ToastData } from '../Notice';
import { describeClaimIssue } from './saveFailure';
import { useViewKeys } from './useViewKeys';

const isMac = isMacPlatform();

/** The stored quote's limit (TextQuoteSelector.exact). */
const MAX_CLAIM_CHARS = 20_000;

/** Where the focus goes once the view has redrawn: a claim's row in the list, or a field of its details. */
type FocusTarget = { row: string; field?: string };

const rowOf = (root: HTMLElement | null, id: string) => root?.querySelector<HTMLElement>(`[data-claim-row="${CSS.escape(id)}"]`) ?? null;
const LIST = '.claims-panel';
const INSPECTOR = '.claim-inspector';

/** The panes the article view shows, for the keys that move between them. */
export type Panes = {
  focusList: () => void;
  toggleList: () => void;
  focusInspector: () => void;
  /** Closes the inspector drawer (narrow windows) if it is open; answers whether it was. */
  closeDrawer: () => boolean;
  /** Opens the new-evidence form of the selected claim. */
  addEvidence: (claimId: string) => void;
  /** The claim whose verdict chooser asks for a verdict because Done was chosen, or null. */
  askingVerdict: string | null;
  askVerdict: (claimId: string | null) => void;
};

type Options = {
  view: RefObject<EditorView | null>;
  root: RefObject<HTMLElement | null>;
  targets: RefObject<Map<string, ClaimTarget>>;
  rows: readonly ClaimRow[];
  filter: ClaimFilter;
  scale: readonly string[];
  reviewer: string;
  signed: <T>(act: (s: Signer) => T) => Promise<T | null>;
  openExport: () => void;
  onError: (message: string) => void;
  panes: Panes;
  /** The proposal being adjusted, when the selected words overlap it: marking them accepts it with them. */
  adoptProposal?: (from: number, to: number) => { init: MarkInit; onMarked: (claimId: string) => void } | null;
  /** Alt+Shift+F. */
  findClaims?: () => void;
};

/** The data a new claim starts with, given the signer (an accepted proposal's attribution). */
export type MarkInit = (data: ClaimData, signer: Signer) => ClaimData;

export function useClaimActions({ view, root, targets, rows, filter, scale, reviewer, signed, openExport, onError, panes, adoptProposal, findClaims }: Options) {
  const [toast, setToast] = useState<ToastData | null>(null);
  /** The claim the toast offers to bring back; any later change takes the offer away. */
  const deleted = useRef<string | null>(null);
  const focusAfter = useRef<FocusTarget | null>(null);

  const focusInPanes = () => {
    const active = document.activeElement;
    return active === null || active === document.body || active.closest(`${LIST}, ${INSPECTOR}`) !== null;
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

  /**
   * Marks the words from..to as a claim (its data from `init`, e.g. an accepted proposal); `toSource`: the
   * focus goes to the source name, the next step of the review. Resolves to the new claim's id.
   */
  const markRange = (from: number, to: number, init: MarkInit | null, toSource: boolean): Promise<string | null> => {
    const v = view.current;
    if (!v) return Promise.resolve(null);
    if (v.state.doc.textBetween(from, to, '\n\n', '\n').length > MAX_CLAIM_CHARS) {
      onError(`A claim can be at most ${MAX_CLAIM_CHARS.toLocaleString()} characters long: select the sentence or passage that makes it.`);
      return Promise.resolve(null);
    }
    // The range as selected now: if the name has to be asked first, the prompt takes the focus.
    const docAtRequest = v.state.doc;
    return signed((s) => {
      if (v.state.doc !== docAtRequest) {
        onError('The text changed while your name was asked; select the claim again.');
        return null;
      }
      const newId = markClaim(v, s, init ? (d) => init(d, s) : undefined, { from, to });
      const range = newId ? claimRangesOf(v.state).ranges.get(newId) : undefined;
      if (!newId || !range) return null;
      // Its target from the start, so it is saved (orphaned) even if its words go before the first save.
      targets.current = new Map([...targets.current, ...targetsForRanges(v.state.doc, new Map([[newId, range]]), new Map())]);
      // The text selection would hide the new highlight: the caret goes to the claim's end.
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, range.to)));
      if (toSource) focusAfter.current = { row: newId, field: 'attribution.sourceName' };
      return newId;
    });
  };

  /** Marks the selected words (as the proposal being adjusted, if they overlap it). */
  const mark = () => {
    const v = view.current;
    if (!v) return;
    const { from, to, empty } = v.state.selection;
    if (empty) return onError('Select the words of the claim in the article first.');
    const adopted = adoptProposal?.(from, to) ?? null;
    void markRange(from, to, adopted?.init ?? null, true).then((newId) => {
      if (newId) adopted?.onMarked(newId);
    });
  };

  /** Undo or redo from outside the editor; undoing a delete selects the claim it brings back. */
  const history = (which: 'undo' | 'redo') => {
    const v = view.current;
    if (!v) return;
    const back = deleted.current;
    const keepFocus = focusInPanes() || (document.activeElement?.closest('.toast') ?? null) !== null;
    (which === 'undo' ? undo : redo)(v.state, v.dispatch);
    if (which === 'undo' && back && getClaim(v.state, back)) {
      selectClaim(v, back);
      if (keepFocus) focusAfter.current = { row: back };
    }
  };

  /** Deletes a claim and offers Undo; with the focus in the panes, it moves to the claim taking its place. */
  const remove = (cid: string) => {
    const v = view.current;
    if (!v) return;
    const row = rows.find((r) => r.id === cid);
    const order = claimRows(v.state, targets.current)
      .filter((r) => matchesFilter(r.data, filter))
      .map((r) => r.id);
    const at = order.indexOf(cid);
    const neighbour = order[at + 1] ?? order[at - 1] ?? null;
    const keepFocus = focusInPanes();
    deleteClaim(v, cid);
    deleted.current = cid;
    const quote = row?.quote ? `: “${clipQuote(row.quote, 80)}”` : '';
    setToast({ id: Date.now(), text: `Claim deleted${quote}.`, action: { label: 'Undo', keys: isMac ? 'Meta+Z' : 'Control+Z', run: () => history('undo') } });
    if (keepFocus) (neighbour ? rowOf(root.current, neighbour) : root.current?.querySelector<HTMLElement>('.mark-claim'))?.focus();
  };

  const showClaim = (cid: string) => {
    if (!view.current) return;
    selectClaim(view.current, cid);
    focusAfter.current = { row: cid };
  };

  const current = () => {
    const v = view.current;
    return v ? (claimsKey.getState(v.state)?.selected ?? null) : null;
  };

  const setClaimStatus = (status: ClaimStatus) => {
    const v = view.current;
    const cid = current();
    const data = v && cid ? claimsKey.getState(v.state)?.data.get(cid) : undefined;
    if (!cid || !data) return;
    // Done before a verdict: the inspector asks for the verdict there and then.
    if (status === 'done' && data.verification.verdict === null) return panes.askVerdict(cid);
    const check = setStatus(data, status, reviewer, new Date().toISOString());
    if (!check.ok) return onError(check.message);
    if (panes.askingVerdict === cid) panes.askVerdict(null);
    void change(cid, (d, s) => {
      const next = setStatus(d, status, s.reviewer, s.now());
      return next.ok ? next.data : d;
    });
  };

  /** The nth verdict of the scale (null: clear it); while Done waits for a verdict, it completes Done. */
  const setClaimVerdict = (index: number | null) => {
    const v = view.current;
    const cid = current();
    if (!v || !cid) return;
    const verdict = index === null ? null : (scale[index] ?? undefined);
    if (verdict === undefined) return;
    if (verdict !== null && panes.askingVerdict === cid) {
      panes.askVerdict(null);
      void change(cid, (d, s) => {
        const next = finishWithVerdict(d, verdict, s.reviewer, s.now());
        return next.ok ? next.data : d;
      });
      return;
    }
    if (verdict === null && claimsKey.getState(v.state)?.data.get(cid)?.verification.status === 'done') {
      return onError('A done claim keeps its verdict. Change the status first.');
    }
    void change(cid, (d) => ({ ...d, verification: { ...d.verification, verdict } }));
  };

  const step = (direction: 1 | -1, from: HTMLElement | null) => {
    const v = view.current;
    if (!v) return;
    const field = from?.closest('.claim-detail') ? from.closest<HTMLElement>('[data-field]')?.dataset.field : undefined;
    const fromPanes = focusInPanes();
    stepClaim(v, direction, (cid) => {
      const d = claimsKey.getState(v.state)?.data.get(cid);
      return d ? matchesFilter(d, filter) : false;
    });
    const now = current();
    if (now && fromPanes) focusAfter.current = { row: now, field };
  };

  /** The text, at the selected claim's words (or where the caret was). */
  const focusText = () => {
    const v = view.current;
    if (!v) return;
    const cid = current();
    const range = cid ? claimRangesOf(v.state).ranges.get(cid) : undefined;
    if (range) v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, range.from)).scrollIntoView());
    v.focus();
  };

  const onKey = (e: KeyboardEvent, target: HTMLElement) => {
    const v = view.current;
    if (!v) return;
    const typing = isTextEntry(target);
    const historyStep = historyAction(e, isMac);
    if (historyStep) {
      // In a text field the browser undoes its typing; in the text the editor's keymap has done it.
      if (typing || v.hasFocus()) return;
      e.preventDefault();
      return history(historyStep);
    }
    const cid = current();
    if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      if (cid && target.closest('.claim-detail input, .claim-detail textarea, .claim-detail select')) {
        // Leaving the field commits it (on blur); the claim's row is where the claim keys go on from.
        e.preventDefault();
        const row = rowOf(root.current, cid);
        if (row && row.offsetParent !== null) row.focus();
        else root.current?.querySelector<HTMLElement>(`${INSPECTOR} .claim-detail-heading`)?.focus();
        return;
      }
      if (panes.closeDrawer()) {
        e.preventDefault();
        focusText();
      }
      return;
    }
    const singleKeys = !takesTypedKeys(target) && target.closest(`${LIST}, ${INSPECTOR}`) !== null;
    const action = claimAction(e, isMac, singleKeys);
    if (!action || (typing && action.type === 'delete')) return;
    e.preventDefault();
    switch (action.type) {
      case 'mark':
        return mark();
      case 'next':
        return step(1, target);
      case 'previous':
        return step(-1, target);
      case 'status':
        return setClaimStatus(action.status);
      case 'verdict':
        return setClaimVerdict(action.index);
      case 'delete':
        if (cid) remove(cid);
        return;
      case 'export':
        return openExport();
      case 'addEvidence':
        if (cid) panes.addEvidence(cid);
        return;
      case 'focusList':
        return panes.focusList();
      case 'toggleList':
        return panes.toggleList();
      case 'focusInspector':
        return panes.focusInspector();
      case 'focusText':
        return focusText();
      case 'findClaims':
        return findClaims?.();
    }
  };
  useViewKeys(root, onKey);

  // After a redraw: the focus goes where the last action asked (the details it names exist only now).
  const focused = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const field = target.field ? root.current?.querySelector<HTMLElement>(`.claim-detail [data-field="${CSS.escape(target.field)}"]`) : null;
    field?.focus();
    focused.current = field ?? null;
    if (field && document.activeElement === field) return;
    const row = rowOf(root.current, target.row);
    if (row && row.offsetParent !== null) row.focus();
    else root.current?.querySelector<HTMLElement>(`${INSPECTOR} .claim-detail-heading`)?.focus();
  });

  // The name prompt, closed by the same change, gives the focus back to where the reviewer was when it
  // opened (its cleanup runs after layout effects): the field asked for takes it once more.
  useEffect(() => {
    const field = focused.current;
    focused.current = null;
    if (field?.isConnected && document.activeElement !== field && !root.current?.querySelector('.claim-inspector')?.contains(document.activeElement)) field.focus();
  });

  return {
    change,
    remove,
    mark,
    /** Marks a range as a claim with the given data, the focus left where it is (accepting proposals). */
    markWith: (range: { from: number; to: number }, init: MarkInit) => markRange(range.from, range.to, init, false),
    showClaim,
    history,
    setStatus: setClaimStatus,
    setVerdict: setClaimVerdict,
    step: (direction: 1 | -1) => step(direction, document.activeElement instanceof HTMLElement ? document.activeElement : null),
    focusText,
    toast,
    dismissToast: () => setToast(null),
    noteTransaction,
  };

  /** Every editor transaction: a change after a delete takes the Undo offer away (Undo would undo that change). */
  function noteTransaction(tr: Transaction) {
    if (!tr.docChanged || !deleted.current) return;
    deleted.current = null;
    setToast(null);
  }
}
