/**
 * Claim fields whose meaning depends on another field. A merge takes a field from theirs only as part
 * of what they decided: their "Done" was said of their verdict (a claim cannot be done without one, see
 * doneWithoutVerdict in shared/claims/status.ts), so taken beside our verdict it reads as a sign-off
 * nobody gave. While a prerequisite is in conflict, its dependents are held back with that conflict.
 */
import type { FieldPath } from './mergeClaims';

const VERDICT = 'verification.verdict';
const STATUS = 'verification.status';
const SECOND_REVIEW = 'verification.secondReview';

/** Each dependent field and the fields it needs decided first. */
export const FIELD_PREREQUISITES: Readonly<Record<FieldPath, readonly FieldPath[]>> = {
  // Done is said of a verdict; a second review is asked for (needs second review) or signed off (done) with the status.
  [STATUS]: [VERDICT, SECOND_REVIEW],
  // A sign-off signs a verdict, and goes with the status it set.
  [SECOND_REVIEW]: [VERDICT, STATUS],
  // How sure, and why: of that verdict.
  'verification.confidence': [VERDICT],
  'verification.rationale': [VERDICT],
};

/**
 * Which of `taken` (fields the merge would take from theirs) wait for a conflict, and for which: each
 * held field with the conflicting fields it waits for, directly or through another held field.
 */
export function heldBack(taken: readonly FieldPath[], conflicting: ReadonlySet<FieldPath>): Map<FieldPath, Set<FieldPath>> {
  const held = new Map<FieldPath, Set<FieldPath>>();
  // A fixpoint: a field waits for what its held prerequisites wait for (status and second review wait on each other).
  for (let grew = true; grew; ) {
    grew = false;
    for (const field of taken) {
      for (const p of FIELD_PREREQUISITES[field] ?? []) {
        const roots = conflicting.has(p) ? [p] : [...(held.get(p) ?? [])];
        for (const root of roots) {
          const waits = held.get(field) ?? new Set<FieldPath>();
          if (waits.has(root)) continue;
          held.set(field, waits.add(root));
          grew = true;
        }
      }
    }
  }
  return held;
}
