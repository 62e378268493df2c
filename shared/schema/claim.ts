/**
 * A claim and what the desk records about it: where the article says it comes from (attribution) and
 * what the desk found (verification). Positions are W3C Web Annotation selectors over the article's plain
 * text (see shared/doc/plainText.ts); the editor turns them into ranges and back (shared/anchor/).
 */
import { z } from 'zod';
import { IsoDate, SafeUrl } from './common';

export const ClaimId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'A claim id is 6-64 letters, digits, dashes or underscores.');
export type ClaimId = z.infer<typeof ClaimId>;

/** W3C Web Annotation TextQuoteSelector: the exact words with a little context either side. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** W3C Web Annotation TextPositionSelector: character offsets, end exclusive. */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end > s.start, { message: 'A claim must cover at least one character (end after start).', path: ['end'] });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const ClaimTarget = z.object({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** All the claim's words were deleted: it is kept with its last quote until re-attached or deleted. */
  orphaned: z.boolean(),
});
export type ClaimTarget = z.infer<typeof ClaimTarget>;

export const SOURCE_KINDS = ['official', 'state_media', 'ngo_monitor', 'news_agency', 'witness', 'social_media', 'anonymous', 'none'] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  official: 'Official',
  state_media: 'State media',
  ngo_monitor: 'NGO or monitor',
  news_agency: 'News agency',
  witness: 'Witness',
  social_media: 'Social media',
  anonymous: 'Anonymous',
  none: 'None',
};

export const ATTRIBUTION_KINDS = ['named', 'vague', 'anonymous', 'none'] as const;
export const AttributionKind = z.enum(ATTRIBUTION_KINDS);
export type AttributionKind = z.infer<typeof AttributionKind>;
export const ATTRIBUTION_KIND_LABELS: Record<AttributionKind, string> = { named: 'Named', vague: 'Vague', anonymous: 'Anonymous', none: 'None' };

/** Weak sourcing: the article gives no source, or only a vague one ("Reports indicate"). */
export function isWeakSourcing(kind: AttributionKind): boolean {
  return kind === 'vague' || kind === 'none';
}

export const TracedSource = z.object({
  url: SafeUrl,
  title: z.string().trim().max(500),
  publisher: z.string().trim().max(200),
  date: IsoDate,
  archivedUrl: SafeUrl,
});
export type TracedSource = z.infer<typeof TracedSource>;

export const Attribution = z.object({
  sourceName: z.string().trim().max(200),
  sourceKind: SourceKind,
  kind: AttributionKind,
  /** The words that attribute it: "according to", "reported", "has clarified". */
  cue: z.string().trim().max(200),
  traced: TracedSource,
});
export type Attribution = z.infer<typeof Attribution>;

export const STATUSES = ['unreviewed', 'in_progress', 'needs_second_review', 'done'] as const;
export const ClaimStatus = z.enum(STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;
export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unreviewed: 'Unreviewed',
  in_progress: 'In progress',
  needs_second_review: 'Needs second review',
  done: 'Done',
};

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

export const STANCES = ['supports', 'refutes', 'context'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;
/** What the evidence form, the history and the reports call each stance. */
export const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context only' };

export const Evidence = z.object({
  id: ClaimId,
  url: SafeUrl.refine((s) => s !== '', 'Evidence needs a web address (http:// or https://).'),
  title: z.string().trim().max(500),
  publisher: z.string().trim().max(200),
  accessedAt: IsoDate,
  quote: z.string().trim().max(5000),
  stance: Stance,
});
export type Evidence = z.infer<typeof Evidence>;

/** A second reviewer's check: asked for by one reviewer, signed off by a different one. */
export const SecondReview = z
  .object({
    requestedBy: z.string().trim().min(1).max(120),
    requestedAt: z.string().datetime(),
    signedOffBy: z.string().trim().min(1).max(120).nullable(),
    signedOffAt: z.string().datetime().nullable(),
  })
  .refine((r) => r.signedOffBy === null || r.signedOffBy !== r.requestedBy, {
    message: 'A second review must be signed off by a different reviewer from the one who asked for it.',
    path: ['signedOffBy'],
  });
export type SecondReview = z.infer<typeof SecondReview>;

export const Verification = z.object({
  status: ClaimStatus,
  /** A label from the desk's rating scale, or null while there is none. A verdict is always a person's. */
  verdict: z.string().trim().min(1).max(80).nullable(),
  confidence: Confidence.nullable(),
  rationale: z.string().trim().max(20_000),
  evidence: z.array(Evidence).max(500),
  secondReview: SecondReview.nullable(),
});
export type Verification = z.infer<typeof Verification>;

/** The longest comment a reviewer can post or save an edit of. */
export const MAX_COMMENT_CHARS = 10_000;

/**
 * A team comment on a claim. `replyTo` makes it a reply to a top-level comment of the same claim (one
 * level of threading); `editedAt` is set by its author's last edit. Both are optional so stores and
 * bundles written before they existed still load. Deleting a comment removes it; its replies stay,
 * shown at the top level as replies to a deleted comment (no one else's comment is rewritten).
 */
export const Comment = z.object({
  id: ClaimId,
  author: z.string().trim().min(1).max(120),
  at: z.string().datetime(),
  text: z
    .string()
    .trim()
    .min(1, 'A comment needs some text.')
    .max(MAX_COMMENT_CHARS, `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters.`),
  replyTo: ClaimId.optional(),
  editedAt: z.string().datetime().optional(),
});
export type Comment = z.infer<typeof Comment>;

/**
 * A claim that began as a detection proposal (issue #13): what detection saw and who accepted it. Absent
 * on claims a person marked. The verdict is never part of a proposal.
 */
export const ProposalOrigin = z.object({
  score: z.number().min(0).max(1),
  /** The features that made the proposal ("casualty figure", "cue: according to"). */
  reasons: z.array(z.string().max(200)).max(30),
  strength: z.enum(['named', 'vague', 'none']),
  acceptedBy: z.string().trim().min(1).max(120),
  acceptedAt: z.string().datetime(),
});
export type ProposalOrigin = z.infer<typeof ProposalOrigin>;

/** Everything about a claim except where it is; this is what the editor keeps in plugin state. */
export const ClaimData = z
  .object({
    id: ClaimId,
    attribution: Attribution,
    verification: Verification,
    comments: z.array(Comment).max(1000),
    /** Set when the claim was a proposal a person accepted. */
    proposal: ProposalOrigin.optional(),
    createdBy: z.string().trim().min(1).max(120),
    createdAt: z.string().datetime(),
    updatedBy: z.string().trim().min(1).max(120),
    updatedAt: z.string().datetime(),
  })
  .refine((c) => c.verification.status !== 'done' || c.verification.verdict !== null, {
    message: 'A claim cannot be done without a verdict.',
    path: ['verification', 'status'],
  });
export type ClaimData = z.infer<typeof ClaimData>;

export const Claim = z.object({ data: ClaimData, target: ClaimTarget });
export type Claim = z.infer<typeof Claim>;

export const DEFAULT_RATING_SCALE = ['True', 'Mostly true', 'Mixed', 'Misleading', 'Mostly false', 'False', 'Unverifiable'] as const;

export function emptyAttribution(): Attribution {
  return { sourceName: '', sourceKind: 'none', kind: 'none', cue: '', traced: { url: '', title: '', publisher: '', date: '', archivedUrl: '' } };
}

export function newClaimData(id: string, reviewer: string, at: string): ClaimData {
  return {
    id,
    attribution: emptyAttribution(),
    verification: { status: 'unreviewed', verdict: null, confidence: null, rationale: '', evidence: [], secondReview: null },
    comments: [],
    createdBy: reviewer,
    createdAt: at,
    updatedBy: reviewer,
    updatedAt: at,
  };
}
