import { z } from 'zod';
import { DocNodeJson } from './doc';
import { IsoDate, SafeUrl } from './common';
import { Claim } from './claim';
import { AuditEvent } from './audit';
import { Exchange } from './exchange';

export { IsoDate, SafeUrl };

export const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{5,63}$/;
export const ARTICLE_ID_RULE = 'An article id is 6-64 lowercase letters, digits or dashes.';
export const ArticleId = z.string().regex(ARTICLE_ID_PATTERN, ARTICLE_ID_RULE);
export type ArticleId = z.infer<typeof ArticleId>;

const optionalText = (max: number) => z.string().trim().max(max);

export const Language = z
  .string()
  .trim()
  .max(35)
  .refine((s) => s === '' || /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(s), 'Use a language tag like en or pt-BR');

export const ArticleMeta = z.object({
  title: optionalText(500),
  publisher: optionalText(200),
  byline: optionalText(300),
  publishedAt: IsoDate,
  /** When the publisher last changed it, as the page says (a saved page's article:modified_time, dateModified). */
  modifiedAt: IsoDate,
  url: SafeUrl,
  /** The article's language as a BCP 47 tag ("en", "pt-BR"), as the page declares it; '' when unknown. */
  language: Language,
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/** The part of the article metadata a person edits in the article header (the title is edited in the text). */
export const EditableMeta = ArticleMeta.omit({ title: true }).partial();
export type EditableMeta = z.infer<typeof EditableMeta>;

export const ImportOrigin = z.object({
  kind: z.enum(['file', 'paste', 'sample']),
  fileName: z.string().max(255).optional(),
});
export type ImportOrigin = z.infer<typeof ImportOrigin>;

/** What the importer took out of the text, shown to the user so nothing disappears unexplained. */
export const RemovedText = z.object({
  text: z.string(),
  reason: z.string(),
});
export type RemovedText = z.infer<typeof RemovedText>;

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
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** What the editor opens: the article without its (possibly long) audit trail. */
export const ArticleForEditing = ArticleRecord.omit({ audit: true, exchange: true });
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
