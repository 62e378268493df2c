import { z } from 'zod';
import { DocNodeJson } from './doc';
import { IsoDate, SafeUrl } from './common';
import { Claim } from './claim';
import { AuditEvent } from './audit';
import { ArticleMeta, ImportOrigin, RemovedText } from './articleMeta';
import { ArticleDetection } from './detection';
import { ArticleVersion, MAX_VERSIONS, VersionSummary } from './version';
import { Exchange } from './exchange';

export { IsoDate, SafeUrl };

export const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{5,63}$/;
export const ARTICLE_ID_RULE = 'An article id is 6-64 lowercase letters, digits or dashes.';
export const ArticleId = z.string().regex(ARTICLE_ID_PATTERN, ARTICLE_ID_RULE);
export type ArticleId = z.infer<typeof ArticleId>;

export { ArticleMeta, EditableMeta, ImportOrigin, Language, RemovedText } from './articleMeta';

export const ArticleRecord = z.object({
  id: ArticleId,
  meta: ArticleMeta,
  origin: ImportOrigin,
  importedAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  /** Bumped on every saved change; a save names the revision it was based on. */
  revision: z.number().int().nonnegative(),
  /** The text; claims are stored apart, as selectors over its plain text. */
  doc: DocNodeJson,
  removedOnImport: z.array(RemovedText),
  claims: z.array(Claim),
  audit: z.array(AuditEvent),
  /** Review handoffs: common history with teammates, merged bundles, conflicts waiting for a choice. */
  exchange: Exchange,
  /** Every version the desk imported, oldest first; the last is the one `doc` was started from (shared/schema/version.ts). */
  versions: z.array(ArticleVersion).min(1).max(MAX_VERSIONS),
  /** Rejected proposals, remembered so they are not proposed again (shared/schema/detection.ts). */
  detection: ArticleDetection,
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** What the editor opens: the article without its (possibly long) audit trail. */
export const ArticleForEditing = ArticleRecord.omit({ audit: true, exchange: true, versions: true }).extend({
  /** The version list without the texts; an old version's text is fetched by number (getVersion). */
  versions: z.array(VersionSummary).min(1),
});
export type ArticleForEditing = z.infer<typeof ArticleForEditing>;

/** One line of the library: enough to list and sort without opening the article file. */
export const ArticleSummary = z.object({
  id: ArticleId,
  title: z.string(),
  publisher: z.string(),
  publishedAt: z.string(),
  importedAt: z.string().datetime(),
  wordCount: z.number().int().nonnegative(),
  claimCount: z.number().int().nonnegative(),
  doneCount: z.number().int().nonnegative(),
  /** Why the article cannot be opened (its file and backup are unreadable); absent when it is fine. */
  damaged: z.string().optional(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
