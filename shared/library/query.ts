/** The library's sort and filters over article summaries: pure, so the list and its tests agree. */
import { z } from 'zod';
import type { ArticleSummary } from '../schema/article';

export const SORT_KEYS = ['title', 'publisher', 'published', 'imported', 'words', 'claims'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The column headers, in order. */
export const SORT_LABELS: Record<SortKey, string> = {
  title: 'Title',
  publisher: 'Publisher',
  published: 'Published',
  imported: 'Imported',
  words: 'Words',
  claims: 'Claims',
};

export const LibrarySort = z.object({ key: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) });
export type LibrarySort = z.infer<typeof LibrarySort>;

/** Newest import first: what a desk looks for after importing. */
export const DEFAULT_SORT: LibrarySort = { key: 'imported', dir: 'desc' };

/** The direction a column sorts in when first chosen: text A–Z, numbers and dates largest/newest first. */
export function firstDirection(key: SortKey): LibrarySort['dir'] {
  return key === 'title' || key === 'publisher' ? 'asc' : 'desc';
}

/** A click on a header: the other direction on the same column, the column's first direction on another. */
export function nextSort(current: LibrarySort, key: SortKey): LibrarySort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: firstDirection(key) };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The value sorted on; null for a missing one, which sorts last in both directions. */
function valueOf(a: ArticleSummary, key: SortKey): string | number | null {
  switch (key) {
    case 'title':
      return a.title.trim() || null;
    case 'publisher':
      return a.publisher.trim() || null;
    case 'published':
      return a.publishedAt || null;
    case 'imported':
      return a.importedAt;
    case 'words':
      return a.wordCount;
    case 'claims':
      // More claims first; among equal counts, more of them done.
      return a.claimCount * 1_000_000 + a.doneCount;
  }
}

/** Words by the collator (case, accents, numbers as numbers); ISO dates and counts as they are, which is faster. */
function compareValues(key: SortKey, x: string | number, y: string | number): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (key === 'title' || key === 'publisher') return collator.compare(String(x), String(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

const byString = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** A sorted copy. Ties fall back to the newest import, then the id, so the order never flickers. */
export function sortArticles(list: readonly ArticleSummary[], sort: LibrarySort): ArticleSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = list.map((a) => ({ a, v: valueOf(a, sort.key) }));
  keyed.sort((p, q) => {
    if (p.v === null || q.v === null) {
      if (p.v !== q.v) return p.v === null ? 1 : -1;
    } else {
      const c = compareValues(sort.key, p.v, q.v);
      if (c !== 0) return sign * c;
    }
    return byString(q.a.importedAt, p.a.importedAt) || byString(p.a.id, q.a.id);
  });
  return keyed.map((k) => k.a);
}

export type LibraryFilters = {
  /** Only articles with claims that are not done. */
  unfinished: boolean;
  /** '' for every publisher. */
  publisher: string;
  /** Published on or after / on or before (yyyy-mm-dd, '' for open). */
  from: string;
  to: string;
};

export const NO_FILTERS: LibraryFilters = { unfinished: false, publisher: '', from: '', to: '' };

export function hasFilters(f: LibraryFilters): boolean {
  return f.unfinished || f.publisher !== '' || f.from !== '' || f.to !== '';
}

export const hasUnfinishedClaims = (a: ArticleSummary) => a.claimCount > a.doneCount;

/** A date range whose start is after its end matches nothing: said to the person rather than guessed. */
export function dateRangeProblem(f: LibraryFilters): string | null {
  return f.from !== '' && f.to !== '' && f.from > f.to ? 'The “from” date is after the “to” date, so no article can match.' : null;
}

/** The articles the filters keep. An article without a published date is left out once a date bound is set. */
export function filterArticles(list: readonly ArticleSummary[], f: LibraryFilters): ArticleSummary[] {
  if (!hasFilters(f)) return [...list];
  return list.filter((a) => {
    if (f.unfinished && !hasUnfinishedClaims(a)) return false;
    if (f.publisher !== '' && a.publisher !== f.publisher) return false;
    if (f.from !== '' || f.to !== '') {
      const d = a.publishedAt.slice(0, 10);
      if (d === '') return false;
      if (f.from !== '' && d < f.from) return false;
      if (f.to !== '' && d > f.to) return false;
    }
    return true;
  });
}

/** The desk's publishers, each once, in alphabetical order. */
export function publishersOf(list: readonly ArticleSummary[]): string[] {
  const names = new Set<string>();
  for (const a of list) if (a.publisher.trim() !== '') names.add(a.publisher);
  return [...names].sort(collator.compare);
}

/** "12 articles", or "3 of 12 articles" while a search or filter hides some. */
export function countLabel(shown: number, total: number, narrowed: boolean): string {
  const noun = total === 1 ? 'article' : 'articles';
  return narrowed ? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}` : `${total.toLocaleString('en')} ${noun}`;
}
