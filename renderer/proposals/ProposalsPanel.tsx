/**
 * The proposals of "Find claims", listed apart from the claims: a card per proposal with its words,
 * score, reasons, cue, source and strength, filtered by strength or source kind; keys on a card accept
 * (A, Enter), reject (R, Delete) or adjust its span (E); "Accept all" takes every proposal shown.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Proposal } from '../../shared/api';
import { DETECT_STRENGTHS, type DetectStrength } from '../../shared/detect/schema';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, type SourceKind } from '../../shared/schema/claim';
import { clipQuote } from '../../shared/claims/clipQuote';
import { shortcutKeys } from '../claims/shortcuts';
import type { FindState } from './useProposals';
import { scorePercent, sourceLabel, STRENGTH_LABELS, weakSourcingText } from './proposalWords';
import './proposals.css';

type Item = { key: string; proposal: Proposal };

type Props = {
  items: Item[];
  find: FindState;
  adjusting: string | null;
  /** Takes the proposals off the text and the list (nothing is rejected). */
  onClear: () => void;
  onAccept: (keys: string[]) => Promise<number>;
  onReject: (keys: string[]) => Promise<boolean>;
  onAdjust: (key: string) => void;
  onCancelAdjust: () => void;
  onActive: (key: string | null) => void;
};

type StrengthFilter = 'all' | DetectStrength;

/** How many cards are drawn at once: a 1 MB text proposes thousands; the rest come as these are decided. */
const MAX_SHOWN = 200;
const QUOTE_CHARS = 220;

const STRENGTH_SHORT: Record<DetectStrength, string> = { named: 'Named', vague: 'Vague', none: 'No attribution' };

export function ProposalsPanel({ items, find, adjusting, onClear, onAccept, onReject, onAdjust, onCancelAdjust, onActive }: Props) {
  const [strength, setStrength] = useState<StrengthFilter>('all');
  const [kind, setKind] = useState<'any' | SourceKind>('any');
  const [focused, setFocused] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const counts = useMemo(() => {
    const c: Record<DetectStrength, number> = { named: 0, vague: 0, none: 0 };
    for (const i of items) c[i.proposal.attribution.strength]++;
    return c;
  }, [items]);
  const kinds = useMemo(() => SOURCE_KINDS.filter((k) => items.some((i) => i.proposal.attribution.sourceKind === k)), [items]);
  const visible = items.filter((i) => (strength === 'all' || i.proposal.attribution.strength === strength) && (kind === 'any' || i.proposal.attribution.sourceKind === kind));
  const shown = visible.slice(0, MAX_SHOWN);
  const tabStop = shown.some((i) => i.key === focused) ? focused : (shown[0]?.key ?? null);
  const running = find.phase === 'running';

  const focusCard = (key: string | undefined) => {
    if (!key) return;
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-proposal-card="${CSS.escape(key)}"]`)?.focus());
  };
  /** After a card goes: the focus to the one taking its place. */
  const after = (key: string) => {
    const at = shown.findIndex((i) => i.key === key);
    const next = shown[at + 1] ?? shown[at - 1];
    setFocused(next?.key ?? null);
    focusCard(next?.key);
  };
  const accept = (key: string) => void onAccept([key]).then((n) => n > 0 && after(key));
  const reject = (key: string) => void onReject([key]).then((ok) => ok && after(key));

  const onCardKey = (e: KeyboardEvent<HTMLElement>, key: string) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return;
    const at = shown.findIndex((i) => i.key === key);
    const move = (to: number) => {
      const next = shown[Math.max(0, Math.min(shown.length - 1, to))];
      if (next) {
        setFocused(next.key);
        focusCard(next.key);
      }
    };
    const k = e.key.toLowerCase();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(shown.length - 1);
    else if (k === 'a' || e.key === 'Enter') accept(key);
    else if (k === 'r' || e.key === 'Delete' || e.key === 'Backspace') reject(key);
    else if (k === 'e') onAdjust(key);
    else return;
    e.preventDefault();
  };

  const acceptAllLabel =
    strength === 'all' && kind === 'any' ? `Accept all ${visible.length}` : `Accept all ${visible.length} ${strength !== 'all' ? STRENGTH_SHORT[strength].toLowerCase() : ''}${kind !== 'any' ? ` ${SOURCE_KIND_LABELS[kind].toLowerCase()}` : ''}`.replace(/\s+/g, ' ');

  // Until Find claims runs there is nothing to show: the claim list keeps the pane.
  if (find.phase === 'idle' && items.length === 0) return null;

  return (
    <section className="proposals-panel" aria-labelledby="proposals-heading">
      <div className="proposals-head">
        <h2 id="proposals-heading">
          Proposals<span className="proposals-count"> ({items.length})</span>
        </h2>
        {!running && (
          <button type="button" className="link-button proposals-clear" onClick={onClear} title="Take the proposals off the text; nothing is rejected">
            Clear
          </button>
        )}
      </div>
      <div role="status" className="proposals-status">
        {running && (
          <span className="proposals-progress">
            Finding claims… {find.total > 1 ? `part ${find.done} of ${find.total}` : ''}
            <progress max={find.total} value={find.done} aria-label="Finding claims" />
          </span>
        )}
        {find.phase === 'found' && find.notice && <p className="proposals-notice">{find.notice}</p>}
        {find.phase === 'found' && !find.notice && (
          <span className="hint">
            {find.found === 0 ? 'Nothing new to propose' : `${find.found} proposed`} in {(find.ms / 1000).toFixed(1)} s
            {find.skipped > 0 ? ` · ${find.skipped} rejected before, not proposed again` : ''}
          </span>
        )}
      </div>
      {adjusting && (
        <p className="proposals-adjust" role="note">
          Widen or narrow the selection in the text, then press <strong>Mark claim</strong> ({shortcutKeys('mark')}) to accept it with those words.{' '}
          <button type="button" className="link-button" onClick={onCancelAdjust}>
            Cancel
          </button>
        </p>
      )}
      {items.length > 0 && (
        <>
          <div className="proposal-filters">
            <div role="radiogroup" aria-label="Show proposals by attribution" className="proposal-strengths">
              {(['all', ...DETECT_STRENGTHS] as const).map((s) => (
                <label key={s} className="chip-toggle">
                  <input type="radio" name="proposal-strength" checked={strength === s} onChange={() => setStrength(s)} /> {s === 'all' ? 'All' : STRENGTH_SHORT[s]}{' '}
                  <span className="chip-count">{s === 'all' ? items.length : counts[s]}</span>
                </label>
              ))}
            </div>
            {kinds.length > 1 && (
              <label className="proposal-kind">
                Source kind{' '}
                <select value={kind} onChange={(e) => setKind(e.currentTarget.value as 'any' | SourceKind)}>
                  <option value="any">Any</option>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {SOURCE_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="secondary accept-all" disabled={visible.length === 0} onClick={() => void onAccept(visible.map((i) => i.key))}>
              {acceptAllLabel}
            </button>
          </div>
          <ul className="proposal-list" ref={list} aria-label="Proposals" aria-describedby="proposal-keys">
            {shown.map((item, n) => (
              <ProposalCard
                key={item.key}
                item={item}
                n={n + 1}
                total={visible.length}
                tabbable={item.key === tabStop}
                adjusting={item.key === adjusting}
                onKey={(e) => onCardKey(e, item.key)}
                onFocus={() => {
                  setFocused(item.key);
                  onActive(item.key);
                }}
                onAccept={() => accept(item.key)}
                onReject={() => reject(item.key)}
                onAdjust={() => onAdjust(item.key)}
              />
            ))}
          </ul>
          {visible.length > shown.length && <p className="hint">{shown.length} of {visible.length} shown; the rest appear as these are decided.</p>}
          <p id="proposal-keys" className="visually-hidden">
            Up and down arrows move between proposals; A or Enter accepts, R or Delete rejects, E selects its words in the text to adjust.
          </p>
        </>
      )}
    </section>
  );
}

type CardProps = {
  item: Item;
  n: number;
  total: number;
  tabbable: boolean;
  adjusting: boolean;
  onKey: (e: KeyboardEvent<HTMLElement>) => void;
  onFocus: () => void;
  onAccept: () => void;
  onReject: () => void;
  onAdjust: () => void;
};

function ProposalCard({ item, n, total, tabbable, adjusting, onKey, onFocus, onAccept, onReject, onAdjust }: CardProps) {
  const p = item.proposal;
  const { strength, sourceKind } = p.attribution;
  const weak = weakSourcingText(strength);
  const source = sourceLabel(p);
  const quote = clipQuote(p.quote.exact, QUOTE_CHARS);
  const label = `Proposal ${n} of ${total}: ${clipQuote(p.quote.exact, 80)}. ${STRENGTH_LABELS[strength]}${source && strength === 'named' ? `, ${source}` : ''}, ${scorePercent(p)} check-worthy.`;
  return (
    <li className={`proposal-card proposal-card-${strength}${adjusting ? ' adjusting' : ''}`}>
      <div className="proposal-body" role="group" aria-label={label} tabIndex={tabbable ? 0 : -1} data-proposal-card={item.key} onKeyDown={onKey} onFocus={onFocus} onClick={onFocus}>
        <div className="proposal-top">
          <span className={`strength-badge strength-${strength}`}>{strength === 'named' ? STRENGTH_SHORT[strength] : `⚠ ${STRENGTH_SHORT[strength]}`}</span>
          {sourceKind !== 'none' && <span className="proposal-kind-label">{SOURCE_KIND_LABELS[sourceKind]}</span>}
          <span className="proposal-score" title="How check-worthy detection judges it">
            {scorePercent(p)}
          </span>
        </div>
        <p className="proposal-quote">{quote}</p>
        <dl className="proposal-attribution">
          {p.words.cue.trim() !== '' && (
            <div>
              <dt>Cue</dt>
              <dd>“{clipQuote(p.words.cue, 60)}”</dd>
            </div>
          )}
          {source && strength === 'named' && (
            <div>
              <dt>Source</dt>
              <dd>
                {clipQuote(source, 80)}
                {p.source && <span className="in-directory" title="In the desk's source directory"> ✓ directory</span>}
              </dd>
            </div>
          )}
          {weak && (
            <div className="proposal-weak-line">
              <dt className="visually-hidden">Sourcing</dt>
              <dd>{weak}</dd>
            </div>
          )}
        </dl>
        {p.claim.reasons.length > 0 && (
          <p className="proposal-reasons">
            <span className="visually-hidden">Why: </span>
            {p.claim.reasons.slice(0, 5).join(' · ')}
          </p>
        )}
      </div>
      <div className="proposal-actions">
        <button type="button" className="accept" onClick={onAccept} tabIndex={tabbable ? 0 : -1} aria-keyshortcuts="A" title="Accept (A or Enter)">
          Accept
        </button>
        <button type="button" className="secondary" onClick={onAdjust} tabIndex={tabbable ? 0 : -1} aria-keyshortcuts="E" title="Select its words in the text to adjust them (E)">
          Adjust
        </button>
        <button type="button" className="secondary reject" onClick={onReject} tabIndex={tabbable ? 0 : -1} aria-keyshortcuts="R" title="Reject: not proposed again (R or Delete)">
          Reject
        </button>
      </div>
    </li>
  );
}
