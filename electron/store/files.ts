/** The zod shapes of the store's files on disk. Each records the store schema version it was written with. */
import { z } from 'zod';
import { ArticleRecord, ArticleSummary } from '../../shared/schema/article';
import { DeskState } from '../../shared/schema/desk';

const Version = z.number().int().positive();

export const DeskFile = z.object({ schemaVersion: Version, desk: DeskState });
export type DeskFile = z.infer<typeof DeskFile>;

export const IndexFile = z.object({ schemaVersion: Version, articles: z.array(ArticleSummary) });
export type IndexFile = z.infer<typeof IndexFile>;

export const ArticleFile = z.object({ schemaVersion: Version, article: ArticleRecord });
export type ArticleFile = z.infer<typeof ArticleFile>;
