import type { ClaimData, ClaimStatus } from '../../shared/schema/claim';
import { STATUSES } from '../../shared/schema/claim';
import { allTones, toneTint, verdictTone, type VerdictTone } from '../../shared/claims/verdictTone';

/** Underline style by status: a cue that does not rely on colour (the same as in the report). */
const STATUS_UNDERLINE: Record<ClaimStatus, string> = {
  unreviewed: 'dotted',
  in_progress: 'dashed',
  needs_second_review: 'double',
  done: 'solid',
};

/**
 * The highlight over claims with weak sourcing (vague or no attribution): an amber wavy overline, so it
 * shows beside the status underline and not by colour alone; the caret announcement says it in words.
 */
export const WEAK_HIGHLIGHT = 'weak-sourcing';

/** The highlight that marks the selected claim's words, drawn over its look. */
export const SELECTED_HIGHLIGHT = 'claim-selected';

/** How strongly a claim's words are tinted: visible on the page, light enough to read the words through. */
const HIGHLIGHT_TINT = 26;

/** A highlight name per look: the verdict's tone and the status. */
function lookName(tone: VerdictTone, status: ClaimStatus): string {
  return `claim-${tone.key}-${status}`;
}

const lookNames = new WeakMap<readonly string[], Map<string, string>>();

/** The name of the highlight a claim's words are drawn in. */
export function claimLookName(claim: ClaimData, scale: readonly string[]): string {
  const { verdict, status } = claim.verification;
  let names = lookNames.get(scale);
  if (!names) lookNames.set(scale, (names = new Map()));
  const key = `${status}\n${verdict ?? ''}`;
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = lookName(verdictTone(verdict, scale), status)));
  return name;
}

/**
 * The `::highlight()` rules for every look a claim can have on this scale. Highlights take only a few
 * properties (colours and text decoration), so the status cue is the underline's style. The colours are
 * the theme's variables (shared/claims/verdictTone.ts), so dark mode only redefines those. The rules sit
 * on :root and reach the text by highlight inheritance: a bare `::highlight()` rule would be matched
 * against every element of the page, which made the first layout of a long article several times slower.
 */
export function claimHighlightRules(scale: readonly string[]): string {
  const rules: string[] = [];
  for (const tone of allTones(scale)) {
    for (const status of STATUSES) {
      const thickness = status === 'needs_second_review' ? 3 : 2;
      rules.push(`:root::highlight(${lookName(tone, status)}) { background-color: ${toneTint(tone, HIGHLIGHT_TINT)}; text-decoration: underline ${STATUS_UNDERLINE[status]} ${tone.strong} ${thickness}px; }`);
    }
  }
  rules.push(`:root::highlight(${WEAK_HIGHLIGHT}) { text-decoration: overline wavy var(--warn) 1.5px; }`);
  rules.push(`:root::highlight(${SELECTED_HIGHLIGHT}) { background-color: color-mix(in srgb, var(--focus) 40%, transparent); text-decoration: underline overline solid var(--accent) 2px; }`);
  return rules.join('\n');
}
