import { z } from 'zod';
import { Claim } from './claim';

/** A field of theirs that depends on a conflicting field (see shared/merge/dependencies.ts): kept as ours until that is decided. */
export const HeldField = z.object({ field: z.string(), ours: z.unknown(), theirs: z.unknown() });
export type HeldField = z.infer<typeof HeldField>;

/** A field both reviewers changed differently: kept as ours until a person chooses. */
export const StoredConflict = z.object({
  claimId: z.string(),
  field: z.string(),
  base: z.unknown(),
  ours: z.unknown(),
  theirs: z.unknown(),
  /** Their fields held back with this one: taking theirs here takes these too. Absent when none. */
  held: z.array(HeldField).optional(),
  /** Who the other side is (the bundle's author) and when the conflict arose. */
  theirsBy: z.string(),
  at: z.string().datetime(),
});
export type StoredConflict = z.infer<typeof StoredConflict>;

export const StoredAgreement = z.object({
  withReviewer: z.string(),
  at: z.string().datetime(),
  pairs: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
  share: z.number().nullable(),
  kappa: z.number().nullable(),
});
export type StoredAgreement = z.infer<typeof StoredAgreement>;

/** What an article remembers of review handoffs: the common history, bundles merged, open conflicts. */
export const Exchange = z.object({
  /** The claims as last exchanged with a teammate (the base of the next three-way merge). */
  base: z.array(Claim).nullable(),
  mergedBundles: z.array(z.string()),
  conflicts: z.array(StoredConflict),
  agreements: z.array(StoredAgreement),
});
export type Exchange = z.infer<typeof Exchange>;

export function noExchange(): Exchange {
  return { base: null, mergedBundles: [], conflicts: [], agreements: [] };
}
