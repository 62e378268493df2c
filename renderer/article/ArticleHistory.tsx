import { useId, useState } from 'react';
import { HISTORY_KINDS, type HistoryKindName } from '../../shared/audit/describe';
import { HistoryEntries, ShowOlder, useHistory } from '../claims/ClaimHistory';
import '../claims/history.css';

type Props = {
  articleId: string;
  /** Changes when the history may have grown (e.g. the save state): the newest page is fetched again. */
  refreshKey?: unknown;
  /** How to name a claim in the list ("Claim 3"), or null when it is gone. */
  claimLabel?: (claimId: string) => string | null;
};

/** Events per page of the article's history. */
const ARTICLE_PAGE = 50;

/**
 * The article's whole history (import, text and detail edits, claims, comments, bundles, merges,
 * conflicts decided), newest first, filterable by person and by kind of change. Collapsed until opened;
 * nothing is fetched before.
 */
export function ArticleHistory({ articleId, refreshKey, claimLabel }: Props) {
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState('');
  const [kind, setKind] = useState<HistoryKindName | ''>('');
  const ids = useId();
  const { events, total, people, loading, error, showOlder } = useHistory({
    articleId,
    who: who || undefined,
    kind: kind || undefined,
    refreshKey,
    pageSize: ARTICLE_PAGE,
    enabled: open,
  });
  const filtered = who !== '' || kind !== '';
  return (
    <details className="history article-history" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Article history</summary>
      {open && (
        <div className="history-body">
          <div className="history-filters" role="group" aria-label="Filter the history">
            <label htmlFor={`${ids}-who`}>Person</label>
            <select id={`${ids}-who`} value={who} onChange={(e) => setWho(e.currentTarget.value)}>
              <option value="">Everyone</option>
              {people.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <label htmlFor={`${ids}-kind`}>Changes</label>
            <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as HistoryKindName | '')}>
              <option value="">All changes</option>
              {(Object.keys(HISTORY_KINDS) as HistoryKindName[]).map((k) => (
                <option key={k} value={k}>
                  {HISTORY_KINDS[k].label}
                </option>
              ))}
            </select>
            <span className="hint" aria-live="polite">
              {loading && events.length === 0 ? 'Loading history…' : `${total.toLocaleString('en')} ${total === 1 ? 'change' : 'changes'}${filtered ? ' match' : ''}`}
            </span>
          </div>
          {error ? (
            <p className="field-error" role="alert">
              The history could not be loaded: {error}
            </p>
          ) : (
            events.length > 0 && (
              <>
                <HistoryEntries events={events} label="Article history" claimLabel={claimLabel} />
                <ShowOlder shown={events.length} total={total} loading={loading} onClick={showOlder} />
              </>
            )
          )}
        </div>
      )}
    </details>
  );
}
