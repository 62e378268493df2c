/** The version list's first entry and the summaries the editor gets: how every article starts its versions. */
import type { ArticleRecord } from '../schema/article';
import type { ArticleVersion, VersionSummary } from '../schema/version';

export type VersionSource = Pick<ArticleRecord, 'meta' | 'origin' | 'importedAt' | 'doc' | 'removedOnImport'>;

/** Version 1 of an article as imported; `hash` is the SHA-256 of its plain text, `wordCount` its words. */
export function firstVersion(article: VersionSource, importedBy: string, hash: string, wordCount: number): ArticleVersion {
  return {
    number: 1,
    hash,
    wordCount,
    importedAt: article.importedAt,
    importedBy,
    origin: article.origin,
    meta: article.meta,
    doc: article.doc,
    removedOnImport: article.removedOnImport,
    carried: [],
  };
}

export function summarizeVersions(versions: readonly ArticleVersion[]): VersionSummary[] {
  return versions.map(({ doc: _doc, removedOnImport: _removed, ...summary }) => summary);
}
