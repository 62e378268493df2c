import type { EditorState } from 'prosemirror-state';
import type { ClaimTarget } from '../../shared/schema/claim';
import { claimOrder } from '../editor/claimCommands';
import { claimRangesOf, claimsKey } from '../editor/claimsPlugin';
import type { ClaimRow } from './ClaimsPanel';

/** The claims panel's rows: claims in document order, numbered, then the orphaned ones with their last quote. */
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
    rows.push(
      range
        ? { id, number: ++number, quote: state.doc.textBetween(range.from, range.to, ' ', ' '), orphaned: false, data }
        : { id, number: null, quote: lastTargets.get(id)?.quote.exact ?? '', orphaned: true, data },
    );
  }
  return rows;
}
