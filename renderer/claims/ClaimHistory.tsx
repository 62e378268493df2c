import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { describeEvent } from '../../shared/audit/describe';
import { HISTORY_PAGE_MAX, type HistoryKind } from '../../shared/audit/history';
import type { AuditEvent } from '../../shared/schema/audit';
import { client, errorMessage } from '../api';
import './history.css';

type HistoryOptions = {
  articleId: string;
  claimId?: string;
  who?: string;
  kind?: HistoryKind;
  /** Changes (e.g. the save state) when the history may have grown: the newest page is fetched again. */
  refreshKey?: unknown;
  pageSize: number;
  /** False while the history is not shown: nothing is fetched. */
  enabled?: boolean;
};

/**
 * Pages of an article's history, newest first: the first page on mount and whenever the query or
 * refreshKey changes, older pages on demand. An answer to an earlier request than the latest is dropped,
 * so a slow page never overwrites a newer one.
 */
export function useHistory({ articleId, claimId, who, kind, refreshKey, pageSize, enabled = true }: HistoryOptions) {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [total, setTotal] = useState(0);
  const [people, setPeople] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const loaded = useRef(0);

  const fetchPage = useCallback(
    (offset: number, limit: number, append: boolean) => {
      const request = ++latest.current;
      setLoading(true);
      client.getHistory({ id: articleId, claimId, who, kind, offset, limit: Math.min(limit, HISTORY_PAGE_MAX) }).then(
        (page) => {
          if (request !== latest.current) return;
          setEvents((prev) => {
            const next = append ? [...prev, ...page.events] : page.events;
            loaded.current = next.length;
            return next;
          });
          setTotal(page.total);
          setPeople(page.people);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (request !== latest.current) return;
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    },
    [articleId, claimId, who, kind],
  );

  // A new query starts again from its first page.
  useEffect(() => {
    loaded.current = 0;
  }, [fetchPage]);
  useEffect(() => {
    if (!enabled) return;
    // Keep as many events on screen as were shown: a refresh must not fold "Show older" back up.
    fetchPage(0, Math.max(pageSize, loaded.current), false);
  }, [fetchPage, refreshKey, pageSize, enabled]);

  const showOlder = () => fetchPage(events.length, pageSize, true);
  return { events, total, people, loading, error, showOlder };
}

/** History events as sentences: who, what, when; clipped values whole behind a disclosure. */
export function HistoryEntries({ events, label, claimLabel }: { events: AuditEvent[]; label: string; claimLabel?: (claimId: string) => string | null }) {
  const entries = useMemo(() => events.map((e) => describeEvent(e)), [events]);
  return (
    <ol className="history-list" aria-label={label}>
      {entries.map((h) => {
        const claim = h.claimId && claimLabel ? claimLabel(h.claimId) : null;
        return (
          <li key={h.id}>
            <p className="history-line">
              {claim && <span className="history-claim">{claim}: </span>}
              <strong>{h.who}</strong> {h.summary}{' '}
              <span className="history-when">
                — <time dateTime={h.at}>{h.when}</time>
              </span>
            </p>
            {h.full.length > 0 && (
              <details className="history-full">
                <summary>Show in full</summary>
                <dl>
                  {h.full.map((f, i) => (
                    <div key={i}>
                      <dt>{f.label}</dt>
                      <dd>{f.text}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** "Show older (12 more)", or nothing when everything is shown. */
export function ShowOlder({ shown, total, loading, onClick }: { shown: number; total: number; loading: boolean; onClick: () => void }) {
  if (shown >= total) return null;
  return (
    <button type="button" className="secondary history-older" onClick={onClick} disabled={loading}>
      Show older ({(total - shown).toLocaleString('en')} more)
    </button>
  );
}

type Props = { articleId: string; claimId: string; refreshKey?: unknown };

/** Events per page of a claim's history: the last few changes fit beside the claim without scrolling. */
const CLAIM_PAGE = 8;

/** One claim's history, newest first: "Ana Reviewer set the verdict from Mixed to False — 1 Dec, 11:40". */
export function ClaimHistory({ articleId, claimId, refreshKey }: Props) {
  const heading = useId();
  const { events, total, loading, error, showOlder } = useHistory({ articleId, claimId, refreshKey, pageSize: CLAIM_PAGE });
  return (
    <section className="history claim-history" aria-labelledby={heading}>
      <h3 id={heading}>History</h3>
      {error ? (
        <p className="field-error" role="alert">
          The history could not be loaded: {error}
        </p>
      ) : events.length === 0 ? (
        <p className="hint">{loading ? 'Loading history…' : 'No changes recorded yet.'}</p>
      ) : (
        <>
          <HistoryEntries events={events} label="History" />
          <ShowOlder shown={events.length} total={total} loading={loading} onClick={showOlder} />
        </>
      )}
    </section>
  );
}
