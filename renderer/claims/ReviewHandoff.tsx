import type { StoredAgreement, StoredConflict } from '../../shared/schema/exchange';
import { STATUS_LABELS, type ClaimStatus } from '../../shared/schema/claim';
import { claimFieldLabel } from '../../shared/claims/fieldLabels';
import { clipQuote } from '../../shared/claims/clipQuote';
import type { ClaimRow } from './claimRows';
import { isVersionConflict, VersionSide } from '../../shared/merge/mergeVersions';
import { formatWhen } from '../../shared/audit/describe';

/** One side of a conflict in words: a status by its label, an evidence item by its title, nothing as "(none)". */
function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'verification.status' && typeof value === 'string') return STATUS_LABELS[value as ClaimStatus] ?? value;
  if (typeof value === 'string') return value;
  const v = value as { title?: unknown; url?: unknown; text?: unknown };
  if (typeof v.title === 'string' || typeof v.url === 'string') return `${String(v.title ?? '')} ${String(v.url ?? '')}`.trim();
  if (typeof v.text === 'string') return v.text;
  return JSON.stringify(value);
}

type SummaryProps = {
  conflicts: StoredConflict[];
  agreements: StoredAgreement[];
  rows: ClaimRow[];
  /** Shows a claim with conflicts in the inspector, where they are decided. */
  onShow: (claimId: string) => void;
  /** Decides a conflict on the article itself (two current versions); claim conflicts are decided in the inspector. */
  onChoose: (conflict: StoredConflict, choice: 'ours' | 'theirs') => void;
  busy: boolean;
};

function versionLine(side: VersionSide): string {
  return `version ${side.number}, “${clipQuote(side.title || '(untitled)', 80)}”, imported ${formatWhen(side.importedAt)}, ${side.wordCount.toLocaleString('en')} words`;
}

/** Two desks with different current texts of the article: both side by side, and the choice of which stays current. */
function VersionConflict({ conflict, busy, onChoose }: { conflict: StoredConflict; busy: boolean; onChoose: SummaryProps['onChoose'] }) {
  const ours = VersionSide.safeParse(conflict.ours);
  const theirs = VersionSide.safeParse(conflict.theirs);
  if (!ours.success || !theirs.success) return <p className="field-error">A version conflict from {conflict.theirsBy} cannot be read; open their bundle again.</p>;
  return (
    <div className="version-conflict" role="group" aria-labelledby="version-conflict-title" data-testid="version-conflict">
      <p id="version-conflict-title">
        <strong>Two current texts.</strong> {conflict.theirsBy}'s bundle has a text of this article this desk had not imported. Choose which one the claims stay on.
      </p>
      <div className="conflict-sides">
        <div>
          <span className="side-label">This desk</span>
          <span className="side-value">{versionLine(ours.data)}</span>
          <button type="button" disabled={busy} onClick={() => onChoose(conflict, 'ours')}>
            Keep this desk's text
          </button>
        </div>
        <div>
          <span className="side-label">{conflict.theirsBy}'s</span>
          <span className="side-value">{versionLine(theirs.data)}</span>
          <button type="button" disabled={busy} onClick={() => onChoose(conflict, 'theirs')}>
            Take {conflict.theirsBy}'s text
          </button>
        </div>
      </div>
    </div>
  );
}

/** Review handoff, small, above the claim list: verdict agreement, and which claims have conflicts to decide. */
export function ReviewHandoff({ conflicts: all, agreements, rows, onShow, onChoose, busy }: SummaryProps) {
  if (all.length === 0 && agreements.length === 0) return null;
  const latest = new Map(agreements.map((a) => [a.withReviewer, a]));
  const versionConflicts = all.filter(isVersionConflict);
  const conflicts = all.filter((c) => !isVersionConflict(c));
  const claimsWith = [...new Set(conflicts.map((c) => c.claimId))];
  return (
    <section className="review-handoff" aria-label="Review handoff">
      <h3>Review handoff</h3>
      {[...latest.values()].map((a) => (
        <p key={a.withReviewer} className="agreement" data-testid="agreement">
          Agreement with {a.withReviewer}: {a.agreed} of {a.pairs} verdicts equal
          {a.share !== null ? ` (${Math.round(a.share * 100)}%)` : ''}, Cohen's κ = {a.kappa === null ? 'n/a' : a.kappa.toFixed(2)}
        </p>
      ))}
      {versionConflicts.map((c) => (
        <VersionConflict key={`${c.theirsBy}:${c.at}`} conflict={c} busy={busy} onChoose={onChoose} />
      ))}
      {claimsWith.length > 0 && (
        <p className="handoff-conflicts" data-testid="handoff-conflicts">
          {conflicts.length} {conflicts.length === 1 ? 'conflict' : 'conflicts'} to decide:{' '}
          {claimsWith.map((id) => {
            const row = rows.find((r) => r.id === id);
            const name = row ? (row.number === null ? 'orphaned claim' : `claim ${row.number}`) : 'a claim';
            return (
              <button key={id} type="button" className="link-button" onClick={() => onShow(id)} disabled={!row}>
                Show {name}
              </button>
            );
          })}
        </p>
      )}
    </section>
  );
}

type ChoiceProps = {
  conflicts: StoredConflict[];
  busy: boolean;
  onChoose: (conflict: StoredConflict, choice: 'ours' | 'theirs') => void;
};

/** A claim's conflicts from merged bundles, in its inspector: both sides, and a choice for each field. */
export function ConflictChoices({ conflicts, busy, onChoose }: ChoiceProps) {
  if (conflicts.length === 0) return null;
  return (
    <section className="claim-conflicts" aria-labelledby="claim-conflicts-title">
      <h3 id="claim-conflicts-title">
        {conflicts.length === 1 ? 'A conflict to decide' : `${conflicts.length} conflicts to decide`}
      </h3>
      <ul className="conflicts" aria-label="Conflicts">
        {conflicts.map((c) => {
          const label = claimFieldLabel(c.field);
          const ours = show(c.field, c.ours);
          const theirs = show(c.field, c.theirs);
          return (
            <li key={`${c.claimId}:${c.field}`} className="conflict">
              <p className="conflict-field">
                <strong>{label}</strong>
                {c.held && c.held.length > 0 ? <span className="conflict-held"> (taking {c.theirsBy}'s also takes {c.held.map((h) => claimFieldLabel(h.field)).join(', ')})</span> : null}
              </p>
              <div className="conflict-sides">
                <div>
                  <span className="side-label">Yours</span>
                  <span className="side-value" title={ours}>{clipQuote(ours, 120)}</span>
                  <button type="button" disabled={busy} onClick={() => onChoose(c, 'ours')} aria-label={`Keep yours for ${label}: ${ours}`}>
                    Keep yours
                  </button>
                </div>
                <div>
                  <span className="side-label">{c.theirsBy}'s</span>
                  <span className="side-value" title={theirs}>{clipQuote(theirs, 120)}</span>
                  <button type="button" disabled={busy} onClick={() => onChoose(c, 'theirs')} aria-label={`Take ${c.theirsBy}'s for ${label}: ${theirs}`}>
                    Take {c.theirsBy}'s
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
