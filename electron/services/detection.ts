/**
 * "Find claims" (issue #13): detection over an article's text on the Node side, with the shipped model
 * (warmed when the backend opens, see backend.ts), and the rejections an article remembers.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type Handlers } from '../../shared/api';
import { detect } from '../../shared/detect/detect';
import { toProposals, withoutRejected } from '../../shared/detect/proposals';
import { shippedModel } from '../../shared/detect/shipped';
import type { ArticleRecord } from '../../shared/schema/article';
import type { AuditEvent } from '../../shared/schema/audit';
import type { TextQuoteSelector } from '../../shared/schema/claim';
import { MAX_REJECTED_PROPOSALS, noDetection, type RejectedProposal } from '../../shared/schema/detection';
import type { Store } from '../store/store';

const sameQuote = (a: TextQuoteSelector, b: TextQuoteSelector) => a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;

export function detectionService(store: Store, now: () => Date = () => new Date()): Pick<Handlers, 'detectClaims' | 'rejectProposals'> {
  const found = (id: string, article: ArticleRecord | null): ArticleRecord => {
    if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
    return article;
  };
  return {
    async detectClaims({ id, text, range }) {
      if (!store.hasArticle(id)) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
      const { start, end } = range ?? { start: 0, end: text.length };
      // Outside the article's queue: saves must not wait for detection.
      const result = detect(start === 0 && end === text.length ? text : text.slice(start, end), shippedModel());
      const proposals = toProposals(result, store.desk().sources, { text, offset: start });
      return store.updateArticle(id, (current) => {
        const article = found(id, current);
        const detection = article.detection ?? noDetection();
        const { kept, skipped } = withoutRejected(text, proposals, detection.rejected);
        // A long text comes in chunks: its last one says detection ran (one write of the article, not one a chunk).
        const next: ArticleRecord | null = end === text.length ? { ...article, detection: { ...detection, lastRunAt: now().toISOString() } } : null;
        return { next, result: { language: result.language, notice: result.notice, proposals: kept, skipped } };
      });
    },

    async rejectProposals({ id, quotes }) {
      const who = store.desk().settings.reviewerName;
      if (!who) throw new ApiError('invalid_request', 'Set your reviewer name in Settings before rejecting proposals: every change is signed.');
      return store.updateArticle(id, (current) => {
        const article = found(id, current);
        const detection = article.detection ?? noDetection();
        const at = now().toISOString();
        const added: RejectedProposal[] = [];
        for (const quote of quotes) {
          if (detection.rejected.some((r) => sameQuote(r.quote, quote)) || added.some((r) => sameQuote(r.quote, quote))) continue;
          added.push({ quote, at, by: who });
        }
        if (added.length === 0) return { next: null, result: { rejected: 0 } };
        // The oldest go first past the cap: a rejection from long ago is the one least likely to matter.
        const rejected = [...detection.rejected, ...added].slice(-MAX_REJECTED_PROPOSALS);
        const events: AuditEvent[] = added.map((r) => ({ id: randomUUID(), at, who, action: 'proposal_rejected', old: r.quote.exact }));
        const next: ArticleRecord = { ...article, detection: { ...detection, rejected }, audit: [...article.audit, ...events] };
        return { next, result: { rejected: added.length } };
      });
    },
  };
}
