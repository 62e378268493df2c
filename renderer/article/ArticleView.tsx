import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { redo, undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ArticleForEditing } from '../../shared/schema/article';
import type { ClaimData, ClaimTarget } from '../../shared/schema/claim';
import type { DeskState } from '../../shared/schema/desk';
import { bridge, client, errorMessage } from '../api';
import { ArticleEditor } from '../editor/ArticleEditor';
import type { SaveState } from '../editor/autosave';
import { targetsForRanges } from '../../shared/anchor/claimRanges';
import { ClaimDataStep } from '../editor/claimStep';
import { ClaimRangesStep } from '../editor/claimRangesStep';
import { claimRangesOf, claimsKey } from '../editor/claimsPlugin';
import { deleteClaim, markClaim, reattachClaim, selectClaim, stepClaim, updateClaim, type Signer } from '../editor/claimCommands';
import { openArticle } from '../editor/editorState';
import { canDrawClaims } from '../editor/claimHighlights';
import { ClaimDetail } from '../claims/ClaimDetail';
import { ClaimsPanel, type ClaimRow } from '../claims/ClaimsPanel';
import { claimRows } from '../claims/claimRows';
import { matchesFilter, NO_FILTER, type ClaimFilter } from '../claims/filters';
import { claimAction } from '../claims/shortcuts';
import { ReviewerPrompt } from '../settings/ReviewerPrompt';
import { MetaForm } from './MetaForm';
import { ReviewHandoff } from '../claims/ReviewHandoff';
import { setStatus } from '../../shared/claims/status';
import type { Response } from '../../shared/api';
import { useArticleSaving } from './useArticleSaving';
import { ExportDialog } from '../export/ExportDialog';

type Props = { id: string; onError: (message: string) => void; onInfo: (message: string) => void; onBack: () => void; onReload: () => void };

const STATE_TEXT: Record<SaveState, string> = { saved: 'All changes saved', pending: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' };
/** The stored quote's limit (TextQuoteSelector.exact). */
const MAX_CLAIM_CHARS = 20_000;
const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

type Loaded = { article: ArticleForEditing; initial: EditorState };

export function ArticleView({ id, onError, onInfo, onBack, onReload }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [desk, setDesk] = useState<DeskState | null>(null);
  const [snapshot, setSnapshot] = useState<EditorState | null>(null);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [review, setReview] = useState<Response<'getReviewState'>>({ conflicts: [], agreements: [] });
  const [deciding, setDeciding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [pendingAction, setPendingAction] = useState<((s: Signer) => void) | null>(null);
  const targets = useRef(new Map<string, ClaimTarget>());
  const view = useRef<EditorView | null>(null);
  const { saveState, saveError, revision, autosave, saveMeta } = useArticleSaving({
    id,
    targets,
    onSources: (sources) => setDesk((d) => (d ? { ...d, sources } : d)),
    onMetaSaved: (meta) => setLoaded((l) => (l ? { ...l, article: { ...l.article, meta: { ...l.article.meta, ...meta } } } : l)),
  });

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
  const onTransaction = useCallback(
    (state: EditorState, tr: Transaction) => {
      if (tr.docChanged) autosave.schedule(state);
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

  const signerFor = (reviewer: string): Signer => ({ reviewer, now: () => new Date().toISOString(), newId: () => crypto.randomUUID() });

  /** Runs a claim action signed with the reviewer's name, asking for the name first if there is none yet. */
  const signed = useCallback(
    (act: (s: Signer) => void) => {
      const reviewer = desk?.settings.reviewerName ?? '';
      if (reviewer) act(signerFor(reviewer));
      else setPendingAction(() => act);
    },
    [desk],
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
    signed((s) => {
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

  const change = useCallback((cid: string, fn: (d: ClaimData) => ClaimData) => signed((s) => view.current && updateClaim(view.current, cid, s, fn)), [signed]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const v = view.current;
    if (!v) return;
    const target = e.target as HTMLElement;
    const inField = target.closest('input, textarea, select') !== null;
    const mod = isMac ? e.metaKey : e.ctrlKey;
    if (!inField && !v.hasFocus() && mod && e.code === 'KeyZ') {
      e.preventDefault();
      (e.shiftKey ? redo : undo)(v.state, v.dispatch);
      return;
    }
    if (mod && e.shiftKey && !e.altKey && e.code === 'KeyE') {
      e.preventDefault();
      setExporting(true);
      return;
    }
    const action = claimAction(e, isMac);
    if (!action || (inField && action.type === 'delete')) return;
    e.preventDefault();
    const current = claimsKey.getState(v.state)?.selected ?? null;
    switch (action.type) {
      case 'mark':
        return mark();
      case 'next':
      case 'previous':
        return stepClaim(v, action.type === 'next' ? 1 : -1, (cid) => {
          const d = claimsKey.getState(v.state)?.data.get(cid);
          return d ? matchesFilter(d, filter) : false;
        });
      case 'status': {
        const data = current ? claimsKey.getState(v.state)?.data.get(current) : undefined;
        if (!current || !data) return;
        const next = setStatus(data, action.status, desk?.settings.reviewerName ?? '', new Date().toISOString());
        if (!next.ok) return onError(`${next.message} (Alt+Shift+1… sets a verdict.)`);
        return change(current, (d) => ({ ...d, verification: { ...d.verification, status: action.status, secondReview: next.data.verification.secondReview } }));
      }
      case 'verdict': {
        if (!current) return;
        const verdict = action.index === null ? null : (scale[action.index] ?? undefined);
        if (verdict === undefined) return;
        if (verdict === null && claimsKey.getState(v.state)?.data.get(current)?.verification.status === 'done') return;
        return change(current, (d) => ({ ...d, verification: { ...d.verification, verdict } }));
      }
      case 'delete':
        if (current) deleteClaim(v, current);
        return;
    }
  };

  if (!loaded || !desk) return <p>Loading article…</p>;
  const { article } = loaded;

  return (
    <article className="article-view" aria-label={article.meta.title || 'Article'} onKeyDown={onKeyDown}>
      <div className="article-main">
        <div className="article-toolbar">
          <button type="button" className="secondary" onClick={onBack}>
            ← Library
          </button>
          <button type="button" className="secondary" onClick={() => setExporting(true)} title="Ctrl+Shift+E">
            Export…
          </button>
          <span className={`save-state save-${saveState}`} role="status" aria-live="polite" data-testid="save-state">
            {STATE_TEXT[saveState]}
            {saveError ? `: ${saveError}` : ''}
          </span>
        </div>
        {exporting && (
          <ExportDialog
            articleId={id}
            beforeExport={() => autosave.flush()}
            onClose={() => setExporting(false)}
            onError={onError}
            onDone={onInfo}
          />
        )}
        <MetaForm meta={article.meta} onSave={saveMeta} />
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
            autosave
              .flush()
              .then(() => client.resolveConflict({ id, claimId: conflict.claimId, field: conflict.field, choice }))
              .then(onReload, (e: unknown) => {
                setDeciding(false);
                onError(errorMessage(e));
              });
          }}
        />
        {pendingAction && (
          <ReviewerPrompt
            onSaved={(settings) => {
              setDesk((d) => (d ? { ...d, settings } : d));
              setPendingAction(null);
              pendingAction(signerFor(settings.reviewerName));
            }}
            onCancel={() => setPendingAction(null)}
            onError={onError}
          />
        )}
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
            newId={() => crypto.randomUUID()}
            now={() => new Date().toISOString()}
            onChange={(fn) => change(selectedRow.id, fn)}
            onDelete={() => view.current && deleteClaim(view.current, selectedRow.id)}
            onReattach={() => {
              if (view.current && !reattachClaim(view.current, selectedRow.id)) onError('Select the words to re-attach this claim to first.');
            }}
          />
        )}
      </ClaimsPanel>
    </article>
  );
}
