/**
 * Where the diff says a stretch of the new text came from. Text the diff kept ("same") came from one
 * place of the old text; text it added is new. A claim that the diff could not follow, if its words are in
 * the new version, is in added text (a moved or rewritten passage): words the diff kept from another
 * place of the old text are that other passage's, never the claim's, however alike they read (the second
 * copy of a headline, "14 people were wounded" beside a removed "14 people were killed").
 */
import type { DiffSegment, TextDiff } from './diff';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The index of the last segment that starts in the new text at or before `offset`. */
function segmentAt(segments: readonly DiffSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid]?.newStart ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * How many letters and digits of newText[newStart, newEnd) the diff kept from old text outside
 * [oldStart, oldEnd): 0 when the stretch is new text or the claim's own old words.
 */
export function foreignWordChars(diff: TextDiff, newText: string, newStart: number, newEnd: number, oldStart: number, oldEnd: number): number {
  const { segments } = diff;
  let count = 0;
  // Removed segments take no room in the new text; stepping back over them finds the one that holds newStart.
  for (let i = segmentAt(segments, newStart); i < segments.length; i++) {
    const s = segments[i];
    if (!s || s.newStart >= newEnd) break;
    if (s.kind !== 'same') continue;
    const from = Math.max(newStart, s.newStart);
    const to = Math.min(newEnd, s.newStart + s.text.length);
    for (let n = from; n < to; n++) {
      const o = s.oldStart + (n - s.newStart);
      if ((o < oldStart || o >= oldEnd) && WORD_CHAR.test(newText.charAt(n))) count++;
    }
  }
  return count;
}
