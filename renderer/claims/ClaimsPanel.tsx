import { useEffect, useRef } from 'react';
import { ATTRIBUTION_KIND_LABELS, ATTRIBUTION_KINDS, STATUS_LABELS, STATUSES, type ClaimData } from '../../shared/schema/claim';
import { isFiltered, matchesFilter, NO_FILTER, progress, type ClaimFilter } from './filters';
import { SHORTCUT_HELP } from './shortcuts';
import { clipQuote } from './clipQuote';

export type ClaimRow = { id: string; number: number | null; quote: string; orphaned: boolean; data: ClaimData };

type Props = {
  rows: ClaimRow[];
  selected: string | null;
  scale: readonly string[];
  filter: ClaimFilter;
  onFilter: (f: ClaimFilter) => void;
  onSelect: (id: string) => void;
  onMark: () => void;
  canMark: boolean;
  children?: React.ReactNode;
};


/** The article's claims in document order (orphans last), with filters and progress. */
export function ClaimsPanel({ rows, selected, scale, filter, onFilter, onSelect, onMark, canMark, children }: Props) {
  const { done, total } = progress(rows.map((r) => r.data));
  const visible = rows.filter((r) => matchesFilter(r.data, filter));
  const selectedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <aside className="claims-panel" aria-label="Claims">
      <div className="claims-head">
        <h2>Claims</h2>
        <span className="progress" data-testid="claims-progress">
          {done} of {total} done
        </span>
        <button type="button" onClick={onMark} disabled={!canMark} title="Ctrl+Alt+M">
          Mark claim
        </button>
      </div>
      <div className="claim-filters" role="group" aria-label="Filter claims">
        <label>
          Status{' '}
          <select value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.currentTarget.value as ClaimFilter['status'] })}>
            <option value="any">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Verdict{' '}
          <select value={filter.verdict} onChange={(e) => onFilter({ ...filter, verdict: e.currentTarget.value })}>
            <option value="any">Any</option>
            <option value="none">No verdict</option>
            {scale.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Attribution{' '}
          <select value={filter.attribution} onChange={(e) => onFilter({ ...filter, attribution: e.currentTarget.value as ClaimFilter['attribution'] })}>
            <option value="any">Any</option>
            {ATTRIBUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {ATTRIBUTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={filter.weakSourcingOnly} onChange={(e) => onFilter({ ...filter, weakSourcingOnly: e.currentTarget.checked })} /> Weak sourcing
        </label>
        {isFiltered(filter) && (
          <button type="button" className="link-button" onClick={() => onFilter(NO_FILTER)}>
            Clear filters ({visible.length} of {rows.length} shown)
          </button>
        )}
      </div>
      <p className="claim-key" aria-label="How claims are shown in the text">
        Underline:{' '}
        {STATUSES.map((s) => (
          <span key={s} className={`key-${s}`}>
            {STATUS_LABELS[s].toLowerCase()}
          </span>
        ))}
      </p>
      {rows.length === 0 ? (
        <p className="hint">Select words in the article and press Mark claim (Ctrl+Alt+M).</p>
      ) : (
        <ol className="claim-list" aria-label="Claim list">
          {visible.map((r) => (
            <li key={r.id} className={`claim-row claim-row-${r.data.verification.status}${r.orphaned ? ' orphaned' : ''}`}>
              <button
                type="button"
                ref={r.id === selected ? selectedRef : undefined}
                aria-current={r.id === selected ? 'true' : undefined}
                data-claim-row={r.id}
                onClick={() => onSelect(r.id)}
              >
                <span className="claim-number">{r.orphaned ? 'Orphaned' : `#${r.number}`}</span>
                <span className="claim-row-quote">{clipQuote(r.quote, 140)}</span>
                <span className="claim-row-meta">
                  {STATUS_LABELS[r.data.verification.status]} · {r.data.verification.verdict ?? 'no verdict'} · attribution: {ATTRIBUTION_KIND_LABELS[r.data.attribution.kind].toLowerCase()}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {children}
      <details className="shortcut-help">
        <summary>Keyboard shortcuts</summary>
        <dl>
          {SHORTCUT_HELP.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </details>
    </aside>
  );
}
