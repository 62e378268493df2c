/**
 * What the library's search reads beyond the index: each article's title, publisher, byline and plain
 * text (shared/library/searchCorpus.ts). The index stays small (it is sent whole to the library); the
 * text stays on the Node side, in memory, built from the article files in the background after the store
 * opens and replaced by every write, so a search never needs to open 10,000 files.
 */
import { articleSchema } from '../../shared/doc/schema';
import { docPlainText } from '../../shared/doc/plainText';
import { searchEntry, type SearchEntry } from '../../shared/library/searchCorpus';
import type { ArticleRecord } from '../../shared/schema/article';
import type { DocNodeJson } from '../../shared/schema/doc';

type SearchedMeta = { title: string; publisher: string; byline: string; url: string };

function entryOf(meta: SearchedMeta, doc: DocNodeJson): SearchEntry {
  // The current text only: an article file also holds every version's text, which search leaves out.
  return searchEntry({ ...meta, text: docPlainText(articleSchema.nodeFromJSON(doc)) });
}

export const searchEntryOfArticle = (article: ArticleRecord): SearchEntry => entryOf(article.meta, article.doc);

/**
 * From an article file's JSON as read, without the full schema check (a search entry is no promise about
 * the file; opening it checks everything); null for one that does not look like an article file.
 */
export function searchEntryOfFile(json: unknown): SearchEntry | null {
  const article = (json as { article?: { meta?: Partial<Record<keyof SearchedMeta, unknown>>; doc?: unknown } } | null)?.article;
  if (!article || typeof article.doc !== 'object' || article.doc === null) return null;
  const field = (name: keyof SearchedMeta) => {
    const value = article.meta?.[name];
    return typeof value === 'string' ? value : '';
  };
  try {
    return entryOf({ title: field('title'), publisher: field('publisher'), byline: field('byline'), url: field('url') }, article.doc as DocNodeJson);
  } catch {
    return null;
  }
}
