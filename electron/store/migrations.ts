/**
 * Store schema versions. Every file carries `schemaVersion`; older files are brought up to date here on
 * read, newer ones are refused (see StoreTooNewError) so an old Claimdesk never damages a newer store.
 *
 *   1  articles, index, desk (first release)
 *   2  claims and audit trail in each article; claim counts in the index; rating scale, desk name and
 *      source directory in the desk file
 *   3  review handoff state in each article (exchange: common history, merged bundles, conflicts);
 *      second review (request and sign-off) in each claim's verification
 *   4  modified date and language in each article's metadata (saved-page import)
 *   5  comment replies and edits (optional replyTo and editedAt) and their audit actions (comment_replied,
 *      comment_edited). Nothing to rewrite: the bump is there so a Claimdesk that reads only up to 4
 *      refuses such a store untouched instead of quarantining articles whose audit it cannot parse.
 *   6  article versions (each article's text as imported becomes its version 1, hashed) and detection
 *      (rejected proposals, none yet); claims may carry the proposal they came from
 */
import { DEFAULT_RATING_SCALE } from '../../shared/schema/claim';
import type { ArticleMeta, ImportOrigin, RemovedText } from '../../shared/schema/article';
import type { DocNodeJson } from '../../shared/schema/doc';
import { initialVersion } from './versionHash';

export const CURRENT_SCHEMA_VERSION = 6;

export type FileKind = 'desk' | 'index' | 'article';

type Json = Record<string, unknown>;
type Migration = (json: Json) => Json;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

function withSecondReview(claim: unknown): unknown {
  const c = obj(claim);
  const data = obj(c.data);
  return { ...c, data: { ...data, verification: { secondReview: null, ...obj(data.verification) } } };
}

/**
 * Version 1 of an article stored before versions existed: its text as it is now (the desk's corrections
 * included, as the imported text was not kept apart), imported by whoever the audit says imported it.
 * Null when the document does not fit the schema: the file then fails to load and is handled as damaged.
 */
function firstVersionOf(article: Json): unknown {
  const doc = article.doc as DocNodeJson;
  const importedBy = Array.isArray(article.audit) ? obj(article.audit.find((e) => obj(e).action === 'import')).who : undefined;
  try {
    return initialVersion(
      { meta: article.meta as ArticleMeta, origin: article.origin as ImportOrigin, importedAt: String(article.importedAt), doc, removedOnImport: (article.removedOnImport ?? []) as RemovedText[] },
      typeof importedBy === 'string' && importedBy !== '' ? importedBy : 'Unnamed reviewer',
    );
  } catch {
    return null;
  }
}

/** migrations[kind][n] turns version n into n + 1. */
const migrations: Record<FileKind, Record<number, Migration>> = {
  article: {
    1: (f) => ({ ...f, article: { claims: [], audit: [], ...obj(f.article) } }),
    2: (f) => {
      const article = obj(f.article);
      const claims = Array.isArray(article.claims) ? article.claims.map(withSecondReview) : article.claims;
      return { ...f, article: { exchange: { base: null, mergedBundles: [], conflicts: [], agreements: [] }, ...article, claims } };
    },
    3: (f) => {
      const article = obj(f.article);
      return { ...f, article: { ...article, meta: { modifiedAt: '', language: '', ...obj(article.meta) } } };
    },
    4: (f) => f,
    5: (f) => {
      const article = obj(f.article);
      const version = Array.isArray(article.versions) ? null : firstVersionOf(article);
      return { ...f, article: { detection: { rejected: [], lastRunAt: null }, ...article, ...(version ? { versions: [version] } : {}) } };
    },
  },
  index: {
    5: (f) => f,
    4: (f) => f,
    3: (f) => f,
    2: (f) => f,
    1: (f) => ({ ...f, articles: Array.isArray(f.articles) ? f.articles.map((a) => ({ claimCount: 0, doneCount: 0, ...obj(a) })) : f.articles }),
  },
  desk: {
    5: (f) => f,
    4: (f) => f,
    3: (f) => f,
    2: (f) => f,
    1: (f) => {
      const desk = obj(f.desk);
      return {
        ...f,
        desk: { sources: [], ...desk, settings: { deskName: '', ratingScale: [...DEFAULT_RATING_SCALE], ...obj(desk.settings) } },
      };
    },
  },
};

export function migrate(kind: FileKind, json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  let current = json as Json;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : CURRENT_SCHEMA_VERSION;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[kind][version];
    if (!step) break;
    current = { ...step(current), schemaVersion: version + 1 };
    version += 1;
  }
  return current;
}
