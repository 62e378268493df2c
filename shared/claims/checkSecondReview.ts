import type { Claim } from '../schema/claim';
import type { ClaimIssue } from './checkClaims';

/**
 * A second review is signed by whoever does it: a new request or sign-off must carry the name of the
 * reviewer saving it (the schema already refuses a sign-off by the one who asked for the review).
 */
export function checkSecondReview(before: readonly Claim[], after: readonly Claim[], reviewer: string): ClaimIssue[] {
  const previous = new Map(before.map((c) => [c.data.id, c.data.verification.secondReview]));
  const issues: ClaimIssue[] = [];
  after.forEach((claim, i) => {
    const now = claim.data.verification.secondReview;
    const was = previous.get(claim.data.id) ?? null;
    if (!now) return;
    const path = `claims.${i}.data.verification.secondReview`;
    if (now.requestedBy !== was?.requestedBy && now.requestedBy !== reviewer) {
      issues.push({ path, message: `A second review can only be asked for in your own name (${reviewer || 'set your name in Settings'}).` });
    }
    if (now.signedOffBy !== null && now.signedOffBy !== was?.signedOffBy) {
      if (now.signedOffBy !== reviewer) issues.push({ path, message: `Only you (${reviewer || 'set your name in Settings'}) can sign off in your name.` });
      if (claim.data.verification.status !== 'done') issues.push({ path, message: 'A signed-off claim is done.' });
    }
  });
  return issues;
}
