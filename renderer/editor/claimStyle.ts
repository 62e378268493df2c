import type { ClaimData, ClaimStatus } from '../../shared/schema/claim';
import { STATUSES } from '../../shared/schema/claim';
import { EXTRA_COLOURS, VERDICT_COLOURS, verdictColours, type VerdictColours } from '../../shared/claims/verdictPalette';

/** Underline style by status: a cue that does not rely on colour (the same as in the report). */
const STATUS_UNDERLINE: Record<ClaimStatus, string> = {
  unreviewed: 'dotted',
  in_progress: 'dashed',
  needs_second_review: 'double',
  done: 'solid',
};

/** The highlight that marks the selected claim's words, drawn over its look. */
export const SELECTED_HIGHLIGHT = 'claim-selected';

const NEUTRAL: VerdictColours = ['#e5e7eb', '#374151'];

/** A highlight name per look: the verdict's colour (from the report's palette) and the status. */
function lookName([highlight]: VerdictColours, status: ClaimStatus): string {
  return `claim-${highlight.replace(/[^0-9a-f]/gi, '')}-${status}`;
}

const lookNames = new WeakMap<readonly string[], Map<string, string>>();

/** The name of the highlight a claim's words are drawn in. */
export function claimLookName(claim: ClaimData, scale: readonly string[]): string {
  const { verdict, status } = claim.verification;
  let names = lookNames.get(scale);
  if (!names) lookNames.set(scale, (names = new Map()));
  const key = `${status}\n${verdict ?? ''}`;
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = lookName(verdictColours(verdict, scale), status)));
  return name;
}

/**
 * The `::highlight()` rules for every look a claim can have on this scale. Highlights take only a few
 * properties (colours and text decoration), so the status cue is the underline's style. The rules sit on
 * :root and reach the text by highlight inheritance: a bare `::highlight()` rule would be matched
 * against every element of the page, which made the first layout of a long article several times slower.
 */
export function claimHighlightRules(scale: readonly string[]): string {
  const palettes = new Map<string, VerdictColours>();
  for (const c of [...Object.values(VERDICT_COLOURS), ...EXTRA_COLOURS, NEUTRAL]) palettes.set(c[0], c);
  for (const v of scale) palettes.set(verdictColours(v, scale)[0], verdictColours(v, scale));
  const rules: string[] = [];
  for (const colours of palettes.values()) {
    for (const status of STATUSES) {
      const [highlight, ink] = colours;
      const thickness = status === 'needs_second_review' ? 3 : 2;
      rules.push(`:root::highlight(${lookName(colours, status)}) { background-color: ${highlight}; text-decoration: underline ${STATUS_UNDERLINE[status]} ${ink} ${thickness}px; }`);
    }
  }
  rules.push(`:root::highlight(${SELECTED_HIGHLIGHT}) { background-color: rgba(31, 95, 168, 0.28); text-decoration: underline overline solid #1f5fa8 2px; }`);
  return rules.join('\n');
}
