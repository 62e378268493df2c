/**
 * Every version's text against its hash, the key two desks' versions are merged by: what a review bundle
 * and a full JSON export are checked with before anything is stored. `sha256` is the caller's (Web Crypto
 * in a bundle, node:crypto in the store); the plain text is docPlainText of the checked document.
 */
import { checkArticleDoc } from '../doc/checkDoc';
import { docPlainText } from '../doc/plainText';
import type { ArticleVersion } from '../schema/version';

/** Null when every version is sound; else what is wrong with the first one that is not, as a sentence's subject onwards ("version 2 (imported 2026-11-28) does not match its hash"). */
export async function versionProblem(versions: readonly ArticleVersion[], sha256: (text: string) => string | Promise<string>): Promise<string | null> {
  for (const v of versions) {
    const doc = checkArticleDoc(v.doc);
    if (!doc.ok) return `version ${v.number} is damaged: ${doc.message}`;
    if ((await sha256(docPlainText(doc.doc))) !== v.hash) return `version ${v.number} (imported ${v.importedAt.slice(0, 10)}) does not match its hash`;
  }
  return null;
}
