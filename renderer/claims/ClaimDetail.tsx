import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  ATTRIBUTION_KIND_LABELS,
  ATTRIBUTION_KINDS,
  Attribution,
  CONFIDENCES,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  STATUS_LABELS,
  STATUSES,
  TracedSource,
  Verification,
  type ClaimData,
  type ClaimStatus,
  type Confidence,
} from '../../shared/schema/claim';
import type { SourceEntry } from '../../shared/schema/desk';
import type { StoredConflict } from '../../shared/schema/exchange';
import { findSource } from '../../shared/sources/directory';
import { canSignOff, DONE_ASKS_VERDICT, finishWithVerdict, setStatus, signOff } from '../../shared/claims/status';
import { CLAIM_FIELD_LABELS as LABEL } from '../../shared/claims/fieldLabels';
import type { Signer } from '../editor/claimCommands';
import type { ClaimForms, FieldDrafts } from './drafts';
import { CommentThread } from './CommentThread';
import { EvidenceEditor } from './EvidenceEditor';
import { ConflictChoices } from './ReviewHandoff';
import { StatusMark, VerdictChip, verdictChipStyle } from './chips';
import { FieldScopeContext, Section, SelectField, TextField, type FieldScope } from './fields';
import { statusKeys } from './shortcuts';

type Props = {
  claim: ClaimData;
  number: number | null;
  /** How many claims the article has, for "Claim 3 of 12". */
  total: number;
  quote: string;
  orphaned: boolean;
  scale: readonly string[];
  sources: readonly SourceEntry[];
  reviewer: string;
  drafts: FieldDrafts;
  newId: () => string;
  now: () => string;
  /** Records a change signed by the reviewer (asked for first if unknown); answers whether it was recorded. */
  onChange: (change: (data: ClaimData, signer: Signer) => ClaimData) => Promise<boolean>;
  onDelete: () => void;
  onReattach: () => void;
  /** This claim's conflicts from merged review bundles, decided here. */
  conflicts: StoredConflict[];
  deciding: boolean;
  onChoose: (conflict: StoredConflict, choice: 'ours' | 'theirs') => void;
  /** Done was asked for without a verdict: the verdict chooser is open, asking for it. */
  askingVerdict: boolean;
  onAskVerdict: (asking: boolean) => void;
  /** Asked from the keyboard (a new number each time): open the new-evidence form. */
  addEvidenceRequest?: number;
  /** The drawer's close button, when the inspector is a drawer over the text. */
  onClose?: () => void;
  /** The claim's history (from the audit trail); the History part shows only when given. */
  renderHistory?: (claimId: string) => ReactNode;
};

const traced = TracedSource.shape;
const attribution = Attribution.shape;

/**
 * The claim inspector: everything a fact-checker records about one claim, beside its words. The header
 * keeps the quote and the verdict and status chips in view; the parts follow as compact sections. Each
 * field is checked as it is committed; what is signed (a comment, a second review) is signed with the
 * name the change is recorded under.
 */
export function ClaimDetail(props: Props) {
  const { claim, number, total, quote, orphaned, scale, sources, reviewer, drafts, newId, now, onChange, onDelete, onReattach } = props;
  const [statusError, setStatusError] = useState<string | null>(null);
  const [chooser, setChooser] = useState<'verdict' | 'status' | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [forms, setForms] = useState(() => drafts.formsOf(claim.id));
  // The drafts object holds the forms, so they outlive this view of the claim; state only redraws.
  const updateForms = (change: (f: ClaimForms) => ClaimForms) => {
    const next = change(drafts.formsOf(claim.id));
    drafts.setForms(claim.id, next);
    setForms(next);
  };
  const describe = number === null ? 'the orphaned claim' : `claim ${number}`;
  const scope: FieldScope = useMemo(() => ({ drafts, owner: claim.id, describe }), [drafts, claim.id, describe]);
  const a = claim.attribution;
  const v = claim.verification;
  const setAttribution = (patch: Partial<ClaimData['attribution']>) => onChange((d) => ({ ...d, attribution: { ...d.attribution, ...patch } }));
  const setTraced = (patch: Partial<ClaimData['attribution']['traced']>) =>
    onChange((d) => ({ ...d, attribution: { ...d.attribution, traced: { ...d.attribution.traced, ...patch } } }));
  const setVerification = (patch: Partial<ClaimData['verification']>) => onChange((d) => ({ ...d, verification: { ...d.verification, ...patch } }));
  const verdictChip = useRef<HTMLButtonElement>(null);
  const statusChip = useRef<HTMLButtonElement>(null);
  const openChooser = props.askingVerdict ? 'verdict' : chooser;

  // Checked here first, so the reason shows at once; applied with the signer's name, which may be asked for.
  const changeStatus = (status: ClaimStatus) => {
    const check = setStatus(claim, status, reviewer, now());
    if (!check.ok) {
      // Done before a verdict: ask for the verdict here and now; choosing one completes Done.
      if (status === 'done' && v.verdict === null) return props.onAskVerdict(true);
      return setStatusError(check.message);
    }
    setStatusError(null);
    props.onAskVerdict(false);
    void onChange((d, s) => {
      const next = setStatus(d, status, s.reviewer, s.now());
      return next.ok ? next.data : d;
    });
  };
  const changeVerdict = (verdict: string | null) => {
    if (props.askingVerdict && verdict !== null) {
      props.onAskVerdict(false);
      setStatusError(null);
      void onChange((d, s) => {
        const next = finishWithVerdict(d, verdict, s.reviewer, s.now());
        return next.ok ? next.data : d;
      });
      return;
    }
    if (verdict === null && v.status === 'done') return setStatusError('A done claim keeps its verdict. Change the status first.');
    setStatusError(null);
    void setVerification({ verdict });
  };
  const doSignOff = () => {
    const check = signOff(claim, reviewer, now());
    if (!check.ok) return setStatusError(check.message);
    setStatusError(null);
    void onChange((d, s) => {
      const next = signOff(d, s.reviewer, s.now());
      return next.ok ? next.data : d;
    });
  };
  const closeChooser = (focus: 'verdict' | 'status' | null) => {
    setChooser(null);
    props.onAskVerdict(false);
    (focus === 'status' ? statusChip : verdictChip).current?.focus();
  };

  const title = orphaned ? 'Orphaned claim' : `Claim ${number}`;
  return (
    <FieldScopeContext.Provider value={scope}>
      <section className="claim-detail" aria-label={orphaned ? 'Orphaned claim details' : `Claim ${number} details`} data-claim-detail={claim.id}>
        <header className="claim-detail-head">
          <div className="claim-detail-title">
            <h2 tabIndex={-1} className="claim-detail-heading">
              {title}
              {!orphaned && <span className="claim-of"> of {total}</span>}
            </h2>
            {props.onClose && (
              <button type="button" className="secondary inspector-close" onClick={props.onClose} aria-label="Close the claim inspector" title="Escape">
                ✕
              </button>
            )}
          </div>
          <div className="claim-chips">
            <button
              ref={verdictChip}
              type="button"
              className="chip-button verdict-chip-button"
              style={verdictChipStyle(v.verdict, scale)}
              aria-expanded={openChooser === 'verdict'}
              aria-label={`Verdict: ${v.verdict ?? 'no verdict'}. Change the verdict`}
              onClick={() => (openChooser === 'verdict' ? closeChooser('verdict') : setChooser('verdict'))}
            >
              <span className="chip-kind">Verdict</span> {v.verdict ?? 'No verdict'}
            </button>
            <button
              ref={statusChip}
              type="button"
              className={`chip-button status-chip-button status-${v.status}`}
              aria-expanded={openChooser === 'status'}
              aria-label={`Status: ${STATUS_LABELS[v.status]}. Change the status`}
              onClick={() => (openChooser === 'status' ? closeChooser('status') : (props.onAskVerdict(false), setChooser('status')))}
            >
              <span className="chip-kind">Status</span> <StatusMark status={v.status} />
            </button>
          </div>
          {openChooser === 'verdict' && (
            <Chooser
              label="Choose a verdict"
              message={props.askingVerdict ? DONE_ASKS_VERDICT : null}
              options={[
                ...scale.map((l, i) => ({ value: l, label: l, keys: i < 9 ? String(i + 1) : undefined, chip: true })),
                ...(props.askingVerdict || v.status === 'done' ? [] : [{ value: null, label: 'No verdict', keys: '0', chip: true }]),
              ]}
              scale={scale}
              current={v.verdict}
              onPick={(verdict) => {
                changeVerdict(verdict);
                closeChooser('verdict');
              }}
              onClose={() => closeChooser('verdict')}
            />
          )}
          {openChooser === 'status' && (
            <Chooser
              label="Choose a status"
              message={null}
              options={STATUSES.map((s, i) => ({ value: s, label: STATUS_LABELS[s], keys: statusKeys(i + 1) }))}
              scale={scale}
              current={v.status}
              onPick={(status) => {
                if (status === null) return;
                setChooser(null);
                if (status === 'done' && v.verdict === null) return props.onAskVerdict(true);
                changeStatus(status as ClaimStatus);
                statusChip.current?.focus();
              }}
              onClose={() => closeChooser('status')}
            />
          )}
          <blockquote className="claim-quote">{quote}</blockquote>
          {orphaned && (
            <p className="orphan-note">
              All the words of this claim were deleted. Undo (Ctrl+Z) brings them back; or select words in the text and re-attach it.{' '}
              <button type="button" className="secondary" onClick={onReattach}>
                Re-attach to selection
              </button>
            </p>
          )}
          <p className="claim-stamp">
            Marked by {claim.createdBy}, {new Date(claim.createdAt).toLocaleString()} · last change by {claim.updatedBy}, {new Date(claim.updatedAt).toLocaleString()}
          </p>
        </header>

        <ConflictChoices conflicts={props.conflicts} busy={props.deciding} onChoose={props.onChoose} />

        <Section title="Source attribution">
          <TextField
            label={LABEL['attribution.sourceName']}
            name="attribution.sourceName"
            value={a.sourceName}
            schema={attribution.sourceName}
            list="source-directory"
            placeholder="e.g. Syrian Observatory for Human Rights"
            onCommit={(sourceName) => {
              const known = findSource(sources, sourceName);
              return setAttribution(known ? { sourceName: known.name, sourceKind: known.kind } : { sourceName });
            }}
          />
          <datalist id="source-directory">
            {sources.flatMap((s) => [s.name, ...s.aliases]).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <div className="field-row">
            <SelectField label={LABEL['attribution.sourceKind']} name="attribution.sourceKind" value={a.sourceKind} options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} onChange={(sourceKind) => void setAttribution({ sourceKind })} />
            <SelectField label={LABEL['attribution.kind']} name="attribution.kind" value={a.kind} options={ATTRIBUTION_KINDS.map((k) => ({ value: k, label: ATTRIBUTION_KIND_LABELS[k] }))} onChange={(kind) => void setAttribution({ kind })} />
          </div>
          <TextField label={LABEL['attribution.cue']} name="attribution.cue" value={a.cue} schema={attribution.cue} placeholder="according to, reported, has clarified" onCommit={(cue) => setAttribution({ cue })} />
          <details className="traced" open={a.traced.url !== ''}>
            <summary>Traced original source</summary>
            <TextField label={LABEL['attribution.traced.url']} name="attribution.traced.url" type="url" value={a.traced.url} schema={traced.url} placeholder="https://…" onCommit={(url) => setTraced({ url })} />
            <TextField label={LABEL['attribution.traced.title']} name="attribution.traced.title" value={a.traced.title} schema={traced.title} onCommit={(title) => setTraced({ title })} />
            <TextField label={LABEL['attribution.traced.publisher']} name="attribution.traced.publisher" value={a.traced.publisher} schema={traced.publisher} onCommit={(publisher) => setTraced({ publisher })} />
            <TextField label={LABEL['attribution.traced.date']} name="attribution.traced.date" type="date" value={a.traced.date} schema={traced.date} onCommit={(date) => setTraced({ date })} />
            <TextField label={LABEL['attribution.traced.archivedUrl']} name="attribution.traced.archivedUrl" type="url" value={a.traced.archivedUrl} schema={traced.archivedUrl} placeholder="https://web.archive.org/…" onCommit={(archivedUrl) => setTraced({ archivedUrl })} />
          </details>
        </Section>

        <Section title="Verification">
          <div className="field-row">
            <SelectField
              label={LABEL['verification.verdict']}
              name="verification.verdict"
              value={v.verdict ?? ''}
              options={[
                { value: '', label: '— no verdict yet —' },
                ...scale.map((l) => ({ value: l, label: l })),
                // A verdict from before the desk changed its scale: shown as it is, so it can be seen and replaced.
                ...(v.verdict !== null && !scale.includes(v.verdict) ? [{ value: v.verdict, label: `${v.verdict} (not on the desk's scale)` }] : []),
              ]}
              onChange={(verdict) => changeVerdict(verdict === '' ? null : verdict)}
            />
            <SelectField label={LABEL['verification.status']} name="verification.status" value={v.status} options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} onChange={changeStatus} error={statusError} />
          </div>
          {v.secondReview && (
            <p className="second-review" data-testid="second-review">
              Second review: asked for by {v.secondReview.requestedBy}, {new Date(v.secondReview.requestedAt).toLocaleString()}
              {v.secondReview.signedOffBy
                ? `; signed off by ${v.secondReview.signedOffBy}, ${new Date(v.secondReview.signedOffAt ?? '').toLocaleString()}`
                : v.status === 'needs_second_review'
                  ? '; waiting for a different reviewer to sign it off.'
                  : '.'}
            </p>
          )}
          {canSignOff(claim, reviewer) && (
            <button type="button" onClick={doSignOff}>
              Sign off as {reviewer}
            </button>
          )}
          <SelectField
            label={LABEL['verification.confidence']}
            name="verification.confidence"
            value={v.confidence ?? ''}
            options={[{ value: '', label: '—' }, ...CONFIDENCES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }))]}
            onChange={(c) => void setVerification({ confidence: c === '' ? null : (c as Confidence) })}
          />
          <TextField label={LABEL['verification.rationale']} name="verification.rationale" multiline value={v.rationale} schema={Verification.shape.rationale} onCommit={(rationale) => setVerification({ rationale })} />
        </Section>

        <Section title={`Evidence (${v.evidence.length})`}>
          <EvidenceEditor
            items={v.evidence}
            newId={newId}
            today={() => now().slice(0, 10)}
            onChange={(change) => void onChange((d) => ({ ...d, verification: { ...d.verification, evidence: change(d.verification.evidence) } }))}
            draft={forms.evidence}
            onDraft={(change) => updateForms((f) => ({ ...f, evidence: change(f.evidence) }))}
            addRequest={props.addEvidenceRequest}
          />
        </Section>

        <CommentThread
          claim={claim}
          reviewer={reviewer}
          draft={forms.comment}
          onDraft={(comment) => updateForms((f) => ({ ...f, comment }))}
          onPosted={(text) => updateForms((f) => (f.comment.trim() === text ? { ...f, comment: '' } : f))}
          thread={forms.thread}
          onThread={(thread) => updateForms((f) => ({ ...f, thread }))}
          onChange={onChange}
        />

        {props.renderHistory && (
          <details className="claim-history" onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
            <summary>History</summary>
            {historyOpen && props.renderHistory(claim.id)}
          </details>
        )}

        <div className="claim-detail-foot">
          <button type="button" className="danger" onClick={onDelete} title="Ctrl+Shift+Backspace">
            Delete claim
          </button>
        </div>
      </section>
    </FieldScopeContext.Provider>
  );
}

type Option = { value: string | null; label: string; keys?: string; chip?: boolean };

/**
 * A small chooser that opens in place under the chips: one button per choice, the current one pressed,
 * arrows move, Escape closes. With a message it is asking (Done needs a verdict), said at once.
 */
function Chooser({ label, message, options, scale, current, onPick, onClose }: { label: string; message: string | null; options: Option[]; scale: readonly string[]; current: string | null; onPick: (v: string | null) => void; onClose: () => void }) {
  const group = useRef<HTMLDivElement>(null);
  const labelId = useId();
  useEffect(() => {
    const buttons = [...(group.current?.querySelectorAll<HTMLButtonElement>('button[data-choice]') ?? [])];
    (buttons.find((b) => b.getAttribute('aria-pressed') === 'true') ?? buttons[0])?.focus();
  }, []);
  return (
    <div
      ref={group}
      className={`chooser${message ? ' chooser-asking' : ''}`}
      role="group"
      aria-labelledby={labelId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
          return;
        }
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        const buttons = [...(group.current?.querySelectorAll<HTMLButtonElement>('button[data-choice]') ?? [])];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
        e.preventDefault();
        buttons[(at + step + buttons.length) % buttons.length]?.focus();
      }}
    >
      <p id={labelId} className="chooser-label">
        {label}
      </p>
      {message && (
        <p className="chooser-message" role="alert">
          {message}
        </p>
      )}
      <div className="chooser-options">
        {options.map((o) => (
          <button key={o.value ?? ''} type="button" data-choice="" className="chooser-option" aria-pressed={current === o.value} onClick={() => onPick(o.value)}>
            {o.keys && <kbd aria-hidden="true">{o.keys}</kbd>} {o.chip ? <VerdictChip verdict={o.value} scale={scale} compact /> : o.label}
          </button>
        ))}
      </div>
      <button type="button" className="link-button chooser-cancel" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
