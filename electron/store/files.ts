/** The zod shapes of the store's files on disk. Each records the store schema version it was written with. */
import { z } from 'zod';
import { ArticleRecord, ArticleSummary } from '../../shared/schema/article';
import { DeskState } from '../../shared/schema/desk';

const Version = z.number().int().positive();

export const DeskFile = z.object({ schemaVersion: Version, desk: DeskState });
export type DeskFile = z.infer<typeof DeskFile>;

/** When the index last saw an article file: a file whose stamp differs is read again at start. */
export const FileStamp = z.object({ mtimeMs: z.number().nonnegative(), size: z.number().int().nonnegative() });
export type FileStamp = z.infer<typeof FileStamp>;

export const IndexFile = z.object({
  schemaVersion: Version,
  articles: z.array(ArticleSummary),
  // Older indexes have no stamps: every article is read once at the first start, then stamped.
  files: z.record(z.string(), FileStamp).default({}),
});
export type IndexFile = z.infer<typeof IndexFile>;

export const ArticleFile = z.object({ schemaVersion: Version, article: ArticleRecord });
export type ArticleFile = z.infer<typeof ArticleFile>;
