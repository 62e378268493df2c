import type { AuditEvent } from '../schema/audit';
import { newClaimData, type Claim } from '../schema/claim';
import { CLAIM_FIELDS } from '../claims/fields';

/** The field of a claim_created event whose claim began as a detection proposal a person accepted. */
export const PROPOSAL_FIELD = 'proposal';

type Stamp = { who: string; at: string; newId: () => string };

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every change between two versions of an article's claims, as audit events stamped with who and when. */
export function diffClaims(before: Claim[], after: Claim[], { who, at, newId }: Stamp): AuditEvent[] {
  const events: AuditEvent[] = [];
  const event = (e: Omit<AuditEvent, 'id' | 'who' | 'at'>) => events.push({ id: newId(), who, at, ...e });
  const old = byId(before.map((c) => ({ ...c, id: c.data.id })));
  const now = byId(after.map((c) => ({ ...c, id: c.data.id })));

  for (const [id, claim] of now) {
    let prev = old.get(id);
    if (!prev) {
      // A proposal accepted says so (field "proposal"): the history reads "accepted a proposed claim".
      event({ action: 'claim_created', claimId: id, new: claim.target.quote.exact, ...(claim.data.proposal ? { field: PROPOSAL_FIELD } : {}) });
      // What a new claim already holds when first saved (a verdict chosen, a comment posted within the
      // autosave's second, or a claim brought by a bundle) is recorded as changes from an empty claim.
      prev = { id, data: newClaimData(id, claim.data.createdBy, claim.data.createdAt), target: claim.target };
    }
    if (!prev.target.orphaned && claim.target.orphaned) event({ action: 'claim_orphaned', claimId: id, old: prev.target.quote.exact });
    if (prev.target.orphaned && !claim.target.orphaned) event({ action: 'claim_restored', claimId: id, new: claim.target.quote.exact });
    // The fields a person edits (shared/claims/fields.ts); evidence and comments are compared item by item.
    for (const { path: field, get } of CLAIM_FIELDS) {
      const a = get(prev.data);
      const b = get(claim.data);
      if (!same(a, b)) event({ action: 'claim_updated', claimId: id, field, old: a, new: b });
    }
    const prevEvidence = byId(prev.data.verification.evidence);
    const nextEvidence = byId(claim.data.verification.evidence);
    for (const [eid, e] of nextEvidence) {
      const p = prevEvidence.get(eid);
      if (!p || !same(p, e)) event({ action: 'claim_updated', claimId: id, field: `verification.evidence.${eid}`, old: p ?? null, new: e });
    }
    for (const [eid, p] of prevEvidence) {
      if (!nextEvidence.has(eid)) event({ action: 'claim_updated', claimId: id, field: `verification.evidence.${eid}`, old: p, new: null });
    }
    const prevComments = byId(prev.data.comments);
    const nextComments = byId(claim.data.comments);
    for (const [cid, c] of nextComments) {
      const p = prevComments.get(cid);
      const field = `comments.${cid}`;
      if (!p) event({ action: c.replyTo === undefined ? 'comment_added' : 'comment_replied', claimId: id, field, new: c.text });
      else if (p.text !== c.text) event({ action: 'comment_edited', claimId: id, field, old: p.text, new: c.text });
    }
    for (const [cid, c] of prevComments) if (!nextComments.has(cid)) event({ action: 'comment_deleted', claimId: id, field: `comments.${cid}`, old: c.text });
  }
  for (const [id, claim] of old) {
    if (!now.has(id)) event({ action: 'claim_deleted', claimId: id, old: claim.target.quote.exact });
  }
  return events;
}
