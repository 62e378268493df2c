/**
 * Word-by-word difference of two versions' plain texts (the `diff` package's word tokenizer, whitespace
 * kept), as segments with their offsets in both texts and as changes (a removal and the addition in its
 * place, one change). Offsets are UTF-16 code units, end exclusive, as claim selectors are.
 */
import { diffWordsWithSpace } from 'diff';

export type DiffSegment = { kind: 'same' | 'removed' | 'added'; text: string; oldStart: number; newStart: number };

/** Old text [oldStart, oldEnd) became new text [newStart, newEnd); either side may be empty. */
export type TextChange = { oldStart: number; oldEnd: number; newStart: number; newEnd: number; removed: string; added: string };

export type TextDiff = { segments: DiffSegment[]; changes: TextChange[] };

export function diffTexts(oldText: string, newText: string): TextDiff {
  const segments: DiffSegment[] = [];
  const changes: TextChange[] = [];
  let o = 0;
  let n = 0;
  let open: TextChange | null = null;
  for (const part of diffWordsWithSpace(oldText, newText)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    segments.push({ kind, text: part.value, oldStart: o, newStart: n });
    if (kind === 'same') {
      open = null;
      o += part.value.length;
      n += part.value.length;
      continue;
    }
    if (!open) {
      open = { oldStart: o, oldEnd: o, newStart: n, newEnd: n, removed: '', added: '' };
      changes.push(open);
    }
    if (kind === 'removed') {
      o += part.value.length;
      open.oldEnd = o;
      open.removed += part.value;
    } else {
      n += part.value.length;
      open.newEnd = n;
      open.added += part.value;
    }
  }
  return { segments, changes };
}

/**
 * Where an old offset is in the new text. Outside every change it moves by the changes before it; inside
 * a change it has no exact place, and goes to the change's start (assoc -1) or end (assoc 1), with
 * `exact` false so a caller knows the words there are not the same.
 */
export function mapOffset(diff: TextDiff, offset: number, assoc: -1 | 1): { pos: number; exact: boolean } {
  let delta = 0;
  for (const c of diff.changes) {
    if (offset < c.oldStart || (offset === c.oldStart && (assoc < 0 || c.oldEnd > c.oldStart))) break;
    if (offset < c.oldEnd || (offset === c.oldEnd && assoc < 0 && c.oldEnd > c.oldStart)) {
      return { pos: assoc < 0 ? c.newStart : c.newEnd, exact: false };
    }
    delta = c.newEnd - c.oldEnd;
  }
  return { pos: offset + delta, exact: true };
}
