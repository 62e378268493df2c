/**
 * Claims carried from one version's text to the next's. FIRST CUT (diff position map only); the full
 * order (diff map, then quote and context, then approximate matching) replaces it.
 */
import { selectorsFor } from '../anchor/selectors';
import type { Claim } from '../schema/claim';
import type { CarriedClaim } from '../schema/version';
import { diffTexts, mapOffset, type TextDiff } from './diff';

export type CarryResult = { claims: Claim[]; carried: CarriedClaim[] };

export function carryClaims(oldText: string, newText: string, claims: readonly Claim[], diff: TextDiff = diffTexts(oldText, newText)): CarryResult {
  const carried: CarriedClaim[] = [];
  const out = claims.map((claim): Claim => {
    const before = claim.target.quote.exact;
    if (claim.target.orphaned) return claim;
    const from = mapOffset(diff, claim.target.position.start, 1);
    const to = mapOffset(diff, claim.target.position.end, -1);
    if (to.pos <= from.pos) {
      carried.push({ claimId: claim.data.id, outcome: 'gone', method: 'none', before, after: null });
      return { ...claim, target: { ...claim.target, orphaned: true } };
    }
    const after = newText.slice(from.pos, to.pos);
    const outcome = after === before ? 'unchanged' : 'changed';
    carried.push({ claimId: claim.data.id, outcome, method: 'diff', before, after });
    const { quote, position } = selectorsFor(newText, from.pos, to.pos);
    return { ...claim, target: { quote, position, orphaned: false } };
  });
  return { claims: out, carried };
}
