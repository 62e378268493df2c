/**
 * Claims carried from one version's plain text to the next's (issue #14). For each claim, in this order:
 * 1. the diff's position map: no change touches the claim's words -> unchanged (method diff);
 * 2. its exact words, the occurrence chosen by context, then nearness to where the diff maps it:
 *    on the place the diff maps it to -> unchanged (method quote), the diff only aligned it differently;
 * 3. the diff's position map again, now with the words the changes put there -> changed (method diff),
 *    only when that place still holds the claim's own words (DiffPlace.acceptable);
 * 4. the exact words elsewhere (a moved passage) -> moved (method quote), when their context agrees or
 *    the quote is long enough to be distinctive;
 * 5. approximate matching with its context (approximateQuote) -> changed (method approximate);
 * 6. else gone: orphaned, its last quote kept, listed.
 * A claim ends unchanged or moved only on exactly its old words; changed always has different words.
 *
 * A claim already orphaned stays as it is and is not listed: it was listed as gone by the version in which
 * its words vanished, and claimChangesSinceFirstSeen keeps it gone from there. (Its words coming back in a
 * later version is a re-attachment for the reviewer to make, not a guess to make for them.)
 */
import { bestOccurrence, selectorsFor } from '../anchor/selectors';
import type { Claim } from '../schema/claim';
import type { CarriedClaim } from '../schema/version';
import { approximateQuote } from './approximateQuote';
import { diffTexts, type TextChange, type TextDiff } from './diff';

export type CarryResult = { claims: Claim[]; carried: CarriedClaim[] };

/** The most characters a claim's words may have (the quote selector's limit). */
const MAX_QUOTE_LENGTH = 20_000;

/** The share of a claim's letters and digits that must stay in place, and of the new words that must be old ones, for "changed" by the diff. */
export const MIN_KEPT_SHARE = 0.5;

/**
 * A claim of at most this many words whose words one change replaced, with its surroundings unchanged,
 * is changed in place ("14" -> "17", "Tuesday" -> "Wednesday", "the army" -> "rebels"), though none of
 * its letters stayed. A longer one needs MIN_KEPT_SHARE: a paragraph replaced by another is other words.
 */
export const SHORT_CLAIM_WORDS = 3;

/** A quote at least this long is distinctive: found elsewhere, it is the claim moved, whatever its context. */
export const DISTINCTIVE_QUOTE_LENGTH = 32;

/** Of the context characters a moved quote keeps (prefix and suffix), the share that must match. */
export const MIN_MOVED_CONTEXT_SHARE = 0.25;

const WORD_CHARS = /[\p{L}\p{N}]/gu;
const wordChars = (s: string) => s.match(WORD_CHARS)?.length ?? 0;
const wordCount = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Where the diff puts a claim's range in the new text, and whether those are still the claim's words. */
type DiffPlace = { start: number; end: number; touched: boolean; acceptable: boolean };

/**
 * The index of the first change that ends after `offset`, by binary search: the changes before it are all
 * before the offset (an insertion at the offset among them: text added at a claim's start stays outside).
 */
function firstChangeAfter(changes: readonly TextChange[], offset: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((changes[mid]?.oldEnd ?? Infinity) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function diffPlace(oldText: string, changes: readonly TextChange[], start: number, end: number): DiffPlace {
  let i = firstChangeAfter(changes, start);
  const before = changes[i - 1];
  const delta = before ? before.newEnd - before.oldEnd : 0;
  // Changes that touch [start, end): removals overlapping it, insertions strictly inside it.
  const touching: TextChange[] = [];
  for (let c = changes[i]; c && c.oldStart < end; c = changes[++i]) {
    const insertion = c.oldStart === c.oldEnd;
    if (insertion ? c.oldStart > start && c.oldStart < end : c.oldEnd > start) touching.push(c);
  }
  const first = touching[0];
  const last = touching[touching.length - 1];
  if (!first || !last) return { start: start + delta, end: end + delta, touched: false, acceptable: true };
  const newStart = first.oldStart <= start ? first.newStart : start + delta;
  const newEnd = last.oldEnd >= end ? last.newEnd : end + (last.newEnd - last.oldEnd);
  const total = wordChars(oldText.slice(start, end));
  let removed = 0;
  let added = 0;
  for (const c of touching) {
    removed += wordChars(oldText.slice(Math.max(start, c.oldStart), Math.min(end, c.oldEnd)));
    added += wordChars(c.added);
  }
  const kept = total - removed;
  const keptEnough = total > 0 && kept >= MIN_KEPT_SHARE * total && kept >= MIN_KEPT_SHARE * (kept + added);
  const replacedInPlace =
    touching.length === 1 &&
    first.oldStart >= start &&
    first.oldEnd <= end &&
    wordCount(oldText.slice(start, end)) <= SHORT_CLAIM_WORDS &&
    wordCount(first.added) <= 2 * SHORT_CLAIM_WORDS &&
    wordChars(first.added) > 0;
  const acceptable = newEnd > newStart && newEnd - newStart <= MAX_QUOTE_LENGTH && (keptEnough || replacedInPlace);
  return { start: newStart, end: newEnd, touched: true, acceptable };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && a.end > b.start ? true : b.start === b.end && a.start <= b.start && b.start <= a.end;

type Carry = { outcome: CarriedClaim['outcome']; method: CarriedClaim['method']; start: number; end: number } | null;

function carryOne(oldText: string, newText: string, changes: readonly TextChange[], claim: Claim): Carry {
  const { quote, position } = claim.target;
  const exact = quote.exact;
  // A target that no longer holds its words in the old text (it should) is found by its quote alone.
  const inPlace = oldText.slice(position.start, position.end) === exact;
  const place = inPlace ? diffPlace(oldText, changes, position.start, position.end) : null;
  // 1.
  if (place && !place.touched) return { outcome: 'unchanged', method: 'diff', start: place.start, end: place.end };
  const hint = place ? place.start : position.start;
  const found = bestOccurrence(newText, exact, quote.prefix, quote.suffix, hint);
  const at = found ? { start: found.at, end: found.at + exact.length } : null;
  // 2.
  if (at && place && overlaps(at, place)) return { outcome: 'unchanged', method: 'quote', ...at };
  // 3.
  if (place?.acceptable) return { outcome: 'changed', method: 'diff', start: place.start, end: place.end };
  // 4.
  const contextLength = quote.prefix.length + quote.suffix.length;
  if (at && found && (exact.length >= DISTINCTIVE_QUOTE_LENGTH || contextLength === 0 || found.context >= MIN_MOVED_CONTEXT_SHARE * contextLength)) {
    return { outcome: 'moved', method: 'quote', ...at };
  }
  // 5.
  const near = approximateQuote(newText, quote, hint);
  if (near) return { outcome: 'changed', method: 'approximate', start: near.start, end: near.end };
  // 6.
  return null;
}

export function carryClaims(oldText: string, newText: string, claims: readonly Claim[], diff: TextDiff = diffTexts(oldText, newText)): CarryResult {
  const carried: CarriedClaim[] = [];
  const out = claims.map((claim): Claim => {
    if (claim.target.orphaned) return claim;
    const before = claim.target.quote.exact;
    const to = carryOne(oldText, newText, diff.changes, claim);
    if (!to) {
      carried.push({ claimId: claim.data.id, outcome: 'gone', method: 'none', before, after: null });
      return { ...claim, target: { ...claim.target, orphaned: true } };
    }
    const after = newText.slice(to.start, to.end);
    // Whatever step found it, the outcome says whether the words are the same.
    const outcome = after !== before ? 'changed' : to.outcome === 'changed' ? 'unchanged' : to.outcome;
    carried.push({ claimId: claim.data.id, outcome, method: to.method, before, after });
    const { quote, position } = selectorsFor(newText, to.start, to.end);
    return { ...claim, target: { quote, position, orphaned: false } };
  });
  return { claims: out, carried };
}
