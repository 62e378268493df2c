/**
 * The full machine export of one article, and reading it back: everything the store holds for the
 * article (text, metadata, claims with their comments, audit trail) plus the desk's directory entries
 * for the sources its claims name, in a versioned envelope:
 *
 *   { format: 'claimdesk-article', schemaVersion, exportedAt, app, article, sources }
 *
 * `schemaVersion` is the store's (electron/store/migrations.ts CURRENT_SCHEMA_VERSION), passed in by
 * the caller since shared code does not import the store. The envelope has the same `schemaVersion`
 * and `article` keys as a stored article file, so an older export can be brought up to date with the
 * store's own migrations: pass `(json) => migrate('article', json)` as `options.migrate`.
 *
 * The article carries every version of its text (issue #14); an export from before versions gets its
 * text as version 1 from the store's migration.
 *
 * Reading refuses, with a message meant for the person who picked the file: text that is not JSON, JSON
 * nested too deeply to check (checkJsonDepth), JSON that is not a Claimdesk article export, an export
 * from a newer Claimdesk, and an article or source entry that fails the schema (the first problem, with
 * its path), including a document, the current one or a version's, that does not fit the article schema
 * (checkArticleDoc).
 */
import { z } from 'zod';
import { firstIssue } from '../schema/firstIssue';
import { checkArticleDoc } from '../doc/checkDoc';
import { ArticleRecord } from '../schema/article';
import { SourceEntry } from '../schema/desk';
import { findSource } from '../sources/directory';
import { MAX_JSON_DEPTH } from '../limits';
import { checkJsonDepth } from '../schema/jsonDepth';

export const ARTICLE_EXPORT_FORMAT = 'claimdesk-article';

export type ArticleExportContext = {
  generatedAt: string;
  /** Who wrote the file, e.g. "Claimdesk 0.1.0". */
  app: string;
  schemaVersion: number;
  /** The desk's source directory; only the entries named by the article's claims are exported. */
  sources?: readonly SourceEntry[];
};

/** The directory entries for the sources the claims name (by name or alias), each once, in directory order. */
export function sourcesNamedIn(article: ArticleRecord, directory: readonly SourceEntry[]): SourceEntry[] {
  const ids = new Set<string>();
  for (const claim of article.claims) {
    const entry = findSource(directory, claim.data.attribution.sourceName);
    if (entry) ids.add(entry.id);
  }
  return directory.filter((s) => ids.has(s.id));
}

export function exportArticleJson(article: ArticleRecord, ctx: ArticleExportContext): string {
  const envelope = {
    format: ARTICLE_EXPORT_FORMAT,
    schemaVersion: ctx.schemaVersion,
    exportedAt: ctx.generatedAt,
    app: ctx.app,
    article,
    sources: sourcesNamedIn(article, ctx.sources ?? []),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export type ParsedArticle = { ok: true; article: ArticleRecord; sources: SourceEntry[] } | { ok: false; message: string };
export type ParseArticleOptions = {
  /** Brings an export of an older schema version up to date (the store's article migration). */
  migrate?: (json: Record<string, unknown>) => unknown;
};

const Envelope = z.object({
  format: z.literal(ARTICLE_EXPORT_FORMAT),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().optional(),
  app: z.string().optional(),
  article: ArticleRecord,
  sources: z.array(SourceEntry).default([]),
});

const NOT_AN_EXPORT = 'This file is not a Claimdesk article export.';


export function parseArticleJson(text: string, supportedVersion: number, options: ParseArticleOptions = {}): ParsedArticle {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: `${NOT_AN_EXPORT} It is not valid JSON.` };
  }
  const depth = checkJsonDepth(json, MAX_JSON_DEPTH);
  if (!depth.ok) return { ok: false, message: `${NOT_AN_EXPORT} It is ${depth.message}.` };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: `${NOT_AN_EXPORT} It does not hold a JSON object.` };
  let record = json as Record<string, unknown>;
  if (record.format !== ARTICLE_EXPORT_FORMAT) {
    const format = typeof record.format === 'string' ? ` (its format is “${record.format.slice(0, 60)}”)` : '';
    return { ok: false, message: `${NOT_AN_EXPORT}${format}` };
  }
  const version = record.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'This article export has no valid schema version.' };
  }
  if (version > supportedVersion) {
    return { ok: false, message: `This article was made by a newer version of Claimdesk (schema ${version}; this version reads up to ${supportedVersion}). Update Claimdesk to open it.` };
  }
  if (version < supportedVersion && options.migrate) {
    const migrated = options.migrate(record);
    if (typeof migrated !== 'object' || migrated === null || Array.isArray(migrated)) return { ok: false, message: 'This article export could not be brought up to date.' };
    record = migrated as Record<string, unknown>;
  }
  const parsed = Envelope.safeParse(record);
  if (!parsed.success) return { ok: false, message: `This article export is damaged or incomplete: ${firstIssue(parsed.error)}` };
  const doc = checkArticleDoc(parsed.data.article.doc);
  if (!doc.ok) return { ok: false, message: `This article export is damaged: ${doc.message}` };
  // Every version opens in the editor (read-only) and is diffed: each must fit the schema as the current text does.
  for (const version of parsed.data.article.versions) {
    const checked = checkArticleDoc(version.doc);
    if (!checked.ok) return { ok: false, message: `This article export is damaged: version ${version.number}: ${checked.message}` };
  }
  return { ok: true, article: parsed.data.article, sources: parsed.data.sources };
}
