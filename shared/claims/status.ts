/** Status changes with their rules: "done" needs a verdict; asking for a second review records who asked. */
import type { ClaimData, ClaimStatus, Verification } from '../schema/claim';

/** The rule "a claim cannot be done without a verdict", stated once: true when `v` breaks it. */
export function doneWithoutVerdict(v: Pick<Verification, 'status' | 'verdict'>): boolean {
  return v.status === 'done' && v.verdict === null;
}

export type StatusChange = { ok: true; data: ClaimData } | { ok: false; message: string };

export function setStatus(d: ClaimData, status: ClaimStatus, reviewer: string, at: string): StatusChange {
  if (doneWithoutVerdict({ status, verdict: d.verification.verdict })) return { ok: false, message: 'A claim cannot be done without a verdict. Choose a verdict first.' };
  const asking = status === 'needs_second_review' && d.verification.status !== 'needs_second_review';
  const secondReview = asking ? { requestedBy: reviewer, requestedAt: at, signedOffBy: null, signedOffAt: null } : d.verification.secondReview;
  return { ok: true, data: { ...d, verification: { ...d.verification, status, secondReview } } };
}

/** Whether `reviewer` may sign this claim's second review off (asked for, by somebody else). */
export function canSignOff(d: ClaimData, reviewer: string): boolean {
  const r = d.verification.secondReview;
  return d.verification.status === 'needs_second_review' && r !== null && r.signedOffBy === null && r.requestedBy !== reviewer && reviewer !== '';
}

export function signOff(d: ClaimData, reviewer: string, at: string): StatusChange {
  const r = d.verification.secondReview;
  if (!r || d.verification.status !== 'needs_second_review') return { ok: false, message: 'Nobody asked for a second review of this claim.' };
  if (r.requestedBy === reviewer) return { ok: false, message: `You asked for this second review; a different reviewer must sign it off.` };
  if (d.verification.verdict === null) return { ok: false, message: 'A claim cannot be signed off without a verdict.' };
  return { ok: true, data: { ...d, verification: { ...d.verification, status: 'done', secondReview: { ...r, signedOffBy: reviewer, signedOffAt: at } } } };
}

/** What the inspector says when Done is chosen before a verdict: it asks for the verdict there and then. */
export const DONE_ASKS_VERDICT = 'A claim cannot be done without a verdict: choose one now and the claim is done.';

/** Done with the verdict chosen for it, as one change (the answer to DONE_ASKS_VERDICT). */
export function finishWithVerdict(d: ClaimData, verdict: string, reviewer: string, at: string): StatusChange {
  return setStatus({ ...d, verification: { ...d.verification, verdict } }, 'done', reviewer, at);
}
