import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ATTRIBUTION_KIND_LABELS, ATTRIBUTION_KINDS, isWeakSourcing, STATUS_LABELS, STATUSES } from '../../shared/schema/claim';
import { rowContexts } from '../../shared/claims/rowContext';
import { isFiltered, matchesFilter, NO_FILTER, progress, type ClaimFilter } from './filters';
import { SHORTCUT_HELP } from './shortcuts';
import type { ClaimRow } from './claimRows';
import { StatusMark, VerdictChip } from './chips';

export type { ClaimRow } from './claimRows';

type Props = {
  rows: ClaimRow[];
  selected: string | null;
  scale: readonly string[];
  filter: ClaimFilter;
  onFilter: (f: ClaimFilter) => void;
  onSelect: (id: string) => void;
  /** Enter on a row: the claim's inspector takes the focus. */
  onOpen: (id: string) => void;
  /** Claims with a merge conflict waiting for a decision. */
  conflicted: ReadonlySet<string>;
  /** Claims a publisher's later version changed or removed: "changed in v2". */
  versionFlags?: ReadonlyMap<string, string>;
  /** What sits above the list (the review handoff summary). */
  children?: ReactNode;
};

/** The article's claims in document order (orphans last): a listbox, with compact filters and progress. */
export function ClaimsPanel({ rows, selected, scale, filter, onFilter, onSelect, onOpen, conflicted, versionFlags, children }: Props) {
  const { done, total } = progress(rows.map((r) => r.data));
  const visible = rows.filter((r) => matchesFilter(r.data, filter));
  const contexts = useMemo(() => rowContexts(rows), [rows]);
  const list = useRef<HTMLUListElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filterPanel = useId();
  const focusable = visible.some((r) => r.id === selected) ? selected : (visible[0]?.id ?? null);

  useEffect(() => {
    if (!selected) return;
    list.current?.querySelector(`[data-claim-row="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const focusRow = (id: string) => list.current?.querySelector<HTMLElement>(`[data-claim-row="${CSS.escape(id)}"]`)?.focus();
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const at = visible.findIndex((r) => r.id === (e.target as HTMLElement).dataset.claimRow);
    let to: number | null = null;
    if (e.key === 'ArrowDown') to = Math.min(at + 1, visible.length - 1);
    else if (e.key === 'ArrowUp') to = Math.max(at - 1, 0);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = visible.length - 1;
    else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      e.preventDefault();
      const id = visible[at]!.id;
      if (id !== selected) onSelect(id);
      if (e.key === 'Enter') onOpen(id);
      return;
    }
    const row = to === null ? undefined : visible[to];
    if (!row) return;
    e.preventDefault();
    if (row.id !== selected) onSelect(row.id);
    focusRow(row.id);
  };

  const filtered = isFiltered(filter);
  const activeFilters = [filter.status !== 'any', filter.verdict !== 'any', filter.attribution !== 'any'].filter(Boolean).length;

  return (
    <div className="claims-panel">
      <div className="claims-head">
        <h2 id="claims-heading">Claims</h2>
        <span className="progress" data-testid="claims-progress">
          {done} of {total} done
        </span>
      </div>
      <meter className="claims-meter" min={0} max={Math.max(total, 1)} value={done} aria-label="Claims done" />
      {children}
      <div className="claim-filters" role="group" aria-label="Filter claims">
        <label className="chip-toggle">
          <input type="checkbox" checked={filter.weakSourcingOnly} onChange={(e) => onFilter({ ...filter, weakSourcingOnly: e.currentTarget.checked })} /> Weak sourcing
        </label>
        <button type="button" className="chip-button" aria-expanded={filtersOpen} aria-controls={filterPanel} onClick={() => setFiltersOpen((o) => !o)}>
          Filter{activeFilters > 0 ? ` (${activeFilters})` : ''}
        </button>
        {filtered && (
          <button type="button" className="link-button" onClick={() => onFilter(NO_FILTER)}>
            Clear ({visible.length} of {rows.length} shown)
          </button>
        )}
      </div>
      {filtersOpen && (
        <div className="claim-filter-panel" id={filterPanel}>
          <ChipChoice legend="Status" value={filter.status} options={[{ value: 'any', label: 'Any' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]} onChange={(status) => onFilter({ ...filter, status })} />
          <ChipChoice
            legend="Verdict"
            value={filter.verdict}
            options={[{ value: 'any', label: 'Any' }, { value: 'none', label: 'No verdict' }, ...scale.map((l) => ({ value: l, label: l }))]}
            onChange={(verdict) => onFilter({ ...filter, verdict })}
          />
          <ChipChoice
            legend="Attribution"
            value={filter.attribution}
            options={[{ value: 'any', label: 'Any' }, ...ATTRIBUTION_KINDS.map((k) => ({ value: k, label: ATTRIBUTION_KIND_LABELS[k] }))]}
            onChange={(attribution) => onFilter({ ...filter, attribution })}
          />
        </div>
      )}
      {rows.length === 0 ? (
        <p className="hint">Select words in the article and press Mark claim (Ctrl+Alt+M).</p>
      ) : visible.length === 0 ? (
        <p className="hint">No claim matches the filter.</p>
      ) : (
        <ul ref={list} className="claim-list" role="listbox" aria-label="Claim list" aria-describedby="claim-list-keys" onKeyDown={onListKey}>
          {visible.map((r) => {
            const ctx = contexts.get(r.id);
            const weak = isWeakSourcing(r.data.attribution.kind);
            return (
              <li
                key={r.id}
                role="option"
                aria-selected={r.id === selected}
                tabIndex={r.id === focusable ? 0 : -1}
                data-claim-row={r.id}
                className={`claim-row claim-row-${r.data.verification.status}${r.orphaned ? ' orphaned' : ''}`}
                onClick={() => {
                  if (r.id !== selected) onSelect(r.id);
                }}
              >
                <span className="claim-row-top">
                  <span className="claim-number">{r.orphaned ? 'Orphaned' : `#${r.number}`}</span>
                  {ctx?.paragraph && <span className="claim-row-place">{ctx.paragraph}</span>}
                  <VerdictChip verdict={r.data.verification.verdict} scale={scale} compact />
                  <StatusMark status={r.data.verification.status} compact />
                  {conflicted.has(r.id) && <span className="row-flag flag-conflict">Conflict</span>}
                  {versionFlags?.has(r.id) && <span className="row-flag flag-version" title="A later version from the publisher changed these words (see Versions)">{versionFlags.get(r.id)}</span>}
                  {weak && (
                    <span className="row-flag flag-weak" title="Weak sourcing: vague or no attribution">
                      weak sourcing
                    </span>
                  )}
                </span>
                <span className="claim-row-quote">
                  {ctx?.before && <span className="claim-row-before">{ctx.before} </span>}
                  {ctx?.clipped ?? r.quote}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p id="claim-list-keys" className="visually-hidden">
        Up and down arrows move between claims, Enter opens the claim in the inspector, 1 to 9 set a verdict.
      </p>
      <details className="shortcut-help">
        <summary>Keys and underlines</summary>
        <p className="claim-key" aria-label="How claims are shown in the text">
          Underline:{' '}
          {STATUSES.map((s) => (
            <span key={s} className={`key-${s}`}>
              {STATUS_LABELS[s].toLowerCase()}
            </span>
          ))}
        </p>
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
    </div>
  );
}

function ChipChoice<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void }) {
  const name = useId();
  return (
    <fieldset className="chip-choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="chip-toggle">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}
