/** An article's metadata, where it came from, and what its import took out: shared by the article and each of its versions. */
import { z } from 'zod';
import { IsoDate, SafeUrl } from './common';

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
