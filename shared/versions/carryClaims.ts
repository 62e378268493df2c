/**
 * Claims carried from one version's plain text to the next's (issue #14). For each claim, in this order:
 * 1. the diff's position map: no change touches the claim's words -> unchanged (method diff);
 * 2. its exact words, the occurrence chosen by context, then nearness to where the diff maps it: on the
 *    place the diff maps it to, when that place holds the claim's own words (DiffPlace.acceptable) or is
 *    in its paragraph, cut down (CUT_PASSAGE_SIMILARITY) -> unchanged (method quote), the diff only
 *    aligned it differently (a block replaced whole can be another paragraph, moved there);
 * 3. its exact words elsewhere (a moved passage) -> moved (method quote), when the quote is long enough
 *    to be distinctive, or they are in the claim's own paragraph moved (samePassage), there once (in the
 *    old paragraph and the new) or with their context agreeing;
 * 4. the diff's position map again, now with the words the changes put there -> changed (method diff),
 *    only when that place still holds the claim's own words (DiffPlace.acceptable);
 * 5. approximate matching in the claim's own paragraph, with its context (approximateQuote), near its
 *    place, then in the text the diff added, within one budget for all the claims -> changed (method approximate);
 * 6. else gone: orphaned, its last quote kept, listed.
 * A claim ends unchanged or moved only on exactly its old words; changed always has different words.
 *
 * In 2, 3 and 5 a place is refused when the diff says its words were kept from elsewhere in the old text
 * (diffOrigin.ts): they are another passage's words, not the claim's. So the exact words found in 3 are
 * always in text the new version added, where a moved passage lands; that is why 3 comes before 4: when
 * the diff pairs a moved passage with a look-alike left in its place (a headline printed twice), the words
 * found intact in the added text are the claim, not the look-alike's.
 *
 * A claim already orphaned stays as it is and is not listed: it was listed as gone by the version in which
 * its words vanished, and claimChangesSinceFirstSeen keeps it gone from there. (Its words coming back in a
 * later version is a re-attachment for the reviewer to make, not a guess to make for them.)
 */
import { bestOccurrence, selectorsFor } from '../anchor/selectors';
import { TextQuoteSelector, type Claim } from '../schema/claim';
import type { CarriedClaim } from '../schema/version';
import { APPROXIMATE_SEARCH_BUDGET, approximateQuote, type Range } from './approximateQuote';
import { diffTexts, type TextChange, type TextDiff } from './diff';
import { foreignWordChars } from './diffOrigin';
import { contextAgrees, contextScores, CUT_PASSAGE_SIMILARITY, DISTINCTIVE_EXACT_LENGTH, passageAround, samePassage, sameWordEdges, wholeOccurrences } from './quoteContext';

export type CarryResult = { claims: Claim[]; carried: CarriedClaim[] };

/** The most characters a claim's words may have: the quote selector's limit. */
const MAX_QUOTE_LENGTH = TextQuoteSelector.shape.exact.maxLength ?? 20_000;

/** The share of a claim's letters and digits that must stay in place, and of the new words that must be old ones, for "changed" by the diff. */
export const MIN_KEPT_SHARE = 0.5;

/**
 * A claim of at most this many words whose words one change replaced, with its surroundings unchanged,
 * is changed in place ("14" -> "17", "Tuesday" -> "Wednesday", "the army" -> "rebels"), though none of
 * its letters stayed. A longer one needs MIN_KEPT_SHARE: a paragraph replaced by another is other words.
 */
export const SHORT_CLAIM_WORDS = 3;

const WORD_CHARS = /[\p{L}\p{N}]/gu;
const wordChars = (s: string) => s.match(WORD_CHARS)?.length ?? 0;
const wordCount = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * Where the diff puts a claim's range in the new text, whether those are still the claim's words, and the
 * best guess of where its words are (`hint`: inside a change, as far into the new text as into the old).
 */
type DiffPlace = { start: number; end: number; touched: boolean; acceptable: boolean; hint: number };

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

/** Letters and digits a change added, counted once per change (a rewrite's addition is the whole new text). */
const addedWordChars = new WeakMap<TextChange, number>();
function wordCharsAdded(c: TextChange): number {
  let n = addedWordChars.get(c);
  if (n === undefined) addedWordChars.set(c, (n = wordChars(c.added)));
  return n;
}

/**
 * Where a claim is when the one removal or insertion that touches it can slide off it. Myers chooses among
 * equal words arbitrarily: deleting "an assault on" from "an assault on an Alawite shrine" may come out as
 * deleting "assault on an", and inserting "are" into "14 are killed" as "14 are [are] killed". When the
 * removed (inserted) text can shift along equal characters until it no longer overlaps the claim, the
 * claim's words are untouched: the new offset of its start, else null. `delta` is the shift before the change.
 */
function slideOff(oldText: string, newText: string, changes: readonly TextChange[], i: number, start: number, end: number, delta: number): number | null {
  const c = changes[i];
  if (!c) return null;
  const removal = c.newStart === c.newEnd;
  if (removal === (c.oldStart === c.oldEnd)) return null;
  const prev = changes[i - 1];
  const next = changes[i + 1];
  // The side that holds the change's text, the text's range there, and how far it may slide (to the changes beside it).
  const text = removal ? oldText : newText;
  const from = removal ? c.oldStart : c.newStart;
  const to = removal ? c.oldEnd : c.newEnd;
  const lo = prev ? (removal ? prev.oldEnd : prev.newEnd) : 0;
  const hi = next ? (removal ? next.oldStart : next.newStart) : text.length;
  const size = to - from;
  /** The claim's new start with the change slid to start at `s` (in its side's offsets), or null if it still touches the claim. */
  const placed = (s: number): number | null => {
    if (removal) return s + size <= start ? start + delta - size : s >= end ? start + delta : null;
    const at = c.oldStart + (s - from); // an insertion slid along equal text moves as far in the old text
    return at <= start ? start + delta + size : at >= end ? start + delta : null;
  };
  const check = (s: number): number | null => {
    const p = placed(s);
    return p !== null && newText.startsWith(oldText.slice(start, end), p) && sameWordEdges(oldText, start, end, newText, p, p + (end - start)) ? p : null;
  };
  for (let k = 1; from - k >= lo && text.charCodeAt(from - k) === text.charCodeAt(to - k); k++) {
    const p = check(from - k);
    if (p !== null) return p;
  }
  for (let k = 1; to + k - 1 < hi && text.charCodeAt(from + k - 1) === text.charCodeAt(to + k - 1); k++) {
    const p = check(from + k);
    if (p !== null) return p;
  }
  return null;
}

function diffPlace(oldText: string, newText: string, changes: readonly TextChange[], start: number, end: number): DiffPlace {
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
  if (!first || !last) return { start: start + delta, end: end + delta, touched: false, acceptable: true, hint: start + delta };
  const slid = touching.length === 1 ? slideOff(oldText, newText, changes, changes.indexOf(first), start, end, delta) : null;
  if (slid !== null) return { start: slid, end: slid + (end - start), touched: false, acceptable: true, hint: slid };
  const newStart = first.oldStart <= start ? first.newStart : start + delta;
  const newEnd = last.oldEnd >= end ? last.newEnd : end + (last.newEnd - last.oldEnd);
  const total = wordChars(oldText.slice(start, end));
  let removed = 0;
  let added = 0;
  for (const c of touching) {
    removed += wordChars(oldText.slice(Math.max(start, c.oldStart), Math.min(end, c.oldEnd)));
    added += wordCharsAdded(c);
  }
  const kept = total - removed;
  const keptEnough = total > 0 && kept >= MIN_KEPT_SHARE * total && kept >= MIN_KEPT_SHARE * (kept + added);
  const replacedInPlace =
    touching.length === 1 &&
    first.oldStart >= start &&
    first.oldEnd <= end &&
    wordCount(oldText.slice(start, end)) <= SHORT_CLAIM_WORDS &&
    first.added.length <= 200 &&
    wordCount(first.added) <= 2 * SHORT_CLAIM_WORDS &&
    wordCharsAdded(first) > 0;
  const acceptable = newEnd > newStart && newEnd - newStart <= MAX_QUOTE_LENGTH && (keptEnough || replacedInPlace);
  const hint =
    first.oldStart < start && first.oldEnd > first.oldStart
      ? first.newStart + Math.round(((start - first.oldStart) * (first.newEnd - first.newStart)) / (first.oldEnd - first.oldStart))
      : newStart;
  return { start: newStart, end: newEnd, touched: true, acceptable, hint };
}

/** Whether two ranges share a character, or an empty `b` lies within `a`. */
function overlaps(a: Range, b: Range): boolean {
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && a.end > b.start;
}

type Carry = { outcome: CarriedClaim['outcome']; method: CarriedClaim['method']; start: number; end: number } | null;

/** What the claims of one carry share: the diff, and the approximate searches' regions and budget. */
type CarryContext = { oldText: string; newText: string; diff: TextDiff; addedRegions: () => Range[]; budget: { left: number } };

/** The new text the diff added, each stretch widened by a few characters (the spaces and punctuation a match may take beside it). */
function addedStretches(diff: TextDiff, length: number): Range[] {
  const out: Range[] = [];
  for (const c of diff.changes) {
    if (c.newEnd === c.newStart) continue;
    const start = Math.max(0, c.newStart - 8);
    const end = Math.min(length, c.newEnd + 8);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

function carryOne({ oldText, newText, diff, addedRegions, budget }: CarryContext, claim: Claim): Carry {
  const { quote, position } = claim.target;
  const exact = quote.exact;
  // A target that no longer holds its words in the old text (it should) is found by its quote alone.
  const inPlace = oldText.slice(position.start, position.end) === exact;
  const place = inPlace ? diffPlace(oldText, newText, diff.changes, position.start, position.end) : null;
  // 1.
  if (place && !place.touched) return { outcome: 'unchanged', method: 'diff', start: place.start, end: place.end };
  const hint = place ? place.hint : position.start;
  /** Whether new text [start, end) may be the claim's: nothing in it is words the diff kept from elsewhere (diffOrigin). */
  const own = (start: number, end: number) => !place || foreignWordChars(diff, newText, start, end, position.start, position.end) === 0;
  /** Whether the exact words at `i` are whole words as the claim's were, and may be the claim's. */
  const fits = (i: number) =>
    (!inPlace || sameWordEdges(oldText, position.start, position.end, newText, i, i + exact.length)) && own(i, i + exact.length);
  const found = bestOccurrence(newText, exact, quote.prefix, quote.suffix, hint, (i) => i, fits);
  const at = found ? { start: found.at, end: found.at + exact.length } : null;
  // 2.
  if (at && place && overlaps(at, place) && (place.acceptable || samePassage(oldText, position.start, position.end, newText, at.start, at.end, CUT_PASSAGE_SIMILARITY))) {
    return { outcome: 'unchanged', method: 'quote', ...at };
  }
  /** Whether new text [start, end) is in the claim's own paragraph, moved or edited (samePassage); unknown without a place in the old text. Once per paragraph. */
  const ownPassages = new Map<number, boolean>();
  const ownPassage = (start: number, end: number) => {
    if (!place) return true;
    const key = newText.lastIndexOf('\n\n', start - 1);
    let own = ownPassages.get(key);
    if (own === undefined) ownPassages.set(key, (own = samePassage(oldText, position.start, position.end, newText, start, end)));
    return own;
  };
  const contextHere = (r: Range) => contextAgrees(contextScores(newText, r.start, r.end, quote));
  /** Whether the words occur once in the claim's old paragraph and once in the paragraph of new text `r`: a short word ("by", "of") recurs in most. */
  const once = (passage: string) => wholeOccurrences(passage, exact) <= 1;
  const onceInPassage = (r: Range) => once(passageAround(oldText, position.start, position.end)) && once(passageAround(newText, r.start, r.end));
  // 3. A short quote's agreeing context alone does not make a copy elsewhere the claim: "According to
  // reports" recurs, and "Syrian" of "the Syrian Observatory" is in two paragraphs of the sample.
  // The best occurrence by context may be in another paragraph ("According" opens several): among those
  // that pass, the best.
  const movedHere = (r: Range) => exact.length >= DISTINCTIVE_EXACT_LENGTH || (ownPassage(r.start, r.end) && (onceInPassage(r) || contextHere(r)));
  const moved = at && movedHere(at) ? found : bestOccurrence(newText, exact, quote.prefix, quote.suffix, hint, (i) => i, (i) => fits(i) && movedHere({ start: i, end: i + exact.length }));
  if (moved) return { outcome: 'moved', method: 'quote', start: moved.at, end: moved.at + exact.length };
  // 4.
  if (place?.acceptable) return { outcome: 'changed', method: 'diff', start: place.start, end: place.end };
  // 5.
  // Where the diff followed the claim, its words can only be in text the diff added (diffOrigin.ts).
  const near = approximateQuote(newText, quote, hint, { acceptable: own, ownPassage, regions: place ? addedRegions() : undefined, budget });
  if (near) return { outcome: 'changed', method: 'approximate', start: near.start, end: near.end };
  // 6.
  return null;
}

export function carryClaims(oldText: string, newText: string, claims: readonly Claim[], diff: TextDiff = diffTexts(oldText, newText)): CarryResult {
  const carried: CarriedClaim[] = [];
  let regions: Range[] | null = null;
  const context: CarryContext = { oldText, newText, diff, addedRegions: () => (regions ??= addedStretches(diff, newText.length)), budget: { left: APPROXIMATE_SEARCH_BUDGET } };
  const out = claims.map((claim): Claim => {
    if (claim.target.orphaned) return claim;
    const before = claim.target.quote.exact;
    const found = carryOne(context, claim);
    // New words past the quote selector's limit (a claim a long insertion grew) cannot be a target.
    const to = found && found.end - found.start <= MAX_QUOTE_LENGTH ? found : null;
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
