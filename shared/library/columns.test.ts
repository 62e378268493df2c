import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../schema/article';
import { fromColumns, LibraryColumns, toColumns } from './columns';

const a = (id: string, over: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  title: `Title ${id}`,
  publisher: 'AFP',
  publishedAt: '2025-01-02',
  importedAt: '2026-11-28T09:00:00.000Z',
  wordCount: 10,
  claimCount: 2,
  doneCount: 1,
  ...over,
});

describe('library columns', () => {
  it('round-trip the summaries exactly, damaged ones included', () => {
    const list = [a('article-0001'), a('article-0002', { damaged: 'Its file and backup cannot be read.' }), a('article-0003', { publisher: '' })];
    const cols = toColumns(list);
    expect(LibraryColumns.parse(cols)).toEqual(cols);
    expect(fromColumns(cols)).toEqual(list);
  });
  it('refuse columns of different lengths and bad ids', () => {
    const cols = toColumns([a('article-0001'), a('article-0002')]);
    expect(LibraryColumns.safeParse({ ...cols, title: ['one'] }).success).toBe(false);
    expect(LibraryColumns.safeParse({ ...cols, id: ['../x', 'article-0002'] }).success).toBe(false);
    expect(LibraryColumns.safeParse({ ...cols, wordCount: [1.5, 2] }).success).toBe(false);
    expect(LibraryColumns.safeParse({ ...cols, claimCount: [-1, 2] }).success).toBe(false);
  });
  it('an empty desk is empty columns', () => {
    expect(fromColumns(toColumns([]))).toEqual([]);
  });
});
