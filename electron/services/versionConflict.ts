/**
 * A version conflict from a merged bundle decided (shared/merge/mergeVersions.ts): 'ours' closes it, the
 * text stays; 'theirs' makes their version current here, as an import of it would: the claims carried
 * from the desk's text onto it, the version stated again as the newest with how each claim came over.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { docPlainText } from '../../shared/doc/plainText';
import type { ArticleRecord } from '../../shared/schema/article';
import type { AuditEvent } from '../../shared/schema/audit';
import type { StoredConflict } from '../../shared/schema/exchange';
import { Sha256Hex } from '../../shared/schema/version';
import { ARTICLE_CONFLICT_CLAIM_ID, VERSION_CONFLICT_FIELD } from '../../shared/merge/mergeVersions';
import { addVersion } from '../../shared/versions/addVersion';
import { makeResolver, selectorsFor } from '../../shared/anchor/selectors';
import { diffClaims } from '../../shared/audit/diffClaims';
import type { Claim } from '../../shared/schema/claim';
import { plainTextOf } from '../store/versionHash';

export const isVersionConflict = (c: Pick<StoredConflict, 'claimId' | 'field'>): boolean => c.claimId === ARTICLE_CONFLICT_CLAIM_ID && c.field === VERSION_CONFLICT_FIELD;

export function decideVersionConflict(article: ArticleRecord, conflict: StoredConflict, choice: 'ours' | 'theirs', stamp: { at: string; who: string }): ArticleRecord {
  const open = article.exchange.conflicts.filter((c) => !isVersionConflict(c));
  const event: AuditEvent = { id: randomUUID(), at: stamp.at, who: stamp.who, action: 'conflict_resolved', field: VERSION_CONFLICT_FIELD, old: conflict.ours, new: choice === 'ours' ? conflict.ours : conflict.theirs };
  const decided = (a: ArticleRecord): ArticleRecord => ({ ...a, exchange: { ...a.exchange, conflicts: open }, revision: article.revision + 1, updatedAt: stamp.at });
  if (choice === 'ours') return decided({ ...article, audit: [...article.audit, event] });
  const hash = Sha256Hex.safeParse((conflict.theirs as { hash?: unknown } | null)?.hash);
  const theirs = hash.success ? [...article.versions].reverse().find((v) => v.hash === hash.data) : undefined;
  if (!theirs) throw new ApiError('invalid_request', 'That choice cannot be applied: the version it names is not in this article.');
  const text = plainTextOf(theirs.doc);
  const current = checkArticleDoc(article.doc);
  if (text === null || !current.ok) throw new ApiError('store_error', 'That choice cannot be applied: a version’s text does not fit the article schema.');
  const added = addVersion(
    { ...article, audit: [...article.audit, event] },
    docPlainText(current.doc),
    { doc: theirs.doc, meta: theirs.meta, removed: theirs.removedOnImport, origin: theirs.origin, text, hash: theirs.hash, wordCount: theirs.wordCount },
    { ...stamp, newId: randomUUID },
    { chosen: true },
  );
  if (added.outcome === 'refused') throw new ApiError('invalid_request', `That choice cannot be applied: ${added.message}`);
  // The same text as the current version already: only the conflict closes.
  if (added.outcome === 'identical') return decided({ ...article, audit: [...article.audit, event] });
  // Claims the merge orphaned because their words were only in their text (or any claim whose words it
  // has again) are put back on those words, each audited as restored.
  const resolve = makeResolver(text);
  const claims = added.article.claims.map((c): Claim => {
    if (!c.target.orphaned) return c;
    const at = resolve(c.target);
    return at ? { ...c, target: { ...selectorsFor(text, at.start, at.end), orphaned: false } } : c;
  });
  const restored = diffClaims(added.article.claims, claims, { ...stamp, newId: randomUUID });
  return decided({ ...added.article, claims, audit: [...added.article.audit, ...restored] });
}
