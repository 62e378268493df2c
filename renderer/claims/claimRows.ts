import type { EditorState } from 'prosemirror-state';
import type { ClaimData, ClaimTarget } from '../../shared/schema/claim';
import { lastWords } from '../../shared/claims/clipQuote';
import { claimOrder } from '../editor/claimCommands';
import { claimRangesOf, claimsKey } from '../editor/claimsPlugin';

export type ClaimRow = {
  id: string;
  number: number | null;
  quote: string;
  orphaned: boolean;
  data: ClaimData;
  /** The paragraph the claim starts in, counted after the headline (null: in the headline, or orphaned). */
  paragraph: number | null;
  /** A few words before the claim in its paragraph, to tell two rows with the same quote apart. */
  before: string;
};

/** How many words before a claim tell it apart from another with the same words. */
const CONTEXT_WORDS = 4;

/** The claim list's rows: claims in document order, numbered, then the orphaned ones with their last quote. */
export function claimRows(state: EditorState, lastTargets: ReadonlyMap<string, ClaimTarget>): ClaimRow[] {
  const plugin = claimsKey.getState(state);
  if (!plugin) return [];
  const { ranges } = claimRangesOf(state);
  const rows: ClaimRow[] = [];
  let number = 0;
  for (const id of claimOrder(state)) {
    const data = plugin.data.get(id);
    if (!data) continue;
    const range = ranges.get(id);
    if (!range) {
      rows.push({ id, number: null, quote: lastTargets.get(id)?.quote.exact ?? '', orphaned: true, data, paragraph: null, before: '' });
      continue;
    }
    const $from = state.doc.resolve(range.from);
    const block = $from.index(0);
    const blockStart = $from.depth > 0 ? $from.start(1) : range.from;
    rows.push({
      id,
      number: ++number,
      quote: state.doc.textBetween(range.from, range.to, ' ', ' '),
      orphaned: false,
      data,
      // The doc is a title, then blocks: block 1 is paragraph 1.
      paragraph: block === 0 ? null : block,
      before: lastWords(state.doc.textBetween(blockStart, range.from, ' ', ' '), CONTEXT_WORDS),
    });
  }
  return rows;
}
