import type { ClaimData, ClaimStatus } from '../../shared/schema/claim';

/** Verdict labels of the default scale get their own colour; others (a desk's own scale) a neutral one. */
const VERDICT_CLASS: Record<string, string> = {
  true: 'true',
  'mostly true': 'mostly-true',
  mixed: 'mixed',
  misleading: 'misleading',
  'mostly false': 'mostly-false',
  false: 'false',
  unverifiable: 'unverifiable',
};

export function verdictClass(verdict: string | null): string {
  if (verdict === null) return 'none';
  return VERDICT_CLASS[verdict.toLowerCase()] ?? 'other';
}

/** Background and underline colour per verdict class (see the key in the claims panel). */
const VERDICT_COLOURS: Record<string, [string, string]> = {
  none: ['rgba(255, 214, 0, 0.24)', '#6b7280'],
  true: ['rgba(46, 125, 79, 0.2)', '#2e7d4f'],
  'mostly-true': ['rgba(46, 125, 79, 0.2)', '#2e7d4f'],
  mixed: ['rgba(230, 140, 20, 0.22)', '#b26a00'],
  misleading: ['rgba(230, 140, 20, 0.22)', '#b26a00'],
  'mostly-false': ['rgba(179, 38, 30, 0.18)', '#b3261e'],
  false: ['rgba(179, 38, 30, 0.18)', '#b3261e'],
  unverifiable: ['rgba(120, 120, 140, 0.2)', '#555'],
  other: ['rgba(120, 120, 140, 0.2)', '#555'],
};

/** Underline style by status: a cue that does not rely on colour. */
const STATUS_UNDERLINE: Record<ClaimStatus, string> = {
  unreviewed: 'border-bottom: 2px dotted',
  in_progress: 'border-bottom: 2px dashed',
  needs_second_review: 'border-bottom: 3px double',
  done: 'border-bottom: 2px solid',
};

/**
 * One CSS rule for one claim's words, on the claim's own class (c-<id>): class selectors are hashed, so
 * thousands of rules cost nothing per element. Ids are restricted to [A-Za-z0-9_-]; re-checked here.
 */
export function claimRule(id: string, claim: ClaimData, selected: boolean): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, '');
  const [background, line] = VERDICT_COLOURS[verdictClass(claim.verification.verdict)] ?? VERDICT_COLOURS.none!;
  const outline = selected ? ' outline: 2px solid #1f5fa8; outline-offset: 1px;' : '';
  return `.c-${safeId} { background-color: ${background}; ${STATUS_UNDERLINE[claim.verification.status]} ${line};${outline} }`;
}
