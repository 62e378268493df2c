import { useMemo, useState } from 'react';
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
import { findSource } from '../../shared/sources/directory';
import { canSignOff, setStatus, signOff } from '../../shared/claims/status';
import { CLAIM_FIELD_LABELS as LABEL } from '../../shared/claims/fieldLabels';
import type { Signer } from '../editor/claimCommands';
import type { ClaimForms, FieldDrafts } from './drafts';
import { CommentThread } from './CommentThread';
import { EvidenceEditor } from './EvidenceEditor';
import { FieldScopeContext, Section, SelectField, TextField, type FieldScope } from './fields';

type Props = {
  claim: ClaimData;
  number: number | null;
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
};

const traced = TracedSource.shape;
const attribution = Attribution.shape;

/**
 * Everything a fact-checker records about one claim. Each field is checked as it is committed; what is
 * signed (a comment, a second review) is signed with the name the change is recorded under.
 */
export function ClaimDetail({ claim, number, quote, orphaned, scale, sources, reviewer, drafts, newId, now, onChange, onDelete, onReattach }: Props) {
  const [statusError, setStatusError] = useState<string | null>(null);
  const [forms, setForms] = useState(() => drafts.formsOf(claim.id));
  // The drafts object holds the forms, so they outlive this view of the claim; state only redraws.
  const updateForms = (change: (f: ClaimForms) => ClaimForms) => {
    const next = change(drafts.formsOf(claim.id));
    drafts.setForms(claim.id, next);
    setForms(next);
  };
  const scope: FieldScope = useMemo(() => ({ drafts, owner: claim.id, describe: number === null ? 'the orphaned claim' : `claim ${number}` }), [drafts, claim.id, number]);
  const a = claim.attribution;
  const v = claim.verification;
  const setAttribution = (patch: Partial<ClaimData['attribution']>) => onChange((d) => ({ ...d, attribution: { ...d.attribution, ...patch } }));
  const setTraced = (patch: Partial<ClaimData['attribution']['traced']>) =>
    onChange((d) => ({ ...d, attribution: { ...d.attribution, traced: { ...d.attribution.traced, ...patch } } }));
  const setVerification = (patch: Partial<ClaimData['verification']>) => onChange((d) => ({ ...d, verification: { ...d.verification, ...patch } }));

  // Checked here first, so the reason shows at once; applied with the signer's name, which may be asked for.
  const changeStatus = (status: ClaimStatus) => {
    const check = setStatus(claim, status, reviewer, now());
    if (!check.ok) return setStatusError(check.message);
    setStatusError(null);
    void onChange((d, s) => {
      const next = setStatus(d, status, s.reviewer, s.now());
      return next.ok ? next.data : d;
    });
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
  return (
    <FieldScopeContext.Provider value={scope}>
    <section className="claim-detail" aria-label={`Claim ${number ?? ''} details`.replace('  ', ' ')}>
      <header className="claim-detail-head">
        <h3>{orphaned ? 'Orphaned claim' : `Claim ${number}`}</h3>
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
            setAttribution(known ? { sourceName: known.name, sourceKind: known.kind } : { sourceName });
          }}
        />
        <datalist id="source-directory">
          {sources.flatMap((s) => [s.name, ...s.aliases]).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <SelectField label={LABEL['attribution.sourceKind']} name="attribution.sourceKind" value={a.sourceKind} options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} onChange={(sourceKind) => setAttribution({ sourceKind })} />
        <SelectField label={LABEL['attribution.kind']} name="attribution.kind" value={a.kind} options={ATTRIBUTION_KINDS.map((k) => ({ value: k, label: ATTRIBUTION_KIND_LABELS[k] }))} onChange={(kind) => setAttribution({ kind })} />
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
        <SelectField label={LABEL['verification.status']} name="verification.status" value={v.status} options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} onChange={changeStatus} error={statusError} />
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
          label={LABEL['verification.verdict']}
          name="verification.verdict"
          value={v.verdict ?? ''}
          options={[
            { value: '', label: '— no verdict yet —' },
            ...scale.map((l) => ({ value: l, label: l })),
            // A verdict from before the desk changed its scale: shown as it is, so it can be seen and replaced.
            ...(v.verdict !== null && !scale.includes(v.verdict) ? [{ value: v.verdict, label: `${v.verdict} (not on the desk's scale)` }] : []),
          ]}
          onChange={(verdict) => {
            if (verdict === '' && v.status === 'done') return setStatusError('A done claim keeps its verdict. Change the status first.');
            setStatusError(null);
            setVerification({ verdict: verdict === '' ? null : verdict });
          }}
        />
        <SelectField
          label={LABEL['verification.confidence']}
          name="verification.confidence"
          value={v.confidence ?? ''}
          options={[{ value: '', label: '—' }, ...CONFIDENCES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }))]}
          onChange={(c) => setVerification({ confidence: c === '' ? null : (c as Confidence) })}
        />
        <TextField label={LABEL['verification.rationale']} name="verification.rationale" multiline value={v.rationale} schema={Verification.shape.rationale} onCommit={(rationale) => setVerification({ rationale })} />
        <EvidenceEditor
          items={v.evidence}
          newId={newId}
          today={() => now().slice(0, 10)}
          onChange={(change) => onChange((d) => ({ ...d, verification: { ...d.verification, evidence: change(d.verification.evidence) } }))}
          draft={forms.evidence}
          onDraft={(change) => updateForms((f) => ({ ...f, evidence: change(f.evidence) }))}
        />
      </Section>

      <CommentThread
        claim={claim}
        draft={forms.comment}
        onDraft={(comment) => updateForms((f) => ({ ...f, comment }))}
        onPosted={(text) => updateForms((f) => (f.comment.trim() === text ? { ...f, comment: '' } : f))}
        onChange={onChange}
        reviewer={reviewer}
      />

      <button type="button" className="danger" onClick={onDelete} title="Ctrl+Shift+Backspace">
        Delete claim
      </button>
    </section>
    </FieldScopeContext.Provider>
  );
}
