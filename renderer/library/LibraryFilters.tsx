import { forwardRef } from 'react';
import { dateRangeProblem, hasFilters, type LibraryFilters } from '../../shared/library/query';
import { MAX_QUERY_CHARS } from '../../shared/library/search';

type Props = {
  query: string;
  onQuery: (q: string) => void;
  filters: LibraryFilters;
  onFilters: (f: LibraryFilters) => void;
  publishers: readonly string[];
  searchError: string | null;
  onClear: () => void;
};

/** Search box and filters. The search box takes `/` (see LibraryView). */
export const LibraryFiltersBar = forwardRef<HTMLInputElement, Props>(function LibraryFiltersBar(
  { query, onQuery, filters, onFilters, publishers, searchError, onClear },
  searchRef,
) {
  const set = (patch: Partial<LibraryFilters>) => onFilters({ ...filters, ...patch });
  const problem = dateRangeProblem(filters);
  const narrowed = query.trim() !== '' || hasFilters(filters);
  return (
    <div className="library-filters">
      <div className="library-search">
        <label htmlFor="library-search-input">Search</label>
        <input
          id="library-search-input"
          ref={searchRef}
          type="search"
          value={query}
          placeholder="Title, publisher, byline or text"
          maxLength={MAX_QUERY_CHARS}
          aria-keyshortcuts="/"
          aria-describedby="library-search-hint"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              onQuery('');
            }
          }}
        />
        <span id="library-search-hint" className="visually-hidden">
          Press / to come back here. Every word must appear; case and accents are ignored.
        </span>
      </div>
      <label className="library-check">
        <input type="checkbox" checked={filters.unfinished} onChange={(e) => set({ unfinished: e.currentTarget.checked })} />
        Has unfinished claims
      </label>
      <div className="library-field">
        <label htmlFor="library-publisher">Publisher</label>
        <select id="library-publisher" value={filters.publisher} onChange={(e) => set({ publisher: e.currentTarget.value })}>
          <option value="">All publishers</option>
          {publishers.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="library-field" role="group" aria-labelledby="library-dates-label">
        <span id="library-dates-label">Published</span>
        <div className="library-dates">
        <input
          id="library-from"
          type="date"
          aria-label="Published from"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <span aria-hidden="true">–</span>
        <input id="library-to" type="date" aria-label="Published to" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.currentTarget.value })} />
        </div>
      </div>
      <button type="button" className="secondary" disabled={!narrowed} onClick={onClear}>
        Clear filters
      </button>
      {(problem || searchError) && (
        <p className="library-problem" role="alert">
          {problem ?? searchError}
        </p>
      )}
    </div>
  );
});
