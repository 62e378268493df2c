/**
 * What an article remembers of detection (issue #13): the proposals a reviewer rejected, by their quote, so
 * they are not proposed again after edits or a new run; and when detection last ran. Proposals themselves
 * are not stored: they are recomputed from the text, and only a person's acceptance makes a claim.
 */
import { z } from 'zod';
import { TextQuoteSelector } from './claim';

export const MAX_REJECTED_PROPOSALS = 5000;

export const RejectedProposal = z.object({
  quote: TextQuoteSelector,
  at: z.string().datetime(),
  by: z.string().min(1).max(120),
});
export type RejectedProposal = z.infer<typeof RejectedProposal>;

export const ArticleDetection = z.object({
  rejected: z.array(RejectedProposal).max(MAX_REJECTED_PROPOSALS),
  lastRunAt: z.string().datetime().nullable(),
});
export type ArticleDetection = z.infer<typeof ArticleDetection>;

export function noDetection(): ArticleDetection {
  return { rejected: [], lastRunAt: null };
}
