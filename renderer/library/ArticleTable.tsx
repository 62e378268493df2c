/**
 * The library's list: a real table (role=grid, so rows are selectable and arrow keys move between them)
 * of which only the rows in view are in the page (TanStack Virtual). aria-rowcount and aria-rowindex
 * tell assistive technology how long the list is and where each rendered row sits in it.
 *
 * Keyboard: ↑/↓ (Home/End, PageUp/PageDown) move between rows, Space selects, Shift+↑/↓ extends the
 * selection, Enter opens, Delete deletes the selection (or the row). One row is the tab stop; its
 * checkbox and link are reachable with Tab, the other rows' are not, so Tab leaves the list at once.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { SORT_KEYS, SORT_LABELS, type LibrarySort, type SortKey } from '../../shared/library/query';
import { highlight, type Snippet } from '../../shared/library/search';
import type { ArticleSummary } from '../../shared/schema/article';
import { DamagedEntry } from './DamagedEntry';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Rows drawn beyond the visible ones, so a quick scroll does not show blank space first. */
const OVERSCAN = 10;
const ROW_ESTIMATE_PX = 44;

export type TableProps = {
  rows: readonly ArticleSummary[];
  terms: readonly string[];
  snippets: Readonly<Record<string, Snippet>>;
  sort: LibrarySort;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  /** A click or Space on a row's checkbox; `range` with Shift: everything from the last one toggled. */
  onToggle: (id: string, range: boolean) => void;
  onToggleAll: () => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  onDelete: () => void;
  removing: string | null;
  onAskRemove: (id: string | null) => void;
  onRemoveDamaged: (id: string) => void;
};

export function ArticleTable(props: TableProps) {
  const { rows, sort, onSort, selected, activeId } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = activeId === null ? -1 : rows.findIndex((r) => r.id === activeId);
  const activeIndexRef = useRef(activeIndex);
  activeIndexRef.current = activeIndex;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey: (i) => rows[i]?.id ?? i,
    // Rows on the first frame, before the scroll box has been measured.
    initialRect: { width: 1200, height: 720 },
    // The row with the keyboard focus stays in the page when scrolled away, or its focus would be lost.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const keep = activeIndexRef.current;
      if (keep >= 0 && keep < range.count && !indexes.includes(keep)) indexes.push(keep);
      return indexes.sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  const tabRow = activeIndex >= 0 ? activeIndex : 0;

  // Focus follows the active row once it is drawn (scrolling to a far row draws it a frame later).
  const focusWanted = useRef(false);
  useLayoutEffect(() => {
    if (!focusWanted.current || activeId === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(activeId)}"]`);
    if (row) {
      focusWanted.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    focusWanted.current = true;
    props.onActivate(target.id);
    virtualizer.scrollToIndex(rows.indexOf(target), { align: 'auto' });
  };

  // A row that left the list (deleted, filtered out) hands the tab stop to the row now in its place,
  // and the keyboard focus too if it was on that row: Delete must not drop a keyboard user on the page.
  const lastIndex = useRef(0);
  if (activeIndex >= 0) lastIndex.current = activeIndex;
  useEffect(() => {
    if (activeId === null || activeIndex >= 0 || rows.length === 0) return;
    const next = rows[Math.min(lastIndex.current, rows.length - 1)]!;
    if (document.activeElement === null || document.activeElement === document.body) focusWanted.current = true;
    props.onActivate(next.id);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const tr = (e.target as HTMLElement).closest('tr[data-index]');
    if (!tr) return;
    const index = Number(tr.getAttribute('data-index'));
    const row = rows[index];
    if (!row) return;
    const onRow = e.target === tr;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_ESTIMATE_PX) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + page, PageUp: index - page };
    const to = moves[e.key];
    if (to !== undefined && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
        if (next && !next.damaged && !selected.has(next.id)) props.onToggle(next.id, false);
      }
      moveTo(to);
    } else if (e.key === ' ' && onRow) {
      e.preventDefault();
      if (!row.damaged) props.onToggle(row.id, e.shiftKey);
    } else if (e.key === 'Enter' && onRow) {
      e.preventDefault();
      if (!row.damaged) props.onOpen(row.id);
    } else if (e.key === 'Delete' && (onRow || (e.target as HTMLElement).matches('input[type="checkbox"]'))) {
      e.preventDefault();
      props.onDelete();
    }
  };

  const selectable = rows.filter((r) => !r.damaged);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const someSelected = !allSelected && selectable.some((r) => selected.has(r.id));
  // Blank space where rows are not drawn: above, between (the kept focused row can sit apart), below.
  const spacer = (key: string, height: number) =>
    height > 0 ? (
      <tr key={key} className="spacer" aria-hidden="true">
        <td colSpan={7} style={{ height }} />
      </tr>
    ) : null;
  let drawnTo = 0;

  return (
    <div className="library-scroll" ref={scrollRef}>
      <table className="article-table" role="grid" aria-label="Articles" aria-rowcount={rows.length + 1} aria-multiselectable="true">
        <colgroup>
          <col className="col-select" />
          <col className="col-title" />
          <col className="col-publisher" />
          <col className="col-published" />
          <col className="col-imported" />
          <col className="col-words" />
          <col className="col-claims" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="cell-select">
              <input
                type="checkbox"
                aria-label="Select every article shown"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected;
                }}
                disabled={selectable.length === 0}
                onChange={props.onToggleAll}
              />
            </th>
            {SORT_KEYS.map((key) => {
              const current = sort.key === key;
              return (
                <th key={key} scope="col" aria-sort={current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={`cell-${key}`}>
                  <button type="button" className="sort-button" onClick={() => onSort(key)}>
                    {SORT_LABELS[key]}
                    <span className="sort-arrow" aria-hidden="true">
                      {current ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {items.flatMap((item) => {
            const row = rows[item.index];
            if (!row) return [];
            const gap = spacer(`gap-${item.index}`, item.start - drawnTo);
            drawnTo = item.end;
            return [
              gap,
              <Row
                key={row.id}
                index={item.index}
                measure={virtualizer.measureElement}
                article={row}
                terms={props.terms}
                snippet={props.snippets[row.id] ?? null}
                selected={selected.has(row.id)}
                tabbable={item.index === tabRow}
                confirming={props.removing === row.id}
                onToggle={props.onToggle}
                onActivate={props.onActivate}
                onOpen={props.onOpen}
                onAskRemove={props.onAskRemove}
                onRemoveDamaged={props.onRemoveDamaged}
              />,
            ];
          })}
          {spacer('end', virtualizer.getTotalSize() - drawnTo)}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = {
  index: number;
  measure: (el: Element | null) => void;
  article: ArticleSummary;
  terms: readonly string[];
  snippet: Snippet | null;
  selected: boolean;
  tabbable: boolean;
  confirming: boolean;
  onToggle: (id: string, range: boolean) => void;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  onAskRemove: (id: string | null) => void;
  onRemoveDamaged: (id: string) => void;
};

const Row = memo(function Row({ index, measure, article: a, terms, snippet, selected, tabbable, confirming, ...on }: RowProps) {
  const tab = tabbable ? 0 : -1;
  const title = a.title || '(untitled)';
  // The click, not the change, carries Shift (for ranges); the box flips itself, as the state does.
  const toggle = (e: MouseEvent<HTMLInputElement>) => on.onToggle(a.id, e.shiftKey);
  return (
    <tr
      ref={measure}
      data-index={index}
      data-id={a.id}
      data-testid="article-row"
      aria-rowindex={index + 2}
      aria-selected={a.damaged ? undefined : selected}
      tabIndex={tab}
      className={[a.damaged ? 'damaged' : '', selected ? 'selected' : ''].join(' ').trim() || undefined}
      onFocus={() => on.onActivate(a.id)}
    >
      <td className="cell-select">
        {!a.damaged && (
          <input type="checkbox" tabIndex={tab} aria-label={`Select “${title}”`} checked={selected} onClick={toggle} onChange={() => undefined} />
        )}
      </td>
      <td className="cell-title">
        {a.damaged ? (
          <DamagedEntry
            article={a}
            confirming={confirming}
            tabIndex={tab}
            onAsk={() => on.onAskRemove(a.id)}
            onCancel={() => on.onAskRemove(null)}
            onRemove={() => on.onRemoveDamaged(a.id)}
          />
        ) : (
          <>
            <a
              href={`#/article/${a.id}`}
              tabIndex={tab}
              onClick={(e) => {
                e.preventDefault();
                on.onOpen(a.id);
              }}
            >
              {terms.length === 0 ? title : highlight(title, terms).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}
            </a>
            {snippet && (
              <p className="snippet" data-testid="search-snippet">
                {snippet.cutBefore && '… '}
                {snippet.segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}
                {snippet.cutAfter && ' …'}
              </p>
            )}
          </>
        )}
      </td>
      <td className="cell-publisher">{a.publisher || '—'}</td>
      <td className="cell-published">{a.publishedAt || '—'}</td>
      <td className="cell-imported">
        <time dateTime={a.importedAt}>{dateFormat.format(new Date(a.importedAt))}</time>
      </td>
      <td className="cell-words">{a.wordCount.toLocaleString()}</td>
      <td className="cell-claims">{a.claimCount === 0 ? '—' : `${a.doneCount} of ${a.claimCount} done`}</td>
    </tr>
  );
});
