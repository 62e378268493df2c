/**
 * What the report's summary says about the claims, in one place for the HTML report (and so the PDF) and
 * the Markdown report. "Checked" means done: a claim a person has finished. A claim merely marked, or
 * with a verdict still in progress, is counted apart, so "12 claims checked" is never said of 3 done.
 */
import type { ReportClaim, ReportModel } from './model';

export type ClaimCounts = {
  /** Every claim: placed in the text and orphaned. */
  marked: number;
  inText: number;
  orphaned: number;
  /** Claims with status done. */
  done: number;
};

export const isDone = (c: ReportClaim): boolean => c.data?.verification?.status === 'done';

export function claimCounts(model: Pick<ReportModel, 'claims' | 'orphaned'>): ClaimCounts {
  const all = [...model.claims, ...model.orphaned];
  return { marked: all.length, inText: model.claims.length, orphaned: model.orphaned.length, done: all.filter(isDone).length };
}

const claims = (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`;

/**
 * The summary's first sentence, as plain text (each renderer escapes it): "12 claims marked, 3 checked
 * (done), 9 not done yet." With orphans, where the marked claims are: "4 claims marked (3 in the article
 * text, 1 orphaned: no longer in the text), 2 checked (done), 2 not done yet."
 */
export function summarySentence(model: Pick<ReportModel, 'claims' | 'orphaned'>): string {
  const { marked, inText, orphaned, done } = claimCounts(model);
  if (marked === 0) return 'No claims are marked in this article.';
  const where = orphaned > 0 ? ` (${inText} in the article text, ${orphaned} orphaned: no longer in the text)` : '';
  const open = marked - done;
  return `${claims(marked)} marked${where}, ${done} checked (done)${open > 0 ? `, ${open} not done yet` : ''}.`;
}

/** Column headings of the by-verdict counts, shared by the HTML and Markdown tables. */
export const VERDICT_COUNT_COLUMNS = { done: 'Done', notDone: 'Not done yet' } as const;
