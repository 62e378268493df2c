import { isWeakSourcing, type AttributionKind, type ClaimData, type ClaimStatus } from '../../shared/schema/claim';

export type ClaimFilter = {
  status: ClaimStatus | 'any';
  /** A verdict label, 'none' for claims without one, or 'any'. */
  verdict: string;
  attribution: AttributionKind | 'any';
  weakSourcingOnly: boolean;
};

export const NO_FILTER: ClaimFilter = { status: 'any', verdict: 'any', attribution: 'any', weakSourcingOnly: false };

export function matchesFilter(claim: ClaimData, f: ClaimFilter): boolean {
  const v = claim.verification;
  if (f.status !== 'any' && v.status !== f.status) return false;
  if (f.verdict === 'none' ? v.verdict !== null : f.verdict !== 'any' && v.verdict !== f.verdict) return false;
  if (f.attribution !== 'any' && claim.attribution.kind !== f.attribution) return false;
  if (f.weakSourcingOnly && !isWeakSourcing(claim.attribution.kind)) return false;
  return true;
}

export function isFiltered(f: ClaimFilter): boolean {
  return f.status !== 'any' || f.verdict !== 'any' || f.attribution !== 'any' || f.weakSourcingOnly;
}

/** "7 of 19 done": progress over all the article's claims, whatever the filter shows. */
export function progress(claims: Iterable<ClaimData>): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const c of claims) {
    total += 1;
    if (c.verification.status === 'done') done += 1;
  }
  return { done, total };
}
