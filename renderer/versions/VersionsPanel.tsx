import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import { formatWhen } from '../../shared/audit/describe';
import { docPlainText } from '../../shared/doc/plainText';
import type { VersionSummary } from '../../shared/schema/version';
import { claimChangesSinceFirstSeen } from '../../shared/versions/changesSinceFirstSeen';
import { diffTexts } from '../../shared/versions/diff';
import { diffGroups, diffStats, statsSentence } from '../../shared/versions/diffView';
import { DESK_CORRECTIONS_LABEL, versionName, versionSource } from '../../shared/versions/versionLabels';
import type { ClaimRow } from '../claims/claimRows';
import { calloutBadges } from './calloutBadges';
import { ChangesSinceFirstSeen } from './ChangesSinceFirstSeen';
import { DiffView, type DiffLayout } from './DiffView';
import { ReadOnlyText } from './ReadOnlyText';
import { useVersionTexts } from './useVersionTexts';
import { VersionList, type Showing } from './VersionList';
import './versions.css';

export type { Showing };

type Props = {
  articleId: string;
  title: string;
  versions: readonly VersionSummary[];
  rows: readonly ClaimRow[];
  /** The editor's document now: the current version with the desk's corrections. */
  currentDoc: () => Node;
  initial?: Showing;
  onClose: () => void;
  onGoToClaim: (claimId: string) => void;
  onImportVersion: () => void;
};

const LAYOUT_KEY = 'claimdesk.diffLayout';

/** The default comparison: the version before the current one against the current one. */
export function defaultShowing(versions: readonly VersionSummary[]): Showing {
  const last = versions[versions.length - 1]?.number ?? 1;
  return last > 1 ? { kind: 'changes', from: last - 1, to: last } : { kind: 'version', number: last };
}

/**
 * The article's versions, like a document's version history: the list beside what is chosen, an old
 * version read-only or the word diff between two, with the claims the later versions touched.
 */
export function VersionsPanel({ articleId, title, versions, rows, currentDoc, initial, onClose, onGoToClaim, onImportVersion }: Props) {
  const [showing, setShowing] = useState<Showing>(() => initial ?? defaultShowing(versions));
  const [layout, setLayout] = useState<DiffLayout>(() => (localStorage.getItem(LAYOUT_KEY) === 'split' ? 'split' : 'inline'));
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const latest = versions[versions.length - 1]?.number ?? 1;
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => localStorage.setItem(LAYOUT_KEY, layout), [layout]);

  const wanted = showing.kind === 'version' ? [showing.number] : [showing.from, ...(showing.to === 'desk' ? [] : [showing.to])];
  const { get, error } = useVersionTexts(articleId, wanted);
  const changes = useMemo(() => claimChangesSinceFirstSeen(versions), [versions]);

  const fromText = showing.kind === 'changes' ? get(showing.from)?.text : undefined;
  // The editor's text is read once per comparison asked for, not on every keystroke.
  const deskText = useMemo(() => (showing.kind === 'changes' && showing.to === 'desk' ? docPlainText(currentDoc()) : null), [showing, currentDoc]);
  const toText = showing.kind === 'changes' ? (showing.to === 'desk' ? deskText : get(showing.to)?.text) : undefined;
  const diff = useMemo(() => (fromText != null && toText != null ? diffTexts(fromText, toText) : null), [fromText, toText]);
  const stats = useMemo(() => (diff ? statsSentence(diffStats(diffGroups(diff), diff)) : ''), [diff]);

  const label = (to: number | 'desk') => (to === 'desk' ? DESK_CORRECTIONS_LABEL : versionName(to));
  const summary = (n: number) => versions.find((v) => v.number === n);

  return (
    <section
      className="versions-panel"
      aria-labelledby={`${ids}-heading`}
      data-testid="versions-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="versions-head">
        {/* The view's one visible heading of rank 1 while the text (whose title is the page's h1) is hidden. */}
        <h1 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
          Versions <span className="visually-hidden">of “{title}”</span> <span className="count">{versions.length}</span>
        </h1>
        <p className="hint versions-explain">
          Each version is the article as the publisher gave it, kept whole at every import. Your own edits in the editor are <strong>your corrections</strong>, not versions.
        </p>
        <div className="versions-head-actions">
          <button type="button" className="secondary" onClick={onImportVersion}>
            Import new version…
          </button>
          <button type="button" onClick={onClose}>
            Back to the current text
          </button>
        </div>
      </header>
      <div className="versions-body">
        <nav className="versions-side" aria-label="Version list">
          <VersionList versions={versions} showing={showing} onPick={setShowing} />
          {versions.length > 0 && (
            <button type="button" className="link-button versions-desk" aria-pressed={showing.kind === 'changes' && showing.to === 'desk'} onClick={() => setShowing({ kind: 'changes', from: latest, to: 'desk' })}>
              Your corrections since version {latest}
            </button>
          )}
        </nav>
        <div className="versions-main">
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {showing.kind === 'version' ? (
            <VersionReader number={showing.number} of={versions.length} summary={summary(showing.number)} doc={get(showing.number)?.doc ?? null} onClose={onClose} onCompare={() => setShowing({ kind: 'changes', from: showing.number, to: latest })} latest={latest} />
          ) : (
            <>
              <div className="compare-bar" role="group" aria-label="Compare versions">
                <label htmlFor={`${ids}-from`}>Compare</label>
                <select id={`${ids}-from`} value={showing.from} onChange={(e) => setShowing({ ...showing, from: Number(e.currentTarget.value) })}>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {versionName(v.number)}
                    </option>
                  ))}
                </select>
                <label htmlFor={`${ids}-to`}>with</label>
                <select id={`${ids}-to`} value={String(showing.to)} onChange={(e) => setShowing({ ...showing, to: e.currentTarget.value === 'desk' ? 'desk' : Number(e.currentTarget.value) })}>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {versionName(v.number)}
                      {v.number === latest ? ' (current)' : ''}
                    </option>
                  ))}
                  <option value="desk">{DESK_CORRECTIONS_LABEL} (the text in the editor)</option>
                </select>
                <fieldset className="segmented">
                  <legend className="visually-hidden">Show the changes</legend>
                  {(['inline', 'split'] as const).map((l) => (
                    <label key={l} className={layout === l ? 'chosen' : undefined}>
                      <input type="radio" name={`${ids}-layout`} value={l} checked={layout === l} onChange={() => setLayout(l)} />
                      {l === 'inline' ? 'Inline' : 'Side by side'}
                    </label>
                  ))}
                </fieldset>
              </div>
              <p className="compare-summary" aria-live="polite">
                {diff ? (
                  <>
                    <strong>
                      {label(showing.from)} → {label(showing.to)}
                    </strong>
                    {showing.to === 'desk' ? ' (your corrections since the publisher’s version)' : ''}: {stats}
                  </>
                ) : (
                  'Loading the texts…'
                )}
              </p>
              {showing.to !== 'desk' && <ChangesSinceFirstSeen changes={changes} versions={versions} rows={rows} onGoToClaim={onGoToClaim} />}
              {diff && <DiffView diff={diff} layout={layout} fromLabel={label(showing.from)} toLabel={label(showing.to)} callouts={calloutBadges} />}
            </>
          )}
        </div>
      </div>
    </section>
  );
}

type ReaderProps = { number: number; of: number; latest: number; summary: VersionSummary | undefined; doc: Node | null; onClose: () => void; onCompare: () => void };

function VersionReader({ number, of, latest, summary, doc, onClose, onCompare }: ReaderProps) {
  return (
    <div className="version-reader">
      <div className="read-only-banner" role="status">
        <p>
          <strong>
            {versionName(number, of)}
            {number === latest ? ' (current)' : ''}
          </strong>
          {summary && (
            <>
              , imported <time dateTime={summary.importedAt}>{formatWhen(summary.importedAt)}</time> from {versionSource(summary.origin)}
            </>
          )}{' '}
          — read only
        </p>
        <div className="read-only-actions">
          {number !== latest && (
            <button type="button" className="secondary" onClick={onCompare}>
              Compare with version {latest}
            </button>
          )}
          <button type="button" onClick={onClose}>
            Back to the current text
          </button>
        </div>
      </div>
      {doc ? <ReadOnlyText doc={doc} label={`${versionName(number, of)}, read only`} /> : <p className="hint">Loading version {number}…</p>}
    </div>
  );
}
