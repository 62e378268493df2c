import { useCallback, useState } from 'react';
import { DEFAULT_SORT, LibrarySort } from '../../shared/library/query';

const KEY = 'claimdesk.library.sort';

function load(): LibrarySort {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed = raw === null ? null : LibrarySort.safeParse(JSON.parse(raw));
    return parsed?.success ? parsed.data : DEFAULT_SORT;
  } catch {
    // Storage off or a value that is not JSON: the default, as on a first run.
    return DEFAULT_SORT;
  }
}

/** The library's sort, remembered in this browser profile (localStorage) across restarts. */
export function useStoredSort(): [LibrarySort, (next: LibrarySort) => void] {
  const [sort, setSort] = useState<LibrarySort>(load);
  const update = useCallback((next: LibrarySort) => {
    setSort(next);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Private mode or a full quota: the sort still applies for this visit.
    }
  }, []);
  return [sort, update];
}
