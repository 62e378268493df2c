import type { Claim } from '../schema/claim';

export type ClaimIssue = { path: string; message: string };

/**
 * What the schema alone cannot check: each claim's selectors against the article's text, verdicts
 * against the desk's scale, and ids being unique. Returns every problem, so a form can show them all.
 */
export function checkClaims(claims: Claim[], text: string, scale: readonly string[]): ClaimIssue[] {
  const issues: ClaimIssue[] = [];
  const seen = new Set<string>();
  claims.forEach((claim, i) => {
    const at = `claims.${i}`;
    const { data, target } = claim;
    if (seen.has(data.id)) issues.push({ path: `${at}.data.id`, message: `Claim id ${data.id} is used twice.` });
    seen.add(data.id);
    const verdict = data.verification.verdict;
    if (verdict !== null && !scale.includes(verdict)) {
      issues.push({ path: `${at}.data.verification.verdict`, message: `“${verdict}” is not on the desk's rating scale (${scale.join(', ')}).` });
    }
    const evidenceIds = new Set<string>();
    for (const e of data.verification.evidence) {
      if (evidenceIds.has(e.id)) issues.push({ path: `${at}.data.verification.evidence`, message: `Evidence id ${e.id} is used twice.` });
      evidenceIds.add(e.id);
    }
    if (target.orphaned) return;
    const { start, end } = target.position;
    if (end > text.length) {
      issues.push({ path: `${at}.target.position`, message: `The claim's range (${start}-${end}) is outside the article's text (${text.length} characters).` });
    } else if (text.slice(start, end) !== target.quote.exact) {
      issues.push({ path: `${at}.target.quote`, message: `The claim's quoted words do not match the article's text at ${start}-${end}.` });
    }
  });
  return issues;
}
