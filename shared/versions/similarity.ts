/**
 * Does a new import look like a version of an article the desk has (issue #14)? Yes when it has the same
 * web address (canonicalUrl), or the same title and publisher and enough text in common. Cheap first: web
 * addresses and titles are compared for every article, texts only for the few that pass, so a desk of
 * 10,000 articles costs 10,000 string comparisons and a text comparison or two. A text may be given as a
 * function, so a caller need not load the texts of articles that never pass.
 */
import { normalizeForMatch } from '../anchor/selectors';
import { sameName } from '../html/pageMeta';
import type { ArticleMeta } from '../schema/articleMeta';
import { canonicalUrl } from './canonicalUrl';
import { shingleSimilarity, shinglesOf, textSimilarity } from './textSimilarity';

export { textSimilarity };

/**
 * Below this share of text in common (textSimilarity) a "new version" is a different article: warn, and
 * offer a new article instead. Measured on the sample (data/tartous-ambush.txt): a figure changed keeps
 * 0.996, a paragraph added 0.985, the second half replaced by another story 0.56; no two of the sample and
 * the 24 real articles of data/pages share more than 0.17. 0.3 leaves room on both sides.
 */
export const DIFFERENT_ARTICLE_SIMILARITY = 0.3;

/** The same title and publisher is a version only with at least this much text in common (the line above: same wording, not only the same headline). */
export const SAME_TITLE_SIMILARITY = DIFFERENT_ARTICLE_SIMILARITY;

export type VersionMeta = Pick<ArticleMeta, 'url' | 'title' | 'publisher'>;
export type VersionCandidate = { meta: VersionMeta; text: string };
export type ExistingArticle = { id: string; meta: VersionMeta; text: string | (() => string) };
export type VersionMatch = {
  id: string;
  /** textSimilarity of the two texts, 0..1. */
  similarity: number;
  /** Why, for the user: "same web address", "same title and publisher, 87 % of the text in common". */
  reason: string;
  /** The texts are the same: an identical re-import. */
  identical: boolean;
};

const titleKey = (title: string) => normalizeForMatch(title).text.trim().toLowerCase();
const samePublisher = (a: string, b: string) => (a.trim() === '' && b.trim() === '') || sameName(a, b);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The existing article the new item looks like a version of, or null. Among several, a same-address one
 * before a same-title one, then the most text in common. A same-address match is returned whatever its
 * text: check its similarity against DIFFERENT_ARTICLE_SIMILARITY to warn.
 */
export function versionMatch(newItem: VersionCandidate, existing: readonly ExistingArticle[]): VersionMatch | null {
  const url = canonicalUrl(newItem.meta.url);
  const title = titleKey(newItem.meta.title);
  let shingles: ReturnType<typeof shinglesOf> | null = null;
  let best: (VersionMatch & { byUrl: boolean }) | null = null;
  for (const e of existing) {
    const byUrl = url !== '' && canonicalUrl(e.meta.url) === url;
    const byTitle = !byUrl && title !== '' && titleKey(e.meta.title) === title && samePublisher(newItem.meta.publisher, e.meta.publisher);
    if (!byUrl && !byTitle) continue;
    if (best?.byUrl && !byUrl) continue;
    const text = typeof e.text === 'function' ? e.text() : e.text;
    shingles ??= shinglesOf(newItem.text);
    const similarity: number = text === newItem.text ? 1 : shingleSimilarity(shingles, shinglesOf(text));
    if (byTitle && similarity < SAME_TITLE_SIMILARITY) continue;
    if (best && best.byUrl === byUrl && best.similarity >= similarity) continue;
    const reason: string = byUrl
      ? 'same web address'
      : `${newItem.meta.publisher.trim() === '' ? 'same title' : 'same title and publisher'}, ${percent(similarity)} of the text in common`;
    best = { id: e.id, similarity, reason, identical: text === newItem.text, byUrl };
  }
  if (!best) return null;
  const { byUrl: _byUrl, ...match } = best;
  return match;
}
