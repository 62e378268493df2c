/**
 * The review bundle: one file (`.claimdesk-review`) that carries an article and its whole review to a
 * teammate: text, claims with comments and evidence, the sources they name, the audit trail, who
 * reviewed it, and the claims as they were when the two desks last exchanged the article (`base`, the
 * common history a three-way merge needs). A SHA-256 of the article's plain text lets the receiver
 * check the claims' selectors were taken over exactly that text.
 *
 * Reading is strict and explains every refusal to the person who opened the file: too large, not JSON,
 * nested too deeply to check, not a bundle, made by a newer Claimdesk, fields missing or wrong (first
 * problem with its path), a document that does not fit the article schema, a text hash that does not
 * match, a version whose text does not match its hash, claims whose quotes are not in the text. Nothing is written by this module; the caller changes the store only on success.
 */
import { firstIssue } from '../schema/firstIssue';
import { z } from 'zod';
import { checkArticleDoc } from '../doc/checkDoc';
import { docPlainText } from '../doc/plainText';
import { checkClaims } from '../claims/checkClaims';
import { versionProblem } from '../versions/checkVersions';
import { formatBytes, MAX_JSON_DEPTH } from '../limits';
import { checkJsonDepth } from '../schema/jsonDepth';
import { ArticleRecord } from '../schema/article';
import { Claim } from '../schema/claim';
import { SourceEntry } from '../schema/desk';

export const BUNDLE_FORMAT = 'claimdesk-review-bundle';
export const BUNDLE_EXTENSION = '.claimdesk-review';
/** The bundle envelope's own version (the article inside carries the store's schemaVersion). */
export const BUNDLE_VERSION = 1;
export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

export const ReviewBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  bundleVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  bundleId: z.string().min(6).max(64),
  createdAt: z.string().datetime(),
  createdBy: z.string().min(1).max(120),
  app: z.string().max(100),
  article: ArticleRecord,
  sources: z.array(SourceEntry),
  reviewers: z.array(z.string().min(1).max(120)),
  /** Hex SHA-256 of the article's plain text (docPlainText). */
  textHash: z.string().regex(/^[0-9a-f]{64}$/, 'textHash must be a SHA-256 in hex'),
  /** The claims as last exchanged between the desks; null when this article was never exchanged. */
  base: z.array(Claim).nullable(),
});
export type ReviewBundle = z.infer<typeof ReviewBundle>;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type BundleInput = Omit<ReviewBundle, 'format' | 'bundleVersion' | 'textHash' | 'reviewers'>;

/** Everyone whose name is on the review: claim authors and editors, commenters, audit entries. */
export function reviewersOf(article: ArticleRecord): string[] {
  const names = new Set<string>();
  for (const c of article.claims) {
    names.add(c.data.createdBy);
    names.add(c.data.updatedBy);
    for (const comment of c.data.comments) names.add(comment.author);
  }
  for (const e of article.audit) names.add(e.who);
  names.delete('');
  return [...names].sort((a, b) => a.localeCompare(b));
}

export async function createBundle(input: BundleInput): Promise<string> {
  const checked = checkArticleDoc(input.article.doc);
  if (!checked.ok) throw new Error(checked.message);
  const bundle: ReviewBundle = {
    format: BUNDLE_FORMAT,
    bundleVersion: BUNDLE_VERSION,
    ...input,
    reviewers: reviewersOf(input.article),
    textHash: await sha256Hex(docPlainText(checked.doc)),
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export type ParsedBundle = { ok: true; bundle: ReviewBundle } | { ok: false; message: string };

const NOT_A_BUNDLE = 'This file is not a Claimdesk review bundle.';


/**
 * Reads and checks a bundle. `schemaVersion` is the newest store schema this Claimdesk reads; an older
 * article inside is brought up to date by `migrate` (the store's article migration).
 */
export async function parseBundle(
  bytes: Uint8Array,
  opts: { schemaVersion: number; scale: readonly string[]; migrate?: (json: Record<string, unknown>) => unknown },
): Promise<ParsedBundle> {
  if (bytes.length > MAX_BUNDLE_BYTES) {
    return { ok: false, message: `The bundle is ${formatBytes(bytes.length)}; Claimdesk opens review bundles up to ${formatBytes(MAX_BUNDLE_BYTES)}.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: `${NOT_A_BUNDLE} It is not valid JSON text.` };
  }
  const depth = checkJsonDepth(json, MAX_JSON_DEPTH);
  if (!depth.ok) return { ok: false, message: `${NOT_A_BUNDLE} It is ${depth.message}.` };
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BUNDLE_FORMAT) {
    return { ok: false, message: `${NOT_A_BUNDLE} It does not say it is one (format "${BUNDLE_FORMAT}").` };
  }
  const envelope = json as Record<string, unknown>;
  const bundleVersion = envelope.bundleVersion;
  const schemaVersion = envelope.schemaVersion;
  if ((typeof bundleVersion === 'number' && bundleVersion > BUNDLE_VERSION) || (typeof schemaVersion === 'number' && schemaVersion > opts.schemaVersion)) {
    return {
      ok: false,
      message: `This review bundle was made by a newer version of Claimdesk (bundle ${String(bundleVersion)}, schema ${String(schemaVersion)}; this version reads up to bundle ${BUNDLE_VERSION}, schema ${opts.schemaVersion}). Update Claimdesk to open it.`,
    };
  }
  const article =
    opts.migrate && typeof envelope.article === 'object' && envelope.article !== null
      ? (opts.migrate({ schemaVersion, article: envelope.article }) as { article?: unknown }).article
      : envelope.article;
  const parsed = ReviewBundle.safeParse({ ...envelope, article, schemaVersion: opts.schemaVersion });
  if (!parsed.success) return { ok: false, message: `${NOT_A_BUNDLE} ${firstIssue(parsed.error)}.` };
  const bundle = parsed.data;
  const checked = checkArticleDoc(bundle.article.doc);
  if (!checked.ok) return { ok: false, message: `The article in this bundle is damaged: ${checked.message}` };
  const text = docPlainText(checked.doc);
  if ((await sha256Hex(text)) !== bundle.textHash) {
    return { ok: false, message: 'The article text in this bundle does not match its checksum: the file was changed or damaged after it was made.' };
  }
  const badVersion = await versionProblem(bundle.article.versions, sha256Hex);
  if (badVersion) return { ok: false, message: `The article’s ${badVersion}: the file was changed or damaged after it was made.` };
  const issues = checkClaims(bundle.article.claims, text, opts.scale);
  if (issues.length > 0) return { ok: false, message: `A claim in this bundle does not fit its article: ${issues[0]!.message}` };
  return { ok: true, bundle };
}
