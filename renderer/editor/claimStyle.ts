import { STATUS_LABELS, type ClaimData } from '../../shared/schema/claim';

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

/** Colour by verdict, underline style by status (a cue that does not rely on colour). */
export function claimClass(claim: ClaimData, selected: boolean): string {
  return `claim claim-status-${claim.verification.status} claim-verdict-${verdictClass(claim.verification.verdict)}${selected ? ' claim-selected' : ''}`;
}

export function claimTitle(claim: ClaimData): string {
  const parts = [STATUS_LABELS[claim.verification.status], claim.verification.verdict ?? 'no verdict'];
  if (claim.attribution.sourceName) parts.push(`source: ${claim.attribution.sourceName}`);
  return parts.join(' · ');
}
