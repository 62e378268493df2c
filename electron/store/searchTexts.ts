/**
 * What the library's search reads beyond the index: each article's byline and plain text, with their
 * folded forms (shared/library/fold.ts). The index stays small (it is sent whole to the library); the
 * text stays on the Node side, in memory, built from the article files in the background after the store
 * opens and replaced by every write, so a search never needs to open 10,000 files.
 */
import { articleSchema } from '../../shared/doc/schema';
import { docPlainText } from '../../shared/doc/plainText';
import { fold, searchable } from '../../shared/library/fold';
import { MAX_SEARCH_TEXT_CHARS } from '../../shared/library/search';
import type { ArticleRecord } from '../../shared/schema/article';
import type { DocNodeJson } from '../../shared/schema/doc';

export type SearchText = {
  /** Searchable (NFC) text, shown in snippets. */
  text: string;
  /** The fields the index does not hold, folded (search folds the title and publisher from the index). */
  folded: { byline: string; text: string };
};

type SearchedMeta = { byline: string };

export function searchTextOf(meta: SearchedMeta, doc: DocNodeJson): SearchText {
  const text = searchable(docPlainText(articleSchema.nodeFromJSON(doc))).slice(0, MAX_SEARCH_TEXT_CHARS);
  return { text, folded: { byline: fold(meta.byline), text: fold(text) } };
}

export const searchTextOfArticle = (article: ArticleRecord): SearchText => searchTextOf(article.meta, article.doc);

/**
 * From an article file's JSON as read, without the full schema check (a search text is no promise about
 * the file; opening it checks everything); null for one that does not look like an article file.
 */
export function searchTextOfFile(json: unknown): SearchText | null {
  const article = (json as { article?: { meta?: Partial<Record<keyof SearchedMeta, unknown>>; doc?: unknown } } | null)?.article;
  if (!article || typeof article.doc !== 'object' || article.doc === null) return null;
  const field = (name: keyof SearchedMeta) => {
    const value = article.meta?.[name];
    return typeof value === 'string' ? value : '';
  };
  try {
    return searchTextOf({ byline: field('byline') }, article.doc as DocNodeJson);
  } catch {
    return null;
  }
}
