import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ArticleForEditing } from '../../shared/schema/article';
import { STATUS_LABELS, STATUSES, type ClaimTarget } from '../../shared/schema/claim';
import type { DeskState } from '../../shared/schema/desk';
import type { StoredConflict } from '../../shared/schema/exchange';
import { claimAnnouncement } from '../../shared/claims/announce';
import { bridge, client, errorMessage } from '../api';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ClaimDataStep } from '../editor/claimStep';
import { ClaimRangesStep } from '../editor/claimRangesStep';
import { claimsKey, innermostClaimAt } from '../editor/claimsPlugin';
import { reattachClaim, selectClaim } from '../editor/claimCommands';
import { openArticle } from '../editor/editorState';
import { canDrawClaims } from '../editor/claimHighlights';
import { ClaimDetail } from '../claims/ClaimDetail';
import { ClaimHistory } from '../claims/ClaimHistory';
import { ArticleHistory } from './ArticleHistory';
import { ClaimsPanel } from '../claims/ClaimsPanel';
import { claimRows, type ClaimRow } from '../claims/claimRows';
import { NO_FILTER, type ClaimFilter } from '../claims/filters';
import { draftsFor } from '../claims/drafts';
import { shortcutKeys, statusKeys, verdictKeys } from '../claims/shortcuts';
import { useCommands, type Command } from '../commands/registry';
import { ToastRegion } from '../Notice';
import { ArticleDetails } from './MetaForm';
import { ReviewHandoff } from '../claims/ReviewHandoff';
import type { Response } from '../../shared/api';
import { useArticleSaving } from './useArticleSaving';
import { ExportDialog } from '../export/ExportDialog';
import { describeSaveFailure } from './saveFailure';
import { SaveFailureNote, SaveIndicator } from './SaveStatus';
import { useSigner } from './useSigner';
import { useClaimActions, type Panes } from './useClaimActions';
import { Splitter } from './Splitter';
import { useNarrow, usePaneLayout } from './usePaneLayout';
import { useProposals } from '../proposals/useProposals';
import { ProposalsPanel } from '../proposals/ProposalsPanel';
import { useArticleVersions } from '../versions/useArticleVersions';
import type { ImportRequest } from '../versions/importRequest';
import './workbench.css';

type Props = {
  id: string;
  onError: (message: string) => void;
  onInfo: (message: string) => void;
  onBack: () => void;
  onReload: () => void;
  /** "Import new version…": the import, sent as a version of this article (App's import flow). */
  onImportVersion?: (request: ImportRequest, articleId: string) => void;
};

type Loaded = { article: ArticleForEditing; initial: EditorState };

const LIST_ID = 'workbench-claim-list';
const INSPECTOR_ID = 'workbench-inspector';

/** Keeps the workbench exactly as tall as the window below what sits above it, so each pane scrolls on its own. */
function useFillWindow(root: React.RefObject<HTMLElement | null>, ready: boolean) {
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    let top = -1;
    const update = () => {
      const now = Math.max(0, Math.round(el.getBoundingClientRect().top + window.scrollY));
      if (now === top) return;
      top = now;
      el.style.setProperty('--workbench-top', `${now}px`);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [root, ready]);
}

export function ArticleView({ id, onError, onInfo, onBack, onReload, onImportVersion }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [desk, setDesk] = useState<DeskState | null>(null);
  const [snapshot, setSnapshot] = useState<EditorState | null>(null);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [review, setReview] = useState<Response<'getReviewState'>>({ conflicts: [], agreements: [] });
  const [deciding, setDeciding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [askingVerdict, setAskingVerdict] = useState<string | null>(null);
  const [evidenceRequest, setEvidenceRequest] = useState<{ claimId: string; n: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const narrow = useNarrow();
  const panes = usePaneLayout(narrow);
  const root = useRef<HTMLElement | null>(null);
  const targets = useRef(new Map<string, ClaimTarget>());
  const view = useRef<EditorView | null>(null);
  const announced = useRef<string | null>(null);
  const pendingFocus = useRef<'list' | 'inspector' | null>(null);
  const drafts = useMemo(() => draftsFor(id), [id]);
  useEffect(() => drafts.listen(onError), [drafts, onError]);
  const { saveState, failure, revision, autosave, saveMeta, saveNow } = useArticleSaving({
    id,
    targets,
    onSources: (sources) => setDesk((d) => (d ? { ...d, sources } : d)),
    onMetaSaved: (meta) => setLoaded((l) => (l ? { ...l, article: { ...l.article, meta: { ...l.article.meta, ...meta } } } : l)),
    commitDrafts: () => drafts.commitAll(),
  });
  const { signed, prompt } = useSigner({ reviewer: desk?.settings.reviewerName ?? '', onNamed: (settings) => setDesk((d) => (d ? { ...d, settings } : d)), onError });
  useFillWindow(root, loaded !== null && desk !== null);

  useEffect(() => {
    let live = true;
    Promise.all([client.getArticle({ id }), client.getDesk({}), client.getReviewState({ id })]).then(
      ([article, d, r]) => {
        if (!live) return;
        setReview(r);
        const opened = openArticle(article, d.desk.settings.ratingScale);
        revision.current = article.revision;
        targets.current = opened.targets;
        setDesk(d.desk);
        setLoaded({ article, initial: opened.state });
        // A new article's first check is its details; once claims are marked they stay out of the way.
        setDetailsOpen(article.claims.length === 0);
        setSnapshot(opened.state);
        if (opened.lost.length > 0 || opened.moved.length > 0) {
          onInfo(
            `The text changed since these claims were saved: ${opened.moved.length} claim(s) were found again at new places, ` +
              `${opened.lost.length} could not be found and are listed as orphaned.`,
          );
        } else if (article.claims.length > 0 && !canDrawClaims()) {
          onInfo('This browser cannot draw claims over the text (it lacks CSS Custom Highlights); the claims panel still lists and selects them. Use the desktop app or a current Chromium, Firefox or Safari.');
        }
      },
      (e: unknown) => onError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id, onError, onInfo, revision]);

  // File > Export report… in the desktop app.
  useEffect(
    () =>
      bridge?.onMenuCommand((command) => {
        if (command.type === 'export') setExporting(true);
        else if (command.type === 'findClaims') findClaims.current();
      }),
    [],
  );

  /** The caret moved into a claim in the text (with the focus there): say which, politely. */
  const announceCaret = useCallback((state: EditorState) => {
    const v = view.current;
    if (!v || !v.hasFocus()) return;
    const cid = innermostClaimAt(state, state.selection.head);
    if (cid === announced.current) return;
    announced.current = cid;
    if (!cid) return setAnnouncement('');
    const rows = claimRows(state, targets.current);
    const row = rows.find((r) => r.id === cid);
    if (!row) return;
    const inText = rows.filter((r) => !r.orphaned).length;
    setAnnouncement(claimAnnouncement({ number: row.number, total: inText, quote: row.quote, verdict: row.data.verification.verdict, status: row.data.verification.status, attribution: row.data.attribution.kind }));
  }, []);

  // The panels follow the editor: at once for claim changes, at most a few times a second while typing.
  const panelTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const noteTransaction = useRef<(tr: Transaction) => void>(() => undefined);
  const onTransaction = useCallback(
    (state: EditorState, tr: Transaction) => {
      if (tr.docChanged) autosave.schedule(state);
      noteTransaction.current(tr);
      const meta = tr.getMeta(claimsKey) as { select: string | null } | undefined;
      // A claim chosen (in the text, the list, by a key, or just marked): the drawer shows it.
      if (meta?.select) setDrawerOpen(true);
      if (meta) {
        // A request for another claim does not carry over: it would fire when that claim is shown again.
        setEvidenceRequest(null);
        setAskingVerdict((a) => (a === meta.select ? a : null));
      }
      if (tr.selectionSet || tr.docChanged) announceCaret(state);
      const claimChange = meta !== undefined || tr.steps.some((s) => s instanceof ClaimDataStep || s instanceof ClaimRangesStep);
      if (claimChange) {
        if (panelTimer.current) clearTimeout(panelTimer.current);
        panelTimer.current = null;
        setSnapshot(state);
      } else if (tr.docChanged && !panelTimer.current) {
        panelTimer.current = setTimeout(() => {
          panelTimer.current = null;
          if (view.current) setSnapshot(view.current.state);
        }, 200);
      }
    },
    [autosave, announceCaret],
  );

  const scale = desk?.settings.ratingScale ?? [];
  const state = snapshot;
  const rows: ClaimRow[] = useMemo(() => (state ? claimRows(state, targets.current) : []), [state]);
  const selected = state ? (claimsKey.getState(state)?.selected ?? null) : null;
  const selectedRow = rows.find((r) => r.id === selected) ?? null;
  const decide = (conflict: StoredConflict, choice: 'ours' | 'theirs') => {
    setDeciding(true);
    // Save what is on screen first; the decision is applied by the back end, then the article reopens.
    saveNow()
      .then(() => client.resolveConflict({ id, claimId: conflict.claimId, field: conflict.field, choice }))
      .then(onReload, (e: unknown) => {
        setDeciding(false);
        onError(errorMessage(e));
      });
  };
  const conflictsByClaim = useMemo(() => {
    const m = new Map<string, StoredConflict[]>();
    for (const c of review.conflicts) m.set(c.claimId, [...(m.get(c.claimId) ?? []), c]);
    return m;
  }, [review.conflicts]);
  const conflicted = useMemo(() => new Set(conflictsByClaim.keys()), [conflictsByClaim]);
  const inspectorShown = !narrow || (drawerOpen && selectedRow !== null);

  const paneActions: Panes = {
  focusList: () => {
    if (panes.listCollapsed) panes.toggleList();
    pendingFocus.current = 'list';
    focusPending();
  },
  toggleList: panes.toggleList,
  focusInspector: () => {
    setDrawerOpen(true);
    pendingFocus.current = 'inspector';
    focusPending();
  },
  closeDrawer: () => {
    if (!narrow || !drawerOpen || !selectedRow) return false;
    setDrawerOpen(false);
    return true;
  },
  addEvidence: (claimId) => {
    setDrawerOpen(true);
    setEvidenceRequest((r) => ({ claimId, n: (r?.n ?? 0) + 1 }));
  },
  askingVerdict,
  askVerdict: (claimId) => {
    if (claimId) setDrawerOpen(true);
    setAskingVerdict(claimId);
  },
};

  /** Filled below by the proposals: Mark claim on a proposal being adjusted accepts it. */
  const adopt = useRef<ReturnType<typeof useProposals>['adoptFor'] | null>(null);
  const findClaims = useRef<() => void>(() => undefined);
  const actions = useClaimActions({
    view,
    root,
    targets,
    rows,
    filter,
    scale,
    reviewer: desk?.settings.reviewerName ?? '',
    signed,
    openExport: () => setExporting(true),
    onError,
    panes: paneActions,
    adoptProposal: (from, to) => adopt.current?.(from, to) ?? null,
    findClaims: () => findClaims.current(),
  });
  noteTransaction.current = actions.noteTransaction;
  const proposals = useProposals({ id, view, signed, markWith: actions.markWith, onError });
  adopt.current = proposals.adoptFor;
  findClaims.current = () => {
    if (panes.listCollapsed) panes.toggleList();
    void proposals.run();
  };

  // The desk's "Find claims when an article is first opened after import": once, when detection never ran here.
  const autoFound = useRef(false);
  useEffect(() => {
    if (autoFound.current || !loaded || !desk || !desk.settings.detectOnImport || loaded.article.detection.lastRunAt !== null) return;
    autoFound.current = true;
    findClaims.current();
  }, [loaded, desk]);

  const versions = useArticleVersions({
    articleId: id,
    title: loaded?.article.meta.title || 'Untitled article',
    versions: loaded?.article.versions ?? [],
    rows,
    currentDoc: () => view.current?.state.doc ?? null,
    onImportVersion,
    onGoToClaim: (cid) => {
      if (!view.current) return;
      selectClaim(view.current, cid);
      pendingFocus.current = 'inspector';
      setDrawerOpen(true);
    },
  });

  /** The focus a pane key asked for, once the pane is shown (it may have been collapsed or closed). */
  function focusPending() {
    const want = pendingFocus.current;
    const el = root.current;
    if (!want || !el) return;
    const target =
      want === 'list'
        ? (el.querySelector<HTMLElement>(`#${LIST_ID} [role="option"][tabindex="0"]`) ?? el.querySelector<HTMLElement>(`#${LIST_ID} h2`))
        : (el.querySelector<HTMLElement>(`#${INSPECTOR_ID} .claim-detail-heading`) ?? el.querySelector<HTMLElement>(`#${INSPECTOR_ID} h2`));
    if (!target || target.offsetParent === null) return;
    pendingFocus.current = null;
    target.focus();
  }
  useLayoutEffect(focusPending);

  const closeDrawer = () => {
    setDrawerOpen(false);
    actions.focusText();
  };

  const commandState = useRef({ actions, panes: paneActions, layout: panes, selected, onBack, setDetailsOpen });
  commandState.current = { actions, panes: paneActions, layout: panes, selected, onBack, setDetailsOpen };
  const hasSelection = selected !== null;
  const commands: Command[] = useMemo(() => {
    const c = () => commandState.current;
    const claim = 'Claims';
    const list: Command[] = [
      { id: 'claim.mark', label: 'Mark the selected words as a claim', group: claim, shortcut: shortcutKeys('mark'), run: () => c().actions.mark() },
      { id: 'claim.find', label: 'Find claims (propose claims and their sourcing)', group: claim, shortcut: shortcutKeys('findClaims'), keywords: ['detect', 'proposals', 'suggest'], run: () => findClaims.current() },
      { id: 'claim.next', label: 'Go to the next claim', group: claim, shortcut: shortcutKeys('next'), run: () => c().actions.step(1) },
      { id: 'claim.previous', label: 'Go to the previous claim', group: claim, shortcut: shortcutKeys('previous'), run: () => c().actions.step(-1) },
      ...STATUSES.map((s, i) => ({
        id: `claim.status.${s}`,
        label: `Set the status: ${STATUS_LABELS[s]}`,
        group: claim,
        shortcut: statusKeys(i + 1),
        keywords: ['status'],
        enabled: hasSelection,
        run: () => c().actions.setStatus(s),
      })),
      ...scale.map((v, i) => ({
        id: `claim.verdict.${i + 1}`,
        label: `Set the verdict: ${v}`,
        group: claim,
        shortcut: verdictKeys(i + 1),
        keywords: ['verdict', 'rating'],
        enabled: hasSelection,
        run: () => c().actions.setVerdict(i),
      })),
      { id: 'claim.verdict.clear', label: 'Clear the verdict', group: claim, shortcut: verdictKeys(0), keywords: ['verdict'], enabled: hasSelection, run: () => c().actions.setVerdict(null) },
      { id: 'claim.addEvidence', label: 'Add evidence to the selected claim', group: claim, shortcut: shortcutKeys('addEvidence'), enabled: hasSelection, run: () => c().selected && c().panes.addEvidence(c().selected!) },
      { id: 'claim.delete', label: 'Delete the selected claim', group: claim, shortcut: shortcutKeys('delete'), enabled: hasSelection, run: () => c().selected && c().actions.remove(c().selected!) },
      { id: 'claim.focusList', label: 'Go to the claim list', group: claim, shortcut: shortcutKeys('focusList'), run: () => c().panes.focusList() },
      { id: 'claim.toggleList', label: panes.listCollapsed ? 'Show the claim list' : 'Hide the claim list', group: claim, shortcut: shortcutKeys('toggleList'), run: () => c().layout.toggleList() },
      { id: 'claim.focusInspector', label: 'Go to the claim inspector', group: claim, shortcut: shortcutKeys('focusInspector'), enabled: hasSelection, run: () => c().panes.focusInspector() },
      { id: 'article.focusText', label: 'Go to the article text', group: 'Article', shortcut: shortcutKeys('focusText'), run: () => c().actions.focusText() },
      { id: 'article.undo', label: 'Undo', group: 'Article', shortcut: shortcutKeys('undo').split(' / ')[0], run: () => c().actions.history('undo') },
      { id: 'article.redo', label: 'Redo', group: 'Article', shortcut: shortcutKeys('undo').split(' / ')[1], run: () => c().actions.history('redo') },
      { id: 'article.details', label: 'Show the article details', group: 'Article', keywords: ['metadata', 'publisher', 'byline', 'date'], run: () => c().setDetailsOpen(true) },
      { id: 'article.export', label: 'Export a report, the claims or a review bundle', group: 'Article', shortcut: shortcutKeys('export'), run: () => setExporting(true) },
      { id: 'article.library', label: 'Back to the library', group: 'Article', run: () => c().onBack() },
    ];
    return list;
  }, [scale, hasSelection, panes.listCollapsed]);
  useCommands(commands);

  const failed = useMemo(() => {
    if (!failure || saveState !== 'error') return null;
    const described = describeSaveFailure(failure.error, (i) => {
      const row = rows.find((r) => r.id === failure.claimIds[i]);
      return row ? { id: row.id, number: row.number, quote: row.quote } : null;
    });
    const row = rows.find((r) => r.id === described.claimId);
    return { described, claimLabel: row ? (row.number === null ? 'the orphaned claim' : `claim ${row.number}`) : null };
  }, [failure, saveState, rows]);

  if (!loaded || !desk) return <p>Loading article…</p>;
  const { article } = loaded;
  const inText = rows.filter((r) => !r.orphaned).length;
  const style = { '--list-width': `${panes.list}px`, '--inspector-width': `${panes.inspector}px` } as React.CSSProperties;
  const classes = ['article-view', 'workbench', narrow ? 'narrow' : 'wide', panes.listCollapsed ? 'list-collapsed' : 'list-open', inspectorShown ? 'inspector-open' : 'inspector-closed'];

  return (
    <article className={classes.join(' ')} aria-label={article.meta.title || 'Article'} ref={root} style={style}>
      <div className="article-toolbar" role="toolbar" aria-label="Article">
        <button type="button" className="secondary" onClick={onBack}>
          ← Library
        </button>
        <button type="button" className="secondary list-toggle" aria-expanded={!panes.listCollapsed} aria-controls={LIST_ID} onClick={panes.toggleList} title={shortcutKeys('toggleList')}>
          Claim list
        </button>
        <button type="button" className="mark-claim" onClick={actions.mark} title={shortcutKeys('mark')} aria-keyshortcuts="Control+Alt+M">
          Mark claim
        </button>
        <button type="button" className="secondary find-claims" onClick={() => findClaims.current()} title={shortcutKeys('findClaims')} aria-keyshortcuts="Alt+Shift+F" disabled={proposals.find.phase === 'running'}>
          Find claims
        </button>
        <button type="button" className="secondary" onClick={() => setExporting(true)} title={shortcutKeys('export')}>
          Export…
        </button>
        {versions.toolbar}
        <SaveIndicator state={saveState} />
      </div>
      {versions.dialog}
      {(failed || exporting) && (
        // Above the panes, scrolling on its own when tall: the panes keep the rest of the window.
        <div className="workbench-notes">
          {failed && <SaveFailureNote failure={failed.described} claimLabel={failed.claimLabel} onRetry={() => void saveNow()} onShowClaim={actions.showClaim} />}
          {exporting && <ExportDialog articleId={id} beforeExport={saveNow} onClose={() => setExporting(false)} onError={onError} onDone={onInfo} />}
        </div>
      )}
      <div className="workbench-panes">
        <aside className="claims-pane" id={LIST_ID} aria-labelledby="claims-heading" hidden={panes.listCollapsed}>
          <ProposalsPanel
            items={proposals.list}
            find={proposals.find}
            adjusting={proposals.adjusting}
            onClear={proposals.clear}
            onAccept={proposals.accept}
            onReject={proposals.reject}
            onAdjust={proposals.adjust}
            onCancelAdjust={proposals.cancelAdjust}
            onActive={proposals.setActive}
          />
          <ClaimsPanel
            rows={rows}
            selected={selected}
            scale={scale}
            filter={filter}
            onFilter={setFilter}
            onSelect={(cid) => view.current && selectClaim(view.current, cid)}
            onOpen={() => {
              pendingFocus.current = 'inspector';
              setDrawerOpen(true);
              focusPending();
            }}
            conflicted={conflicted}
            versionFlags={versions.flags}
          >
            <ReviewHandoff conflicts={review.conflicts} agreements={review.agreements} rows={rows} onChoose={decide} busy={deciding} onShow={(cid) => {
              if (!view.current) return;
              selectClaim(view.current, cid);
              pendingFocus.current = 'inspector';
              setDrawerOpen(true);
            }} />
          </ClaimsPanel>
        </aside>
        {!panes.listCollapsed && <Splitter pane="list" label="Resize the claim list" width={panes.list} grows="ArrowRight" controls={LIST_ID} onResize={(w) => panes.resize('list', w)} />}
        <ToastRegion toast={actions.toast} onDismiss={actions.dismissToast} />
        <div className={`article-main${versions.showing ? ' showing-versions' : ''}`}>
          {versions.panel}
          {prompt}
          <ArticleDetails meta={article.meta} removed={article.removedOnImport} drafts={drafts} onSave={saveMeta} open={detailsOpen} onToggle={setDetailsOpen} />
          <ArticleHistory
            articleId={id}
            refreshKey={saveState}
            claimLabel={(cid) => {
              const row = rows.find((r) => r.id === cid);
              return row ? (row.number === null ? 'Orphaned claim' : `Claim ${row.number}`) : 'Deleted claim';
            }}
          />
          <ArticleEditor initialState={loaded.initial} onTransaction={onTransaction} onView={(v) => (view.current = v)} />
        </div>
        {!narrow && <Splitter pane="inspector" label="Resize the claim inspector" width={panes.inspector} grows="ArrowLeft" controls={INSPECTOR_ID} onResize={(w) => panes.resize('inspector', w)} />}
        <aside className="claim-inspector" id={INSPECTOR_ID} aria-label="Claim inspector" hidden={!inspectorShown}>
          {selectedRow ? (
            <ClaimDetail
              key={selectedRow.id}
              claim={selectedRow.data}
              number={selectedRow.number}
              total={inText}
              quote={selectedRow.quote}
              orphaned={selectedRow.orphaned}
              scale={scale}
              sources={desk.sources}
              reviewer={desk.settings.reviewerName}
              drafts={drafts}
              newId={() => crypto.randomUUID()}
              now={() => new Date().toISOString()}
              onChange={(fn) => actions.change(selectedRow.id, fn)}
              onDelete={() => actions.remove(selectedRow.id)}
              onReattach={() => {
                if (view.current && !reattachClaim(view.current, selectedRow.id)) onError('Select the words to re-attach this claim to first.');
              }}
              conflicts={conflictsByClaim.get(selectedRow.id) ?? []}
              deciding={deciding}
              onChoose={decide}
              askingVerdict={askingVerdict === selectedRow.id}
              onAskVerdict={(asking) => setAskingVerdict(asking ? selectedRow.id : null)}
              addEvidenceRequest={evidenceRequest?.claimId === selectedRow.id ? evidenceRequest.n : undefined}
              onClose={narrow ? closeDrawer : undefined}
              renderHistory={(claimId) => <ClaimHistory articleId={id} claimId={claimId} refreshKey={saveState} />}
            />
          ) : (
            <div className="inspector-empty">
              <h2>No claim selected</h2>
              <p className="hint">
                Select words in the text and press <strong>Mark claim</strong> ({shortcutKeys('mark')}), or choose a claim in the text or the claim list ({shortcutKeys('focusList')}).
              </p>
            </div>
          )}
        </aside>
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="claim-announcer">
        {announcement}
      </div>
    </article>
  );
}
