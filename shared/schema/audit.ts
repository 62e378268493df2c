import { z } from 'zod';

/** One recorded change: who, when, what, and the value before and after. */
export const AuditEvent = z.object({
  id: z.string().min(6).max(64),
  at: z.string().datetime(),
  who: z.string().min(1).max(120),
  action: z.enum(['import', 'edit_text', 'edit_meta', 'claim_created', 'claim_updated', 'claim_deleted', 'claim_orphaned', 'claim_restored', 'comment_added', 'comment_replied', 'comment_edited', 'comment_deleted', 'bundle_exported', 'bundle_opened', 'bundle_merged', 'conflict_resolved', 'version_added', 'proposal_rejected']),
  claimId: z.string().optional(),
  /** Dotted path of the changed field, e.g. verification.verdict. */
  field: z.string().optional(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
