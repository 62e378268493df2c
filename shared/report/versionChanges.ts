/**
 * The report's "Changes since first seen" (issue #14): the article's versions, the claims a newer version
 * changed or took away (with their first and current words), the claims it only moved, and the other
 * changes to the text between version 1 and the current version that touch no claim. Computed once from
 * the stored versions for every readable report; none when the article has only its first version.
 */
import { articleSchema } from '../doc/schema';
import { docPlainText } from '../doc/plainText';
import type { ArticleRecord } from '../schema/article';
import type { ImportOrigin } from '../schema/articleMeta';
import { claimChangesSinceFirstSeen, type ClaimChange } from '../versions/changesSinceFirstSeen';
import { calloutsOf, type Callout } from '../versions/callouts';
import { diffTexts, type TextChange, withoutSharedSpace } from '../versions/diff';


export type ReportVersion = { number: number; importedAt: string; importedBy: string; origin: ImportOrigin; wordCount: number; headline: string; current: boolean };

/** A change to the text outside every claim, with a little of the current text either side. */
export type ReportTextChange = {
  before: string;
  removed: string;
  added: string;
  after: string;
  /** What kind of words it changed (figures, dates, names, attribution), as the diff view calls them out. */
  callouts: Callout[];
};


/** A claim's words split into the runs a change kept and the runs it changed. */
export type WordRun = { text: string; changed: boolean };

export type ReportClaimChange = ClaimChange & {
  /** The first-seen words, the ones the change took out marked. */
  first: WordRun[];
  /** The words now, the ones the change put in marked; null when gone. */
  now: WordRun[] | null;
  /** What kind of words changed in it; none when it is gone or only moved. */
  callouts: Callout[];
};

export type ChangesSinceFirstSeen = {
  versions: ReportVersion[];
  /** Claims whose words changed or are gone, gone first. */
  altered: ReportClaimChange[];
  moved: ReportClaimChange[];
  /** Version 1 against the current version, outside the claims, at most MAX_TEXT_CHANGES. */
  text: ReportTextChange[];
  /** How many more text changes there are than are listed. */
  moreText: number;
};

/**
 * How many other text changes a report lists. A stealth edit of a figure or a name is a handful of
 * changes; a rewrite is hundreds, and then the count says more than the list would.
 */
export const MAX_TEXT_CHANGES = 12;
/** How much of a change, and of the text around it, a report shows (characters). */
const MAX_CHANGE_CHARS = 300;
const CONTEXT_CHARS = 60;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** Up to CONTEXT_CHARS before `at`, starting at a word and never before the start of its block. */
function contextBefore(text: string, at: number): string {
  const from = Math.max(0, at - CONTEXT_CHARS, text.lastIndexOf('\n', at - 1) + 1);
  let s = text.slice(from, at);
  if (from > 0 && text[from - 1] !== '\n' && /\S/.test(text[from - 1]!)) s = s.replace(/^\S*/, '…');
  return s;
}

function contextAfter(text: string, at: number): string {
  const nl = text.indexOf('\n', at);
  const to = Math.min(text.length, at + CONTEXT_CHARS, nl < 0 ? text.length : nl);
  let s = text.slice(at, to);
  if (to < text.length && text[to] !== '\n' && /\S/.test(text[to]!)) s = s.replace(/\S*$/, '…');
  return s;
}

function wordRuns(c: ClaimChange): Pick<ReportClaimChange, 'first' | 'now' | 'callouts'> {
  if (c.currentWords === null) return { first: [{ text: c.firstWords, changed: false }], now: null, callouts: [] };
  const first: WordRun[] = [];
  const now: WordRun[] = [];
  for (const seg of diffTexts(c.firstWords, c.currentWords).segments) {
    if (seg.kind !== 'added') first.push({ text: seg.text, changed: seg.kind === 'removed' });
    if (seg.kind !== 'removed') now.push({ text: seg.text, changed: seg.kind === 'added' });
  }
  return { first, now, callouts: c.outcome === 'changed' ? calloutsOf({ removed: c.firstWords, added: c.currentWords }) : [] };
}

type Range = [number, number];
const ranges = (text: string, words: Iterable<string>): Range[] => {
  const out: Range[] = [];
  for (const w of words) {
    const at = w === '' ? -1 : text.indexOf(w);
    if (at >= 0) out.push([at, at + w.length]);
  }
  return out;
};
/** Whether [start, end) meets a claim's words; an insertion (start = end) meets the words it falls inside. */
const touches = (start: number, end: number, claims: Range[]) => claims.some(([a, b]) => (start === end ? a < start && start < b : start < b && a < end));

/**
 * Word changes a few characters apart in one block merged into one: a reworded headline reads as its old
 * words and its new words, not as six single-word swaps. MERGE_GAP trades a tidy list against showing
 * unchanged words inside a change.
 */
const MERGE_GAP = 16;
function mergeNear(changes: readonly TextChange[], oldText: string, newText: string): TextChange[] {
  const out: TextChange[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    const gap = last ? newText.slice(last.newEnd, c.newStart) : '';
    if (last && gap.length <= MERGE_GAP && !gap.includes('\n')) {
      Object.assign(last, { oldEnd: c.oldEnd, newEnd: c.newEnd });
      last.removed = oldText.slice(last.oldStart, last.oldEnd);
      last.added = newText.slice(last.newStart, last.newEnd);
    } else out.push({ ...c });
  }
  return out;
}

export function changesSinceFirstSeen(article: Pick<ArticleRecord, 'versions' | 'claims'>): ChangesSinceFirstSeen | null {
  const versions = [...article.versions].sort((a, b) => a.number - b.number);
  if (versions.length < 2) return null;
  const claims = claimChangesSinceFirstSeen(versions);
  const first = docPlainText(articleSchema.nodeFromJSON(versions[0]!.doc));
  const current = docPlainText(articleSchema.nodeFromJSON(versions.at(-1)!.doc));
  const changedIds = new Map(claims.map((c) => [c.claimId, c]));
  // Where the claims' words are in each text: their first-seen words in version 1, their words now in the current one.
  const inFirst = ranges(first, article.claims.map((c) => changedIds.get(c.data.id)?.firstWords ?? c.target.quote.exact));
  const inCurrent = ranges(current, article.claims.filter((c) => !c.target.orphaned).map((c) => c.target.quote.exact));
  const other = mergeNear(diffTexts(first, current).changes.map(withoutSharedSpace), first, current).filter(
    (ch) => (ch.removed.trim() !== '' || ch.added.trim() !== '') && !touches(ch.oldStart, ch.oldEnd, inFirst) && !touches(ch.newStart, ch.newEnd, inCurrent),
  );
  return {
    versions: versions.map((v) => ({ number: v.number, importedAt: v.importedAt, importedBy: v.importedBy, origin: v.origin, wordCount: v.wordCount, headline: v.meta.title, current: v === versions.at(-1) })),
    altered: claims.filter((c) => c.outcome !== 'moved').map((c) => ({ ...c, ...wordRuns(c) })),
    moved: claims.filter((c) => c.outcome === 'moved').map((c) => ({ ...c, ...wordRuns(c) })),
    text: other.slice(0, MAX_TEXT_CHANGES).map((ch) => ({
      before: contextBefore(current, ch.newStart),
      removed: cut(ch.removed, MAX_CHANGE_CHARS),
      added: cut(ch.added, MAX_CHANGE_CHARS),
      after: contextAfter(current, ch.newEnd),
      callouts: calloutsOf(ch),
    })),
    moreText: Math.max(0, other.length - MAX_TEXT_CHANGES),
  };
}
