/** The hash and word count of a version's plain text, computed synchronously (migrations and imports need them in place). */
import { createHash } from 'node:crypto';
import { checkArticleDoc } from '../../shared/doc/checkDoc';
import { countWords, docPlainText } from '../../shared/doc/plainText';
import type { DocNodeJson } from '../../shared/schema/doc';
import type { ArticleVersion } from '../../shared/schema/version';
import { firstVersion, type VersionSource } from '../../shared/versions/firstVersion';

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The plain text of a stored document, or null when it does not fit the article schema. */
export function plainTextOf(doc: DocNodeJson): string | null {
  const checked = checkArticleDoc(doc);
  return checked.ok ? docPlainText(checked.doc) : null;
}

/** Version 1 of an article from its imported text; null when the document does not fit the schema. */
export function initialVersion(article: VersionSource, importedBy: string): ArticleVersion | null {
  const text = plainTextOf(article.doc);
  return text === null ? null : firstVersion(article, importedBy, textHash(text), countWords(text));
}
