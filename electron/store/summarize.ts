import type { ArticleRecord, ArticleSummary } from '../../shared/schema/article';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { countWords, docPlainText } from '../../shared/doc/plainText';

export function summarize(article: ArticleRecord): ArticleSummary {
  const checked = checkArticleDoc(article.doc);
  return {
    id: article.id,
    title: article.meta.title,
    publisher: article.meta.publisher,
    publishedAt: article.meta.publishedAt,
    importedAt: article.importedAt,
    wordCount: checked.ok ? countWords(docPlainText(checked.doc)) : 0,
    claimCount: article.claims.length,
    doneCount: article.claims.filter((c) => c.data.verification.status === 'done').length,
  };
}
