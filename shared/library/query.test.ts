import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../schema/article';
import { countLabel, dateRangeProblem, DEFAULT_SORT, filterArticles, hasFilters, nextSort, NO_FILTERS, publishersOf, sortArticles, SORT_KEYS } from './query';

let n = 0;
function a(over: Partial<ArticleSummary>): ArticleSummary {
  n += 1;
  return {
    id: `article-${String(n).padStart(4, '0')}`,
    title: `Title ${n}`,
    publisher: '',
    publishedAt: '',
    importedAt: `2026-11-${String(n).padStart(2, '0')}T09:00:00.000Z`,
    wordCount: 100,
    claimCount: 0,
    doneCount: 0,
    ...over,
  };
}

const ids = (list: ArticleSummary[]) => list.map((x) => x.title);

describe('sortArticles', () => {
  const list = [
    a({ title: 'Élan vital', publisher: 'Reuters', publishedAt: '2025-03-01', wordCount: 300, claimCount: 4, doneCount: 1 }),
    a({ title: 'apple harvest', publisher: '', publishedAt: '', wordCount: 50, claimCount: 4, doneCount: 3 }),
    a({ title: 'Article 10', publisher: 'AFP', publishedAt: '2024-12-26', wordCount: 300, claimCount: 0 }),
    a({ title: 'Article 9', publisher: 'reuters', publishedAt: '2025-01-15', wordCount: 1200, claimCount: 2, doneCount: 2 }),
  ];
  it('sorts titles alphabetically ignoring case and accents, numbers numerically', () => {
    expect(ids(sortArticles(list, { key: 'title', dir: 'asc' }))).toEqual(['apple harvest', 'Article 9', 'Article 10', 'Élan vital']);
    expect(ids(sortArticles(list, { key: 'title', dir: 'desc' }))).toEqual(['Élan vital', 'Article 10', 'Article 9', 'apple harvest']);
  });
  it('puts missing publishers and dates last in both directions', () => {
    expect(ids(sortArticles(list, { key: 'published', dir: 'asc' })).at(-1)).toBe('apple harvest');
    expect(ids(sortArticles(list, { key: 'published', dir: 'desc' })).at(-1)).toBe('apple harvest');
    expect(ids(sortArticles(list, { key: 'publisher', dir: 'desc' })).at(-1)).toBe('apple harvest');
    expect(ids(sortArticles(list, { key: 'published', dir: 'asc' }))).toEqual(['Article 10', 'Article 9', 'Élan vital', 'apple harvest']);
  });
  it('breaks ties by the newest import, so the order is stable', () => {
    // Reuters and reuters compare equal; the later import (Article 9) comes first.
    expect(ids(sortArticles(list, { key: 'publisher', dir: 'asc' }))).toEqual(['Article 10', 'Article 9', 'Élan vital', 'apple harvest']);
    expect(ids(sortArticles(list, { key: 'words', dir: 'desc' }))).toEqual(['Article 9', 'Article 10', 'Élan vital', 'apple harvest']);
  });
  it('sorts claims by count, then by how many are done', () => {
    expect(ids(sortArticles(list, { key: 'claims', dir: 'desc' }))).toEqual(['apple harvest', 'Élan vital', 'Article 9', 'Article 10']);
  });
  it('defaults to the newest import first', () => {
    expect(ids(sortArticles(list, DEFAULT_SORT))).toEqual(['Article 9', 'Article 10', 'apple harvest', 'Élan vital']);
  });
  it('every key sorts without throwing and keeps every article', () => {
    for (const key of SORT_KEYS) for (const dir of ['asc', 'desc'] as const) expect(sortArticles(list, { key, dir })).toHaveLength(4);
  });
  it('does not change its input', () => {
    const before = ids(list);
    sortArticles(list, { key: 'title', dir: 'asc' });
    expect(ids(list)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column, starts a new column in its natural direction', () => {
    expect(nextSort({ key: 'title', dir: 'asc' }, 'title')).toEqual({ key: 'title', dir: 'desc' });
    expect(nextSort({ key: 'title', dir: 'asc' }, 'words')).toEqual({ key: 'words', dir: 'desc' });
    expect(nextSort({ key: 'words', dir: 'desc' }, 'publisher')).toEqual({ key: 'publisher', dir: 'asc' });
  });
});

describe('filterArticles', () => {
  const list = [
    a({ title: 'open', publisher: 'AFP', publishedAt: '2025-01-10', claimCount: 3, doneCount: 1 }),
    a({ title: 'done', publisher: 'AFP', publishedAt: '2025-02-10', claimCount: 2, doneCount: 2 }),
    a({ title: 'none', publisher: 'Reuters', publishedAt: '', claimCount: 0 }),
    a({ title: 'late', publisher: 'Reuters', publishedAt: '2025-03-31', claimCount: 1, doneCount: 0 }),
  ];
  it('no filters: everything', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(filterArticles(list, NO_FILTERS)).toHaveLength(4);
  });
  it('unfinished claims: articles with a claim not done', () => {
    expect(ids(filterArticles(list, { ...NO_FILTERS, unfinished: true }))).toEqual(['open', 'late']);
  });
  it('publisher: exactly that one', () => {
    expect(ids(filterArticles(list, { ...NO_FILTERS, publisher: 'Reuters' }))).toEqual(['none', 'late']);
  });
  it('date range: inclusive both ends, articles without a date left out', () => {
    expect(ids(filterArticles(list, { ...NO_FILTERS, from: '2025-02-10' }))).toEqual(['done', 'late']);
    expect(ids(filterArticles(list, { ...NO_FILTERS, to: '2025-02-10' }))).toEqual(['open', 'done']);
    expect(ids(filterArticles(list, { ...NO_FILTERS, from: '2025-01-11', to: '2025-03-31' }))).toEqual(['done', 'late']);
  });
  it('a reversed range matches nothing and says why', () => {
    const f = { ...NO_FILTERS, from: '2025-03-01', to: '2025-01-01' };
    expect(filterArticles(list, f)).toEqual([]);
    expect(dateRangeProblem(f)).toMatch(/after/);
    expect(dateRangeProblem({ ...NO_FILTERS, from: '2025-01-01' })).toBeNull();
  });
  it('filters combine', () => {
    expect(ids(filterArticles(list, { unfinished: true, publisher: 'AFP', from: '2025-01-01', to: '' }))).toEqual(['open']);
  });
});

describe('publishersOf and countLabel', () => {
  it('lists each publisher once, sorted, without blanks', () => {
    expect(publishersOf([a({ publisher: 'Reuters' }), a({ publisher: '' }), a({ publisher: 'AFP' }), a({ publisher: 'Reuters' })])).toEqual(['AFP', 'Reuters']);
  });
  it('says how many are shown', () => {
    expect(countLabel(12, 12, false)).toBe('12 articles');
    expect(countLabel(3, 10000, true)).toBe('3 of 10,000 articles');
    expect(countLabel(1, 1, false)).toBe('1 article');
  });
});
