import { useState } from 'react';
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
import { EvidenceEditor } from './EvidenceEditor';
import { Section, SelectField, TextField } from './fields';

type Props = {
  claim: ClaimData;
  number: number | null;
  quote: string;
  orphaned: boolean;
  scale: readonly string[];
  sources: readonly SourceEntry[];
  reviewer: string;
  newId: () => string;
  now: () => string;
  onChange: (change: (data: ClaimData) => ClaimData) => void;
  onDelete: () => void;
  onReattach: () => void;
};

const traced = TracedSource.shape;
const attribution = Attribution.shape;

/** Everything a fact-checker records about one claim. Each field is checked as it is committed. */
export function ClaimDetail({ claim, number, quote, orphaned, scale, sources, reviewer, newId, now, onChange, onDelete, onReattach }: Props) {
  const [statusError, setStatusError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const a = claim.attribution;
  const v = claim.verification;
  const setAttribution = (patch: Partial<ClaimData['attribution']>) => onChange((d) => ({ ...d, attribution: { ...d.attribution, ...patch } }));
  const setTraced = (patch: Partial<ClaimData['attribution']['traced']>) =>
    onChange((d) => ({ ...d, attribution: { ...d.attribution, traced: { ...d.attribution.traced, ...patch } } }));
  const setVerification = (patch: Partial<ClaimData['verification']>) => onChange((d) => ({ ...d, verification: { ...d.verification, ...patch } }));

  const changeStatus = (status: ClaimStatus) => {
    const next = setStatus(claim, status, reviewer, now());
    if (!next.ok) return setStatusError(next.message);
    setStatusError(null);
    onChange((d) => ({ ...d, verification: { ...d.verification, status, secondReview: next.data.verification.secondReview } }));
  };
  const doSignOff = () => {
    const next = signOff(claim, reviewer, now());
    if (!next.ok) return setStatusError(next.message);
    setStatusError(null);
    onChange((d) => ({ ...d, verification: { ...d.verification, status: 'done', secondReview: next.data.verification.secondReview } }));
  };

  return (
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
          label="Source name"
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
        <SelectField label="Source kind" value={a.sourceKind} options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} onChange={(sourceKind) => setAttribution({ sourceKind })} />
        <SelectField label="Attribution" value={a.kind} options={ATTRIBUTION_KINDS.map((k) => ({ value: k, label: ATTRIBUTION_KIND_LABELS[k] }))} onChange={(kind) => setAttribution({ kind })} />
        <TextField label="Cue words" value={a.cue} schema={attribution.cue} placeholder="according to, reported, has clarified" onCommit={(cue) => setAttribution({ cue })} />
        <details className="traced" open={a.traced.url !== ''}>
          <summary>Traced original source</summary>
          <TextField label="Original URL" type="url" value={a.traced.url} schema={traced.url} placeholder="https://…" onCommit={(url) => setTraced({ url })} />
          <TextField label="Original title" value={a.traced.title} schema={traced.title} onCommit={(title) => setTraced({ title })} />
          <TextField label="Original publisher" value={a.traced.publisher} schema={traced.publisher} onCommit={(publisher) => setTraced({ publisher })} />
          <TextField label="Original date" type="date" value={a.traced.date} schema={traced.date} onCommit={(date) => setTraced({ date })} />
          <TextField label="Archived copy URL" type="url" value={a.traced.archivedUrl} schema={traced.archivedUrl} placeholder="https://web.archive.org/…" onCommit={(archivedUrl) => setTraced({ archivedUrl })} />
        </details>
      </Section>

      <Section title="Verification">
        <SelectField label="Status" value={v.status} options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} onChange={changeStatus} error={statusError} />
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
          label="Verdict"
          value={v.verdict ?? ''}
          options={[{ value: '', label: '— no verdict yet —' }, ...scale.map((l) => ({ value: l, label: l }))]}
          onChange={(verdict) => {
            if (verdict === '' && v.status === 'done') return setStatusError('A done claim keeps its verdict. Change the status first.');
            setStatusError(null);
            setVerification({ verdict: verdict === '' ? null : verdict });
          }}
        />
        <SelectField
          label="Confidence"
          value={v.confidence ?? ''}
          options={[{ value: '', label: '—' }, ...CONFIDENCES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }))]}
          onChange={(c) => setVerification({ confidence: c === '' ? null : (c as Confidence) })}
        />
        <TextField label="Rationale" multiline value={v.rationale} schema={Verification.shape.rationale} onCommit={(rationale) => setVerification({ rationale })} />
        <EvidenceEditor items={v.evidence} newId={newId} today={() => now().slice(0, 10)} onChange={(evidence) => setVerification({ evidence })} />
      </Section>

      <Section title={`Comments (${claim.comments.length})`}>
        <ul className="comments" aria-label="Comments">
          {claim.comments.map((c) => (
            <li key={c.id}>
              <p>{c.text}</p>
              <span className="comment-meta">
                {c.author}, <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
              </span>
            </li>
          ))}
        </ul>
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = comment.trim();
            if (!text) return;
            onChange((d) => ({ ...d, comments: [...d.comments, { id: newId(), author: reviewer, at: now(), text }] }));
            setComment('');
          }}
        >
          <label htmlFor="new-comment">Add a comment</label>
          <textarea id="new-comment" rows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          <button type="submit" disabled={comment.trim() === ''}>
            Post comment
          </button>
        </form>
      </Section>

      <button type="button" className="danger" onClick={onDelete}>
        Delete claim
      </button>
    </section>
  );
}
