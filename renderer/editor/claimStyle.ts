import type { ClaimData, ClaimStatus } from '../../shared/schema/claim';
import { verdictColours } from '../../shared/claims/verdictPalette';

/** Underline style by status: a cue that does not rely on colour (the same as in the report). */
const STATUS_UNDERLINE: Record<ClaimStatus, string> = {
  unreviewed: 'border-bottom: 2px dotted',
  in_progress: 'border-bottom: 2px dashed',
  needs_second_review: 'border-bottom: 3px double',
  done: 'border-bottom: 2px solid',
};

/**
 * One CSS rule for one claim's words, on the claim's own class (c-<id>): class selectors are hashed, so
 * thousands of rules cost nothing per element. Colours are the report's (shared/claims/verdictPalette).
 * Ids are restricted to [A-Za-z0-9_-]; re-checked here.
 */
export function claimRule(id: string, claim: ClaimData, selected: boolean, scale: readonly string[]): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, '');
  const [highlight, ink] = verdictColours(claim.verification.verdict, scale);
  const outline = selected ? ' outline: 2px solid #1f5fa8; outline-offset: 1px;' : '';
  return `.c-${safeId} { background-color: ${highlight}; ${STATUS_UNDERLINE[claim.verification.status]} ${ink};${outline} }`;
}
