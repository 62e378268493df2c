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

/** A change's words for a badge: without the spacing and punctuation around them (", 21," reads "21"). */
function badgeWords(text: string): string {
  return clipQuote(text.replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/g, ''), BADGE_WORDS_CHARS);
}

export function calloutBadges(change: TextChange): CalloutBadge[] {
  const kinds = calloutsOf(change);
  if (kinds.length === 0) return [];
  return [
    {
      kinds: kinds.join(' '),
      label: kinds.map((k) => CALLOUT_LABELS[k]).join(', '),
      before: badgeWords(change.removed),
      after: badgeWords(change.added),
    },
  ];
}
