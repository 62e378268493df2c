import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { queryTerms, type Snippet } from '../../shared/library/search';
import { client, errorMessage } from '../api';

const NO_SNIPPETS: Readonly<Record<string, Snippet>> = {};

export type SearchState = {
  /** The words of the query as typed, folded: what titles are highlighted with. */
  terms: string[];
  /** The ids found by the newest finished search (null: no search active, every article is shown). */
  hits: ReadonlySet<string> | null;
  /** Snippets of the text, for hits where a word was found only there. */
  snippets: Readonly<Record<string, Snippet>>;
  /** A newer query than the one `hits` answers is on its way. */
  searching: boolean;
  error: string | null;
  /** Runs the current query again (after a restore, which search must see). */
  refresh: () => void;
};

/**
 * Search as you type, against the Node side. One call at a time: while it runs, keystrokes only update
 * the wanted query; when it returns, the newest query goes next. So answers never arrive out of order,
 * and a fast typist costs one search per round trip, not one per key.
 */
export function useLibrarySearch(query: string): SearchState {
  const [result, setResult] = useState<{ query: string; version: number; hits: ReadonlySet<string>; snippets: Readonly<Record<string, Snippet>> } | null>(null);
  const [error, setError] = useState<{ query: string; version: number; message: string } | null>(null);
  const [version, setVersion] = useState(0);
  const wanted = useRef({ query, version });
  const inFlight = useRef(false);
  const alive = useRef(true);

  const kick = useCallback(() => {
    if (inFlight.current) return;
    const { query: q, version: v } = wanted.current;
    if (queryTerms(q).length === 0) return;
    inFlight.current = true;
    client.searchArticles({ query: q }).then(
      (r) => {
        inFlight.current = false;
        if (!alive.current) return;
        setError(null);
        setResult({ query: q, version: v, hits: new Set(r.ids), snippets: r.snippets });
        if (wanted.current.query !== q || wanted.current.version !== v) kick();
      },
      (e: unknown) => {
        inFlight.current = false;
        if (!alive.current) return;
        setError({ query: q, version: v, message: errorMessage(e) });
        if (wanted.current.query !== q || wanted.current.version !== v) kick();
      },
    );
  }, []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = { query, version };
    if (queryTerms(query).length === 0) {
      setResult(null);
      setError(null);
      return;
    }
    kick();
  }, [query, version, kick]);

  const terms = useMemo(() => queryTerms(query), [query]);
  const active = terms.length > 0;
  const answers = (x: { query: string; version: number } | null) => x !== null && x.query === query && x.version === version;
  return {
    terms,
    hits: active ? (result?.hits ?? null) : null,
    snippets: (active && result?.snippets) || NO_SNIPPETS,
    searching: active && !answers(result) && !answers(error),
    error: active && answers(error) ? error!.message : null,
    refresh: useCallback(() => setVersion((n) => n + 1), []),
  };
}
