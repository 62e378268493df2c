/**
 * A publisher's newer text of an article the desk has, added as its next version (issue #14). Pure: the
 * caller reads the file, hashes the text and writes the record (in the article's own queue).
 *
 * 1. The same text as the version the desk last imported (same hash): nothing changes, and the answer
 *    says so. The desk's own corrections since (edit_text) stay; a re-import never undoes them.
 * 2. Too little text in common with the article as the desk has it: a different article, refused (the
 *    caller offers to import it as a new article instead); unless `chosen` (a person picked it).
 * 3. More versions than MAX_VERSIONS: refused.
 * 4. Otherwise the claims are carried from the desk's text (the current version with its corrections)
 *    to the new text, the version is appended with how each claim came over, and the article takes the
 *    new text. Metadata: each field the new version gives replaces the article's; a field it leaves
 *    empty (a paste has no address, a page may have no byline) keeps the article's, which may be the
 *    desk's own edit. Audit: one version_added event with the counts, one claim_orphaned per claim gone.
 */
import { diffClaims } from '../audit/diffClaims';
import type { ArticleMeta, ArticleRecord, ImportOrigin, RemovedText } from '../schema/article';
import type { AuditEvent } from '../schema/audit';
import type { DocNodeJson } from '../schema/doc';
import { MAX_VERSIONS, type ArticleVersion, type CarriedClaim, type CarryOutcome } from '../schema/version';
import { carryClaims } from './carryClaims';
import { DIFFERENT_ARTICLE_SIMILARITY, textSimilarity } from './similarity';

/** The new text as read and checked: its document, metadata, what the import took out, its plain text with hash and word count. */
export type IncomingVersion = {
  doc: DocNodeJson;
  meta: ArticleMeta;
  removed: RemovedText[];
  origin: ImportOrigin;
  text: string;
  hash: string;
  wordCount: number;
};

export type VersionStamp = { at: string; who: string; newId: () => string };

export type CarryCounts = Record<CarryOutcome, number>;

/** What version_added records (its `new`), so the history and reports can say what the import did. */
export type VersionAddedDetail = { number: number; hash: string; from: string } & CarryCounts;

export type AddVersionResult =
  | { outcome: 'identical'; message: string }
  | { outcome: 'refused'; reason: 'different_article' | 'too_many'; message: string; overlap: number }
  | { outcome: 'version'; article: ArticleRecord; version: ArticleVersion; events: AuditEvent[] };

const quoted = (article: ArticleRecord) => `“${article.meta.title || article.id}”`;

export function carryCounts(carried: readonly CarriedClaim[]): CarryCounts {
  const counts: CarryCounts = { unchanged: 0, moved: 0, changed: 0, gone: 0 };
  for (const c of carried) counts[c.outcome]++;
  return counts;
}

/** Each field the new version gives, else the article's (see the header). */
export function metaForVersion(current: ArticleMeta, incoming: ArticleMeta): ArticleMeta {
  const out = { ...current };
  for (const key of Object.keys(incoming) as (keyof ArticleMeta)[]) if (incoming[key] !== '') out[key] = incoming[key];
  return out;
}

/**
 * `currentText`: the plain text of the article's `doc` as the desk has it. `article.versions` is never
 * empty (the schema says so); its last entry is the publisher's text the desk started from.
 */
export function addVersion(article: ArticleRecord, currentText: string, incoming: IncomingVersion, stamp: VersionStamp, opts: { chosen?: boolean } = {}): AddVersionResult {
  const last = article.versions[article.versions.length - 1]!;
  // 1.
  if (incoming.hash === last.hash) {
    const corrected = currentText !== incoming.text ? ' (the desk’s own corrections since are kept)' : '';
    return { outcome: 'identical', message: `This is the same text as version ${last.number} of ${quoted(article)}; nothing changed${corrected}.` };
  }
  // 2.
  const overlap = textSimilarity(currentText, incoming.text);
  // A version a person chose (a merge conflict decided for theirs) is not second-guessed.
  if (overlap < DIFFERENT_ARTICLE_SIMILARITY && !opts.chosen) {
    return {
      outcome: 'refused',
      reason: 'different_article',
      overlap,
      message: `This does not look like a version of ${quoted(article)}: only ${Math.round(overlap * 100)} % of its text is in common with it. Nothing was changed; import it as a new article instead.`,
    };
  }
  // 3.
  if (article.versions.length >= MAX_VERSIONS) {
    return { outcome: 'refused', reason: 'too_many', overlap, message: `${quoted(article)} already has ${article.versions.length} versions, the most one article keeps (${MAX_VERSIONS}). Nothing was changed.` };
  }
  // 4.
  const { claims, carried } = carryClaims(currentText, incoming.text, article.claims);
  const version: ArticleVersion = {
    number: Math.max(...article.versions.map((v) => v.number)) + 1,
    hash: incoming.hash,
    wordCount: incoming.wordCount,
    importedAt: stamp.at,
    importedBy: stamp.who,
    origin: incoming.origin,
    meta: incoming.meta,
    doc: incoming.doc,
    removedOnImport: incoming.removed,
    carried,
  };
  const detail: VersionAddedDetail = { number: version.number, hash: version.hash, from: incoming.origin.fileName ?? incoming.origin.kind, ...carryCounts(carried) };
  const events: AuditEvent[] = [
    { id: stamp.newId(), at: stamp.at, who: stamp.who, action: 'version_added', new: detail },
    // Only claim_orphaned can come of it: the carry moves targets and never touches a claim's data.
    ...diffClaims(article.claims, claims, stamp),
  ];
  const next: ArticleRecord = {
    ...article,
    doc: incoming.doc,
    meta: metaForVersion(article.meta, incoming.meta),
    removedOnImport: incoming.removed,
    claims,
    versions: [...article.versions, version],
    audit: [...article.audit, ...events],
    revision: article.revision + 1,
    updatedAt: stamp.at,
  };
  return { outcome: 'version', article: next, version, events };
}
