/**
 * The diff view's badges for changed numbers, dates, names and attribution words. What is called out is
 * shared/versions/callouts.ts's rule (calloutsOf, CALLOUT_LABELS); this only turns its answer into one
 * badge per change: "Figures · eight → six", "Names, Attribution · removed: West Mercia police said…".
 */
import { clipQuote } from '../../shared/claims/clipQuote';
import { CALLOUT_LABELS, calloutsOf } from '../../shared/versions/callouts';
import type { TextChange } from '../../shared/versions/diff';

export type CalloutBadge = { kinds: string; label: string; before: string; after: string };

/** Long enough for a changed phrase, short enough that a removed paragraph stays a badge. */
const BADGE_WORDS_CHARS = 60;

export function calloutBadges(change: TextChange): CalloutBadge[] {
  const kinds = calloutsOf(change);
  if (kinds.length === 0) return [];
  return [
    {
      kinds: kinds.join(' '),
      label: kinds.map((k) => CALLOUT_LABELS[k]).join(', '),
      before: clipQuote(change.removed, BADGE_WORDS_CHARS),
      after: clipQuote(change.added, BADGE_WORDS_CHARS),
    },
  ];
}
