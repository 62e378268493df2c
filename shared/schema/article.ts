import { z } from 'zod';
import { DocNodeJson } from './doc';

export const ArticleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{5,63}$/, 'An article id is 6-64 lowercase letters, digits or dashes.');
export type ArticleId = z.infer<typeof ArticleId>;

const optionalText = (max: number) => z.string().trim().max(max);

/** Only web and mail links are ever stored or rendered as links. */
export const SafeUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'Enter a web address starting with http:// or https://');

/** A calendar date as the publisher gives it, kept as ISO yyyy-mm-dd when known. */
export const IsoDate = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))), 'Use a date like 2024-12-26');

export const ArticleMeta = z.object({
  title: optionalText(500),
  publisher: optionalText(200),
  byline: optionalText(300),
  publishedAt: IsoDate,
  url: SafeUrl,
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
  doc: DocNodeJson,
  removedOnImport: z.array(RemovedText),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** One line of the library: enough to list and sort without opening the article file. */
export const ArticleSummary = z.object({
  id: ArticleId,
  title: z.string(),
  publisher: z.string(),
  publishedAt: z.string(),
  importedAt: z.string().datetime(),
  wordCount: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
