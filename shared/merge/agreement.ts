/**
 * How far two reviewers agree on verdicts: over the claims both gave a verdict (matched by claim id), the
 * share of equal verdicts and Cohen's kappa, κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is that share and pₑ the
 * agreement expected by chance from each reviewer's own use of the labels: Σₖ (aₖ/n)(bₖ/n).
 * Pure code: runs in Node and in the browser.
 */
import type { Claim } from '../schema/claim';

export type VerdictAgreement = {
  /** Claims (by id) both reviewers gave a verdict. */
  pairs: number;
  /** Of those, claims with the same verdict. */
  agreed: number;
  /** agreed / pairs; null when there are no pairs. */
  share: number | null;
  /**
   * Cohen's kappa; null when there are no pairs, or when it is undefined because chance agreement is
   * certain (pₑ = 1: both reviewers gave every claim the same single label).
   */
  kappa: number | null;
};

/**
 * Verdict agreement between reviewers a and b. The categories are the labels of `scale`; a verdict not on
 * the scale (a desk that changed its scale) counts as a category of its own rather than being dropped.
 * Categories nobody used do not change kappa. Computed with whole counts, so pₑ = 1 is detected exactly.
 */
export function verdictAgreement(a: Claim[], b: Claim[], scale: readonly string[]): VerdictAgreement {
  const verdictsB = new Map<string, string>();
  for (const c of b) if (c.data.verification.verdict !== null) verdictsB.set(c.data.id, c.data.verification.verdict);
  const categories = new Map<string, { a: number; b: number }>(scale.map((label) => [label, { a: 0, b: 0 }]));
  const count = (label: string) => {
    let c = categories.get(label);
    if (!c) {
      c = { a: 0, b: 0 };
      categories.set(label, c);
    }
    return c;
  };
  let pairs = 0;
  let agreed = 0;
  const seen = new Set<string>();
  for (const c of a) {
    const va = c.data.verification.verdict;
    const vb = verdictsB.get(c.data.id);
    if (va === null || vb === undefined || seen.has(c.data.id)) continue;
    seen.add(c.data.id);
    pairs++;
    if (va === vb) agreed++;
    count(va).a++;
    count(vb).b++;
  }
  if (pairs === 0) return { pairs, agreed, share: null, kappa: null };
  // pₑ·n² and pₒ·n² as whole numbers.
  let chance = 0;
  for (const { a: na, b: nb } of categories.values()) chance += na * nb;
  const n2 = pairs * pairs;
  const kappa = chance === n2 ? null : (agreed * pairs - chance) / (n2 - chance);
  return { pairs, agreed, share: agreed / pairs, kappa };
}
