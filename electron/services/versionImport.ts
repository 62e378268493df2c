/**
 * The Node side of importing a newer version of an article (issue #14): the read text added as the next
 * version of `versionOf` in the article's own queue (shared/versions/addVersion.ts decides), or, for an
 * import with no target, the article of the desk it looks like a version of (asked, nothing stored).
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type ImportResult, type VersionCandidate } from '../../shared/api';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { countWords, docPlainText } from '../../shared/doc/plainText';
import type { ArticleMeta, ImportOrigin, RemovedText } from '../../shared/schema/article';
import type { DocNodeJson } from '../../shared/schema/doc';
import { summarizeVersions } from '../../shared/versions/firstVersion';
import { addVersion, type IncomingVersion } from '../../shared/versions/addVersion';
import { searchable } from '../../shared/library/fold';
import { versionMatch, type ExistingArticle } from '../../shared/versions/similarity';
import type { Store } from '../store/store';
import { summarize } from '../store/summarize';
import { textHash } from '../store/versionHash';

export type ReadText = { doc: DocNodeJson; meta: ArticleMeta; removed: RemovedText[] };

/** The read text with its plain text, hash and word count. */
export function incomingVersion(read: ReadText, origin: ImportOrigin): IncomingVersion {
  const checked = checkArticleDoc(read.doc);
  if (!checked.ok) throw new ApiError('bad_file', checked.message);
  const text = docPlainText(checked.doc);
  return { doc: read.doc, meta: read.meta, removed: read.removed, origin, text, hash: textHash(text), wordCount: countWords(text) };
}

/**
 * Adds `read` as the next version of article `id`. 'identical' writes nothing; a different article or
 * one with MAX_VERSIONS versions is refused with an ApiError ('not_a_version', 'invalid_request') and
 * nothing written.
 */
export function importAsVersion(store: Store, id: string, incoming: IncomingVersion, stamp: { at: string; who: string }): Promise<ImportResult> {
  return store.updateArticle<ImportResult>(id, (current) => {
    if (!current) throw new ApiError('not_found', `There is no article with id ${id} in this desk to add a version to.`);
    const checked = checkArticleDoc(current.doc);
    if (!checked.ok) throw new ApiError('store_error', `“${current.meta.title || id}” cannot take a new version: ${checked.message}`);
    const added = addVersion(current, docPlainText(checked.doc), incoming, { ...stamp, newId: randomUUID });
    if (added.outcome === 'identical') return { next: null, result: { outcome: 'identical', article: summarize(current), removed: incoming.removed, message: added.message } };
    if (added.outcome === 'refused') throw new ApiError(added.reason === 'different_article' ? 'not_a_version' : 'invalid_request', added.message);
    const [version] = summarizeVersions([added.version]);
    return { next: added.article, result: { outcome: 'version', article: summarize(added.article), removed: incoming.removed, version: version! } };
  });
}

/**
 * The article of the desk `incoming` looks like a version of (shared/versions/similarity.ts versionMatch),
 * from what the store keeps in memory for search (current texts and addresses; no file is read); null for
 * none. Damaged articles are left out.
 */
export async function versionCandidateFor(store: Store, incoming: IncomingVersion): Promise<VersionCandidate | null> {
  await store.searchReady();
  const corpus = store.searchCorpus();
  const summaries = new Map(store.listArticles().filter((s) => s.damaged === undefined).map((s) => [s.id, s]));
  const existing: ExistingArticle[] = [];
  for (const summary of summaries.values()) {
    const entry = corpus.entry(summary.id);
    if (entry) existing.push({ id: summary.id, meta: { url: entry.url, title: summary.title, publisher: summary.publisher }, text: entry.text });
  }
  // The corpus holds texts in their searchable (NFC) form: the new text is compared in the same.
  const match = versionMatch({ meta: incoming.meta, text: searchable(incoming.text) }, existing);
  const article = match && summaries.get(match.id);
  if (!match || !article) return null;
  const why = match.reason.split(',')[0]!;
  const reason = match.identical ? `${why}, the same text` : `${why}, ${Math.round(match.similarity * 100)} % of the text in common`;
  return { article, similarity: match.similarity, reason };
}
