/**
 * How a report refers to each claim: a claim in the text as "Claim N" (#claim-N), an orphan as
 * "Orphaned claim K" (#orphaned-claim-K). The anchors equal the GitHub-style slugs of those headings, so
 * the Markdown report's links work too; ClaimReview's review URLs use the same anchors.
 */
import type { ReportClaim, ReportModel } from './model';

export type ClaimRef = { anchor: string; label: string; title: string };
export type ClaimRefs = { of: (c: ReportClaim) => ClaimRef; byId: (id: string | undefined) => ClaimRef | null };

export function claimRefs(model: Pick<ReportModel, 'claims' | 'orphaned'>): ClaimRefs {
  const ids = new Map<string, ClaimRef>();
  for (const c of model.claims) ids.set(c.id, { anchor: `claim-${c.number}`, label: String(c.number), title: `Claim ${c.number}` });
  model.orphaned.forEach((c, i) => ids.set(c.id, { anchor: `orphaned-claim-${i + 1}`, label: `O${i + 1}`, title: `Orphaned claim ${i + 1}` }));
  return {
    of: (c) => ids.get(c.id)!,
    byId: (id) => (id === undefined ? null : (ids.get(id) ?? null)),
  };
}
