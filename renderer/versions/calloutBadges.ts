/**
 * The diff view's badges for changed numbers, dates, names and attribution words. The rule of what is
 * called out lives in shared/versions/ (vcore's calloutsOf); this only turns its answer into badges.
 */
import type { TextChange } from '../../shared/versions/diff';
import type { Callout } from './DiffView';

export function calloutBadges(_change: TextChange): Callout[] {
  // TODO(vcore): calloutsOf(change) with CALLOUT_LABELS once shared/versions/callouts.ts is merged.
  return [];
}
