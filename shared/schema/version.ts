/**
 * Article versions (issue #14). A version is the text as a publisher gave it at one time: every import of
 * the article adds one, each kept whole with its metadata, when and from what it came, and a SHA-256 of
 * its plain text (docPlainText), the key two desks' versions are merged by. The editor works on the
 * article's `doc`, the current version with the desk's own corrections (typos); those are `edit_text`
 * events in the audit trail, never a version. `carried` says how each claim came over from the version
 * before (shared/versions/ decides it); a version list and "changes since first seen" are built from it.
 */
import { z } from 'zod';
import { ArticleMeta, ImportOrigin, RemovedText } from './articleMeta';
import { ClaimId } from './claim';
import { DocNodeJson } from './doc';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is a SHA-256 in hex (64 digits 0-9, a-f).');

/** The most versions one article keeps. */
export const MAX_VERSIONS = 200;

/**
 * How a claim came over to a new version: on the same words at the same place (unchanged), on the same
 * words elsewhere (moved), on words that changed (changed: `before` and `after` differ), or not at all
 * (gone: orphaned, kept with its last quote and listed).
 */
export const CARRY_OUTCOMES = ['unchanged', 'moved', 'changed', 'gone'] as const;
export const CarryOutcome = z.enum(CARRY_OUTCOMES);
export type CarryOutcome = z.infer<typeof CarryOutcome>;
export const CARRY_OUTCOME_LABELS: Record<CarryOutcome, string> = { unchanged: 'Unchanged', moved: 'Moved', changed: 'Words changed', gone: 'Gone' };

/** Which step found the claim's place in the new version: the diff's position map, its quote and context, approximate matching. */
export const CARRY_METHODS = ['diff', 'quote', 'approximate', 'none'] as const;
export const CarryMethod = z.enum(CARRY_METHODS);
export type CarryMethod = z.infer<typeof CarryMethod>;

export const CarriedClaim = z.object({
  claimId: ClaimId,
  outcome: CarryOutcome,
  method: CarryMethod,
  /** The claim's words in the version before. */
  before: z.string().max(20_000),
  /** Its words in this version; null when gone. */
  after: z.string().max(20_000).nullable(),
});
export type CarriedClaim = z.infer<typeof CarriedClaim>;

export const ArticleVersion = z.object({
  /** 1 for the first import, then 2, 3, … in the order they were added here. */
  number: z.number().int().positive(),
  hash: Sha256Hex,
  wordCount: z.number().int().nonnegative(),
  importedAt: z.string().datetime(),
  importedBy: z.string().min(1).max(120),
  origin: ImportOrigin,
  meta: ArticleMeta,
  doc: DocNodeJson,
  removedOnImport: z.array(RemovedText),
  /** How each claim came over from the version before; empty for version 1. */
  carried: z.array(CarriedClaim),
});
export type ArticleVersion = z.infer<typeof ArticleVersion>;

/** A version without its text, for the version list (the editor opens an old one by number). */
export const VersionSummary = ArticleVersion.omit({ doc: true, removedOnImport: true });
export type VersionSummary = z.infer<typeof VersionSummary>;
