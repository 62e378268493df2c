/**
 * The claims plugin: keeps every claim's data (changed only by ClaimDataStep) and where its words are
 * (changed by ClaimRangesStep, and carried through every other step by mapping its two ends: see
 * shared/anchor/mapRanges). Both are steps, so one history covers text, claims and their data. The
 * plugin never searches the text, and adds nothing to the editor's DOM: the view draws claims with the
 * CSS Custom Highlight API (claimHighlights.ts).
 *
 * A claim with data but no range is orphaned: all its words were deleted. It is kept, listed and can be
 * put back on words (reattachClaim) or brought back by undo.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { DEFAULT_RATING_SCALE, type ClaimData } from '../../shared/schema/claim';
import type { Range } from '../../shared/anchor/claimRanges';
import { ClaimDataStep } from './claimStep';
import { rangesAfterStep } from './claimRangesStep';
import { claimHighlighter } from './claimHighlights';

export type ClaimsState = {
  data: ReadonlyMap<string, ClaimData>;
  /** Where each claim's words are; a claim with data and no range is orphaned. */
  ranges: ReadonlyMap<string, Range>;
  selected: string | null;
};

export const claimsKey = new PluginKey<ClaimsState>('claims');

type Meta = { select: string | null };

function applySteps(tr: Transaction, prev: ClaimsState): Pick<ClaimsState, 'data' | 'ranges'> {
  let { data, ranges } = prev;
  tr.steps.forEach((step, i) => {
    if (step instanceof ClaimDataStep) {
      const next = new Map(data);
      if (step.after) next.set(step.claimId, step.after);
      else next.delete(step.claimId);
      data = next;
    } else {
      ranges = rangesAfterStep(ranges, step, tr.docs[i + 1] ?? tr.doc);
    }
  });
  return { data, ranges };
}

/**
 * `initial` is the claims' data, `ranges` where the anchored ones are (see openArticle); `scale` is the
 * desk's rating scale, for the colours of verdicts beyond the default ones.
 */
export function claimsPlugin(initial: ReadonlyMap<string, ClaimData>, ranges: ReadonlyMap<string, Range>, scale: readonly string[] = DEFAULT_RATING_SCALE): Plugin<ClaimsState> {
  return new Plugin<ClaimsState>({
    key: claimsKey,
    state: {
      init: () => ({ data: initial, ranges, selected: null }),
      apply(tr, prev) {
        const meta = tr.getMeta(claimsKey) as Meta | undefined;
        const next = tr.docChanged ? applySteps(tr, prev) : prev;
        let selected = meta ? meta.select : prev.selected;
        if (selected !== null && !next.data.has(selected)) selected = null;
        return next.data === prev.data && next.ranges === prev.ranges && selected === prev.selected ? prev : { data: next.data, ranges: next.ranges, selected };
      },
    },
    view(view) {
      const state = (s: EditorState) => claimsKey.getState(s) ?? { data: initial, ranges, selected: null };
      const painter = claimHighlighter(view, scale, state(view.state));
      return {
        update: (v) => painter.update(state(v.state), v.state.doc),
        destroy: () => painter.destroy(),
      };
    },
    props: {
      handleClick: selectClickedClaim,
      // A second click soon after the first is a double click to ProseMirror: it chooses the claim as well.
      handleDoubleClick: selectClickedClaim,
      handleTripleClick: selectClickedClaim,
    },
  });
}

/**
 * A click in the text chooses the claim under it (none off claims). A click on the selected claim says so
 * again, so the inspector drawer, closed meanwhile, shows it. The click's own selection goes ahead.
 */
function selectClickedClaim(view: EditorView, pos: number): boolean {
  const id = innermostClaimAt(view.state, pos);
  const current = claimsKey.getState(view.state)?.selected ?? null;
  if (id !== current || id !== null) view.dispatch(view.state.tr.setMeta(claimsKey, { select: id } satisfies Meta));
  return false;
}

/** The smallest claim covering a position: with nested claims, a click picks the inner one. */
export function innermostClaimAt(state: EditorState, pos: number): string | null {
  const ranges = claimsKey.getState(state)?.ranges;
  if (!ranges) return null;
  let best: string | null = null;
  let size = Infinity;
  for (const [id, r] of ranges) {
    if (r.from <= pos && pos <= r.to && r.to - r.from < size) {
      best = id;
      size = r.to - r.from;
    }
  }
  return best;
}

/** Every claim's current range and the orphaned ones (data, but no words left). */
export function claimRangesOf(state: EditorState): { ranges: ReadonlyMap<string, Range>; orphaned: string[] } {
  const plugin = claimsKey.getState(state);
  if (!plugin) return { ranges: new Map(), orphaned: [] };
  const orphaned = [...plugin.data.keys()].filter((id) => !plugin.ranges.has(id));
  // Ranges and data change in the same transactions; a range without data is never shown.
  const stray = plugin.ranges.size + orphaned.length !== plugin.data.size;
  const ranges = stray ? new Map([...plugin.ranges].filter(([id]) => plugin.data.has(id))) : plugin.ranges;
  return { ranges, orphaned };
}

export function selectClaimMeta(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(claimsKey, { select: id } satisfies Meta);
}
