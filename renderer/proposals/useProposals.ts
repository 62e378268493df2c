/**
 * "Find claims" in the article view: runs detection on the back end over the editor's text (in paragraph
 * chunks for a long one, with progress), draws the proposals on the text (proposalsPlugin) and lists them;
 * accepting one marks a claim through the claim-marking path (autosave, audit, undo), rejecting one tells
 * the back end, which remembers it. Proposals live only here: they are never saved or reported.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Proposal, Response } from '../../shared/api';
import { acceptProposal } from '../../shared/detect/acceptProposal';
import { paragraphChunks } from '../../shared/detect/chunks';
import { buildTextIndex } from '../../shared/anchor/textIndex';
import type { Range } from '../../shared/anchor/claimRanges';
import { client, errorMessage } from '../api';
import type { MarkInit } from '../article/useClaimActions';
import type { Signer } from '../editor/claimCommands';
import { claimRangesOf } from '../editor/claimsPlugin';
import { activeProposalMeta, placeProposals, proposalRange, proposalsOf, removeProposalsMeta, setProposalsMeta } from '../editor/proposalsPlugin';

export type FindState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'found'; found: number; skipped: number; notice: string; ms: number };

type Options = {
  id: string;
  view: RefObject<EditorView | null>;
  signed: <T>(act: (s: Signer) => T) => Promise<T | null>;
  markWith: (range: Range, init: MarkInit) => Promise<string | null>;
  onError: (message: string) => void;
};

const overlaps = (a: Range, b: Range) => a.from < b.to && b.from < a.to;

export function useProposals({ id, view, signed, markWith, onError }: Options) {
  const [list, setList] = useState<{ key: string; proposal: Proposal }[]>([]);
  const [find, setFind] = useState<FindState>({ phase: 'idle' });
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const running = useRef(false);
  const adjustingRef = useRef<string | null>(null);
  adjustingRef.current = adjusting;

  const drop = useCallback(
    (keys: string[]) => {
      const gone = new Set(keys);
      setList((l) => l.filter((p) => !gone.has(p.key)));
      if (adjustingRef.current && gone.has(adjustingRef.current)) setAdjusting(null);
      const v = view.current;
      if (v) v.dispatch(removeProposalsMeta(v.state.tr, keys));
    },
    [view],
  );

  const run = useCallback(async () => {
    const v = view.current;
    if (!v || running.current) return;
    running.current = true;
    const t0 = performance.now();
    const text = buildTextIndex(v.state.doc).text;
    const chunks = paragraphChunks(text);
    setFind({ phase: 'running', done: 0, total: chunks.length });
    try {
      const found: Proposal[] = [];
      const notices = new Set<string>();
      let skipped = 0;
      const languages = new Set<string>();
      for (const [i, range] of chunks.entries()) {
        const r: Response<'detectClaims'> = await client.detectClaims(chunks.length === 1 ? { id, text } : { id, text, range });
        found.push(...r.proposals);
        skipped += r.skipped;
        if (r.notice) notices.add(r.notice);
        languages.add(r.language);
        setFind({ phase: 'running', done: i + 1, total: chunks.length });
      }
      const now = view.current;
      if (!now) return;
      // Words a claim already covers are not proposed again.
      const claimed = [...claimRangesOf(now.state).ranges.values()];
      const placed = placeProposals(now.state.doc, text, found).filter((p) => !claimed.some((c) => overlaps(c, p)));
      now.dispatch(setProposalsMeta(now.state.tr, placed));
      setList(placed.map((p) => ({ key: p.key, proposal: p.proposal })));
      setAdjusting(null);
      // A long text's chunks each judge their own language; say "not English" only when none read as English.
      const notice = [...notices].filter((n) => !(languages.has('en') && /not read as English/.test(n))).join(' ');
      setFind({ phase: 'found', found: placed.length, skipped, notice, ms: Math.round(performance.now() - t0) });
    } catch (e) {
      setFind({ phase: 'idle' });
      onError(`Finding claims failed: ${errorMessage(e)}`);
    } finally {
      running.current = false;
    }
  }, [id, view, onError]);

  /** Accepts proposals as claims, in order; resolves to how many were made. */
  const accept = useCallback(
    async (keys: string[]): Promise<number> => {
      let made = 0;
      for (const key of keys) {
        const v = view.current;
        const placed = v ? proposalsOf(v.state)?.items.get(key) : undefined;
        if (!v || !placed) continue;
        const init: MarkInit = (d, s) => acceptProposal(d, placed.proposal, { reviewer: s.reviewer, at: s.now() });
        const claimId = await markWith({ from: placed.from, to: placed.to }, init);
        if (!claimId) break; // the name prompt was cancelled, or the text changed meanwhile
        drop([key]);
        made++;
      }
      return made;
    },
    [view, markWith, drop],
  );

  const reject = useCallback(
    async (keys: string[]): Promise<boolean> => {
      const quotes = list.filter((p) => keys.includes(p.key)).map((p) => p.proposal.quote);
      if (quotes.length === 0) return false;
      const done = await signed(() => true);
      if (!done) return false;
      try {
        await client.rejectProposals({ id, quotes });
        drop(keys);
        return true;
      } catch (e) {
        onError(`Not rejected: ${errorMessage(e)}`);
        return false;
      }
    },
    [id, list, signed, drop, onError],
  );

  /** Puts the proposal's words in the text selection, for the reviewer to widen or narrow, then Mark claim. */
  const adjust = useCallback(
    (key: string) => {
      const v = view.current;
      const r = v ? proposalRange(v.state, key) : null;
      if (!v || !r) return;
      setAdjusting(key);
      v.dispatch(activeProposalMeta(v.state.tr, key).setSelection(TextSelection.create(v.state.doc, r.from, r.to)).scrollIntoView());
      v.focus();
    },
    [view],
  );

  const setActive = useCallback(
    (key: string | null) => {
      const v = view.current;
      if (!v || proposalsOf(v.state)?.active === key) return;
      v.dispatch(activeProposalMeta(v.state.tr, key));
      const r = key ? proposalRange(v.state, key) : null;
      if (r) {
        const dom = v.domAtPos(r.from);
        const el = dom.node.nodeType === 1 ? (dom.node as HTMLElement) : dom.node.parentElement;
        el?.scrollIntoView({ block: 'nearest', behavior: 'auto' });
      }
    },
    [view],
  );

  /** For Mark claim: while a proposal is adjusted and the selection overlaps it, marking accepts it. */
  const adoptFor = (from: number, to: number): { init: MarkInit; onMarked: () => void } | null => {
    const v = view.current;
    const key = adjustingRef.current;
    const placed = v && key ? proposalsOf(v.state)?.items.get(key) : undefined;
    if (!key || !placed || !overlaps(placed, { from, to })) return null;
    return {
      init: (d, s) => acceptProposal(d, placed.proposal, { reviewer: s.reviewer, at: s.now() }),
      onMarked: () => drop([key]),
    };
  };

  const clear = useCallback(() => {
    const v = view.current;
    if (v) v.dispatch(setProposalsMeta(v.state.tr, []));
    setList([]);
    setAdjusting(null);
    setFind({ phase: 'idle' });
  }, [view]);

  return { list, find, run, clear, accept, reject, adjust, adjusting, cancelAdjust: () => setAdjusting(null), setActive, adoptFor };
}
