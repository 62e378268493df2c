import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ArticleForEditing } from '../../shared/schema/article';
import type { ClaimTarget } from '../../shared/schema/claim';
import type { DeskState } from '../../shared/schema/desk';
import { bridge, client, errorMessage } from '../api';
import { ArticleEditor } from '../editor/ArticleEditor';
import { targetsForRanges } from '../../shared/anchor/claimRanges';
import { ClaimDataStep } from '../editor/claimStep';
import { ClaimRangesStep } from '../editor/claimRangesStep';
import { claimRangesOf, claimsKey } from '../editor/claimsPlugin';
import { markClaim, reattachClaim, selectClaim } from '../editor/claimCommands';
import { openArticle } from '../editor/editorState';
import { canDrawClaims } from '../editor/claimHighlights';
import { ClaimDetail } from '../claims/ClaimDetail';
import { ClaimHistory } from '../claims/ClaimHistory';
import { ArticleHistory } from './ArticleHistory';
import { ClaimsPanel, type ClaimRow } from '../claims/ClaimsPanel';
import { claimRows } from '../claims/claimRows';
import { NO_FILTER, type ClaimFilter } from '../claims/filters';
import { draftsFor } from '../claims/drafts';
import { ToastRegion } from '../Notice';
import { MetaForm } from './MetaForm';
import { ReviewHandoff } from '../claims/ReviewHandoff';
import type { Response } from '../../shared/api';
import { useArticleSaving } from './useArticleSaving';
import { ExportDialog } from '../export/ExportDialog';
import { describeSaveFailure } from './saveFailure';
import { SaveFailureNote, SaveIndicator } from './SaveStatus';
import { useSigner } from './useSigner';
import { useClaimActions } from './useClaimActions';

type Props = { id: string; onError: (message: string) => void; onInfo: (message: string) => void; onBack: () => void; onReload: () => void };

/** The stored quote's limit (TextQuoteSelector.exact). */
const MAX_CLAIM_CHARS = 20_000;

type Loaded = { article: ArticleForEditing; initial: EditorState };

export function ArticleView({ id, onError, onInfo, onBack, onReload }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [desk, setDesk] = useState<DeskState | null>(null);
  const [snapshot, setSnapshot] = useState<EditorState | null>(null);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [review, setReview] = useState<Response<'getReviewState'>>({ conflicts: [], agreements: [] });
  const [deciding, setDeciding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const root = useRef<HTMLElement | null>(null);
  const targets = useRef(new Map<string, ClaimTarget>());
  const view = useRef<EditorView | null>(null);
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
  useEffect(() => bridge?.onMenuCommand((command) => command.type === 'export' && setExporting(true)), []);

  // The panel follows the editor: at once for claim changes, at most a few times a second while typing.
  const panelTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const noteTransaction = useRef<(tr: Transaction) => void>(() => undefined);
  const onTransaction = useCallback(
    (state: EditorState, tr: Transaction) => {
      if (tr.docChanged) autosave.schedule(state);
      noteTransaction.current(tr);
      const claimChange = tr.getMeta(claimsKey) !== undefined || tr.steps.some((s) => s instanceof ClaimDataStep || s instanceof ClaimRangesStep);
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
    [autosave],
  );

  const mark = useCallback(() => {
    const v = view.current;
    if (!v) return;
    const { from, to, empty } = v.state.selection;
    if (empty) return onError('Select the words of the claim in the article first.');
    if (v.state.doc.textBetween(from, to, '\n\n', '\n').length > MAX_CLAIM_CHARS) {
      return onError(`A claim can be at most ${MAX_CLAIM_CHARS.toLocaleString()} characters long: select the sentence or passage that makes it.`);
    }
    // The range as selected now: if the name has to be asked first, the prompt takes the focus.
    const docAtRequest = v.state.doc;
    void signed((s) => {
      if (v.state.doc !== docAtRequest) return onError('The text changed while your name was asked; select the claim again.');
      const newId = markClaim(v, s, undefined, { from, to });
      // Its target from the start, so it is saved (orphaned) even if its words go before the first save.
      const range = newId ? claimRangesOf(v.state).ranges.get(newId) : undefined;
      if (newId && range) targets.current = new Map([...targets.current, ...targetsForRanges(v.state.doc, new Map([[newId, range]]), new Map())]);
    });
  }, [signed, onError]);

  const scale = desk?.settings.ratingScale ?? [];
  const state = snapshot;
  const rows: ClaimRow[] = useMemo(() => (state ? claimRows(state, targets.current) : []), [state]);
  const selected = state ? (claimsKey.getState(state)?.selected ?? null) : null;
  const selectedRow = rows.find((r) => r.id === selected) ?? null;

  const actions = useClaimActions({
    view,
    root,
    targets,
    rows,
    filter,
    scale,
    reviewer: desk?.settings.reviewerName ?? '',
    signed,
    mark,
    openExport: () => setExporting(true),
    onError,
  });
  noteTransaction.current = actions.noteTransaction;

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

  return (
    <article className="article-view" aria-label={article.meta.title || 'Article'} ref={root}>
      <div className="article-main">
        <div className="article-toolbar">
          <button type="button" className="secondary" onClick={onBack}>
            ← Library
          </button>
          <button type="button" className="secondary" onClick={() => setExporting(true)} title="Ctrl+Shift+E">
            Export…
          </button>
          <SaveIndicator state={saveState} />
        </div>
        {failed && (
          <SaveFailureNote
            failure={failed.described}
            claimLabel={failed.claimLabel}
            onRetry={() => void saveNow()}
            onShowClaim={actions.showClaim}
          />
        )}
        {exporting && (
          <ExportDialog
            articleId={id}
            beforeExport={saveNow}
            onClose={() => setExporting(false)}
            onError={onError}
            onDone={onInfo}
          />
        )}
        <MetaForm meta={article.meta} drafts={drafts} onSave={saveMeta} />
        {article.removedOnImport.length > 0 && (
          <details className="removed-on-import">
            <summary>Taken out of the text on import ({article.removedOnImport.length})</summary>
            <ul>
              {article.removedOnImport.map((r, i) => (
                <li key={i}>
                  <q>{r.text}</q> <span className="reason">— {r.reason}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
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
      <ClaimsPanel
        rows={rows}
        selected={selected}
        scale={scale}
        filter={filter}
        onFilter={setFilter}
        onSelect={(cid) => view.current && selectClaim(view.current, cid)}
        onMark={mark}
        canMark={true}
      >
        <ReviewHandoff
          conflicts={review.conflicts}
          agreements={review.agreements}
          rows={rows}
          busy={deciding}
          onChoose={(conflict, choice) => {
            setDeciding(true);
            // Save what is on screen first; the decision is applied by the back end, then the article reopens.
            saveNow()
              .then(() => client.resolveConflict({ id, claimId: conflict.claimId, field: conflict.field, choice }))
              .then(onReload, (e: unknown) => {
                setDeciding(false);
                onError(errorMessage(e));
              });
          }}
        />
        {prompt}
        {selectedRow && (
          <ClaimDetail
            key={selectedRow.id}
            claim={selectedRow.data}
            number={selectedRow.number}
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
          />
        )}
        {selectedRow && <ClaimHistory key={`history-${selectedRow.id}`} articleId={id} claimId={selectedRow.id} refreshKey={saveState} />}
      </ClaimsPanel>
      <ToastRegion toast={actions.toast} onDismiss={actions.dismissToast} />
    </article>
  );
}
