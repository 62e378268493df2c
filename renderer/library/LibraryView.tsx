import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCommands, type Command } from '../commands/registry';
import type { ImportResult } from '../../shared/api';
import { LIBRARY_EXPORT_FORMATS, MAX_BULK_ARTICLES, MAX_EXPORT_ARTICLES, type LibraryExportFormat } from '../../shared/library/bulk';
import { fromColumns, type LibraryColumns } from '../../shared/library/columns';
import { countLabel, filterArticles, hasFilters, nextSort, NO_FILTERS, publishersOf, sortArticles, type LibraryFilters, type SortKey } from '../../shared/library/query';
import type { ArticleSummary } from '../../shared/schema/article';
import { client, errorMessage } from '../api';
import { parseRoute } from '../route';
import { download } from '../export/download';
import { ToastRegion, type ToastData } from '../Notice';
import { ArticleTable } from './ArticleTable';
import { ImportControls } from './ImportControls';
import type { ImportRequest } from '../versions/importRequest';
import { LibraryFiltersBar } from './LibraryFilters';
import type { BundleOpened } from './openFile';
import { useLibrarySearch } from './useLibrarySearch';
import { useStoredSort } from './useStoredSort';
import './library.css';

/**
 * A page that opens on the library asks for the listing while the rest of the app is still starting,
 * not once React has mounted this view (later by a few tens of ms on a busy machine; bench:library).
 * Only the first mount takes it, and only within PRELOAD_FRESH_MS of asking: any other mount asks
 * again, so the view never shows an old list.
 */
const PRELOAD_FRESH_MS = 2000;
let preloaded: { at: number; list: Promise<LibraryColumns> } | null =
  parseRoute(window.location.hash).view === 'library' ? { at: performance.now(), list: client.listLibrary({}) } : null;
preloaded?.list.catch(() => undefined); // reported by the mount that takes it

function listing(): Promise<LibraryColumns> {
  const taken = preloaded && performance.now() - preloaded.at < PRELOAD_FRESH_MS ? preloaded.list : client.listLibrary({});
  preloaded = null;
  return taken;
}

type Props = { onOpen: (id: string) => void; onImported: (result: ImportResult, request?: ImportRequest) => void; onBundle: (result: BundleOpened) => void; onError: (message: string) => void };

/** One delete, as its Undo needs it: which articles, and the call that deleted them (an undo waits for it). */
type DeleteBatch = { ids: string[]; deleted: Promise<string[]> };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Whether a key press belongs to a field being typed in, not to the library's shortcuts. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(el.type);
}

export function LibraryView({ onOpen, onImported, onBundle, onError }: Props) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [offerSample, setOfferSample] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useStoredSort();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  /** Deleted (or being deleted) here: out of the list at once, whatever the back end has answered yet. */
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastData | null>(null);
  const [exportFormat, setExportFormat] = useState<LibraryExportFormat>('html');
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const anchor = useRef<string | null>(null);
  const undoable = useRef<DeleteBatch | null>(null);
  const toastIds = useRef(0);
  const search = useLibrarySearch(query);
  const refreshSearch = search.refresh;

  useEffect(() => {
    // The rows come first; the desk is asked only when there are none (is the sample still to offer?).
    listing().then(
      async (columns) => {
        const list = fromColumns(columns);
        setArticles(list);
        if (list.length > 0) return;
        const desk = await client.getDesk({});
        setOfferSample(!desk.desk.sampleHandled);
      },
      (e: unknown) => onError(errorMessage(e)),
    ).catch((e: unknown) => onError(errorMessage(e)));
  }, [onError]);

  const present = useMemo(() => (articles ?? []).filter((a) => !hidden.has(a.id)), [articles, hidden]);
  const publishers = useMemo(() => publishersOf(present), [present]);
  // Sorted once per change of the list or the sort; a keystroke only filters the sorted list.
  const sorted = useMemo(() => sortArticles(present, sort), [present, sort]);
  const rows = useMemo(() => {
    const hits = search.hits;
    return filterArticles(hits ? sorted.filter((a) => hits.has(a.id)) : sorted, filters);
  }, [sorted, search.hits, filters]);
  const narrowed = search.terms.length > 0 || hasFilters(filters);
  const chosen = useMemo(() => rows.filter((r) => selected.has(r.id)).map((r) => r.id), [rows, selected]);

  const toggle = useCallback(
    (id: string, range: boolean) => {
      setSelected((current) => {
        const next = new Set(current);
        const on = !current.has(id);
        const from = range && anchor.current !== null ? rows.findIndex((r) => r.id === anchor.current) : -1;
        const to = rows.findIndex((r) => r.id === id);
        if (from >= 0 && to >= 0) {
          for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
            const r = rows[i]!;
            if (r.damaged) continue;
            if (on) next.add(r.id);
            else next.delete(r.id);
          }
        } else if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      anchor.current = id;
    },
    [rows],
  );

  const toggleAll = useCallback(() => {
    setSelected((current) => {
      const selectable = rows.filter((r) => !r.damaged);
      return selectable.every((r) => current.has(r.id)) ? new Set() : new Set(selectable.map((r) => r.id));
    });
  }, [rows]);

  const undo = useCallback(
    async (batch: DeleteBatch) => {
      if (undoable.current === batch) undoable.current = null;
      setToast(null);
      const deleted = await batch.deleted;
      if (deleted.length === 0) return;
      try {
        const r = await client.restoreArticles({ ids: deleted });
        const back = new Map(r.restored.map((a) => [a.id, a]));
        setArticles((list) => [...(list ?? []).filter((a) => !back.has(a.id)), ...back.values()]);
        setHidden((h) => new Set([...h].filter((id) => !back.has(id))));
        refreshSearch();
        if (r.failed.length > 0) onError(r.failed.map((f) => f.message).join(' '));
        if (r.restored.length > 0) setToast({ id: ++toastIds.current, text: `Restored ${plural(r.restored.length, 'article', 'articles')}.` });
      } catch (e) {
        onError(errorMessage(e));
      }
    },
    [onError, refreshSearch],
  );

  const deleteChosen = useCallback(() => {
    const ids = chosen.length > 0 ? chosen : activeId !== null && rows.some((r) => r.id === activeId && !r.damaged) ? [activeId] : [];
    if (ids.length === 0) return;
    if (ids.length > MAX_BULK_ARTICLES) {
      onError(`Delete at most ${MAX_BULK_ARTICLES.toLocaleString('en')} articles at once; ${ids.length.toLocaleString('en')} are selected.`);
      return;
    }
    const titles = ids.map((id) => rows.find((r) => r.id === id)?.title || '(untitled)');
    setHidden((h) => new Set([...h, ...ids]));
    setSelected(new Set());
    const deleted = client.deleteArticles({ ids }).then(
      (r) => {
        const gone = new Set([...r.deleted, ...r.missing]);
        setArticles((list) => (list ?? []).filter((a) => !gone.has(a.id)));
        setHidden((h) => new Set([...h].filter((id) => !gone.has(id))));
        return r.deleted;
      },
      (e: unknown) => {
        // Nothing was deleted that we know of: the rows come back, and the toast's Undo has nothing to do.
        setHidden((h) => new Set([...h].filter((id) => !ids.includes(id))));
        setToast(null);
        onError(errorMessage(e));
        return [] as string[];
      },
    );
    const batch: DeleteBatch = { ids, deleted };
    undoable.current = batch;
    const text = ids.length === 1 ? `Deleted “${titles[0]}”.` : `Deleted ${plural(ids.length, 'article', 'articles')}.`;
    setToast({ id: ++toastIds.current, text, action: { label: 'Undo', keys: 'Control+Z', run: () => void undo(batch) } });
    // The list keeps the keyboard: focus stays in the table, on the row that now sits where the first deleted one was.
  }, [chosen, activeId, rows, onError, undo]);

  const exportChosen = async () => {
    if (chosen.length === 0) return;
    if (chosen.length > MAX_EXPORT_ARTICLES) {
      onError(`Export at most ${MAX_EXPORT_ARTICLES} articles at once; ${chosen.length.toLocaleString('en')} are selected.`);
      return;
    }
    setExporting(true);
    try {
      const result = await client.exportArticles({ ids: chosen, format: exportFormat });
      download(result);
      setToast({ id: ++toastIds.current, text: `Exported ${plural(chosen.length, 'article', 'articles')} as ${result.fileName}.` });
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const removeDamaged = useCallback(
    (id: string) =>
      void client.deleteArticle({ id }).then(
        () => {
          setRemoving(null);
          setArticles((list) => list?.filter((a) => a.id !== id) ?? null);
        },
        (e: unknown) => onError(errorMessage(e)),
      ),
    [onError],
  );

  // `/` finds, Ctrl+Z (⌘Z) undoes the last delete while its toast is up; neither while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target)) return;
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && undoable.current) {
        e.preventDefault();
        void undo(undoable.current);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo]);

  // The palette lists what the library can do; the commands call the latest handlers through a ref.
  const actionsRef = useRef({ deleteChosen, exportChosen });
  actionsRef.current = { deleteChosen, exportChosen };
  const selectedCount = chosen.length;
  // The search box is there only once the desk has an article.
  const hasArticles = (articles?.length ?? 0) > 0;
  const commands = useMemo<Command[]>(
    () => [
      {
        id: 'library.search',
        label: 'Search the library',
        group: 'Library',
        shortcut: '/',
        keywords: ['find', 'filter'],
        enabled: hasArticles,
        run: () => {
          searchRef.current?.focus();
          searchRef.current?.select();
        },
      },
      { id: 'library.delete', label: 'Delete the selected articles', group: 'Library', enabled: selectedCount > 0, run: () => actionsRef.current.deleteChosen() },
      { id: 'library.export', label: 'Export the selected articles as a .zip', group: 'Library', enabled: selectedCount > 0, run: () => void actionsRef.current.exportChosen() },
    ],
    [selectedCount, hasArticles],
  );
  useCommands(commands);

  const onSort = useCallback((key: SortKey) => setSort(nextSort(sort, key)), [setSort, sort]);
  const clear = () => {
    setQuery('');
    setFilters(NO_FILTERS);
  };
  const dismissToast = useCallback(() => {
    setToast(null);
    undoable.current = null;
  }, []);

  return (
    <div className="library">
      <h1>Library</h1>
      {offerSample && (
        <section className="sample-offer" aria-label="Sample article">
          <p>Your desk is empty. Start with a real article to try the workbench?</p>
          <button type="button" onClick={() => client.importSample({}).then((r) => onImported(r), (e: unknown) => onError(errorMessage(e)))}>
            Open the sample article
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => client.declineSample({}).then(() => setOfferSample(false), (e: unknown) => onError(errorMessage(e)))}
          >
            No thanks
          </button>
        </section>
      )}
      <ImportControls onImported={onImported} onBundle={onBundle} onError={onError} />
      <section className="library-articles" aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles</h2>
        {articles === null ? (
          <p>Loading…</p>
        ) : articles.length === 0 ? (
          <p data-testid="library-empty">No articles yet.</p>
        ) : (
          <>
            <LibraryFiltersBar
              ref={searchRef}
              query={query}
              onQuery={setQuery}
              filters={filters}
              onFilters={setFilters}
              publishers={publishers}
              searchError={search.error}
              onClear={clear}
            />
            <div className="library-bar">
              <p className="library-count" role="status" data-testid="library-count">
                {countLabel(rows.length, present.length, narrowed)}
                {search.searching && <span className="library-searching"> · searching…</span>}
              </p>
              <div className="library-actions" role="group" aria-label="Selected articles">
              <span className="library-selected" data-testid="library-selected">
                {chosen.length === 0 ? 'No articles selected' : `${plural(chosen.length, 'article', 'articles')} selected`}
              </span>
              <button type="button" className="danger" disabled={chosen.length === 0} aria-keyshortcuts="Delete" onClick={deleteChosen}>
                Delete
              </button>
              <label htmlFor="library-export-format">Export as</label>
              <select id="library-export-format" value={exportFormat} onChange={(e) => setExportFormat(e.currentTarget.value as LibraryExportFormat)}>
                {LIBRARY_EXPORT_FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </select>
              <button type="button" className="secondary" disabled={chosen.length === 0 || exporting} onClick={() => void exportChosen()}>
                {exporting ? 'Exporting…' : 'Export .zip'}
              </button>
              </div>
            </div>
            {rows.length === 0 ? (
              <p className="library-no-match" data-testid="library-no-match">
                No article matches.{' '}
                <button type="button" className="link-button" onClick={clear}>
                  Show every article
                </button>
              </p>
            ) : (
              <ArticleTable
                rows={rows}
                terms={search.terms}
                snippets={search.snippets}
                sort={sort}
                onSort={onSort}
                selected={selected}
                onToggle={toggle}
                onToggleAll={toggleAll}
                activeId={activeId}
                onActivate={setActiveId}
                onOpen={onOpen}
                onDelete={deleteChosen}
                removing={removing}
                onAskRemove={setRemoving}
                onRemoveDamaged={removeDamaged}
              />
            )}
          </>
        )}
      </section>
      <ToastRegion toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
