import type { StoredAgreement, StoredConflict } from '../../shared/schema/exchange';
import { STATUS_LABELS, type ClaimStatus } from '../../shared/schema/claim';
import { claimFieldLabel } from '../../shared/claims/fieldLabels';
import type { ClaimRow } from './ClaimsPanel';

type Props = {
  conflicts: StoredConflict[];
  agreements: StoredAgreement[];
  rows: ClaimRow[];
  busy: boolean;
  onChoose: (conflict: StoredConflict, choice: 'ours' | 'theirs') => void;
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'verification.status' && typeof value === 'string') return STATUS_LABELS[value as ClaimStatus] ?? value;
  if (typeof value === 'string') return value;
  const v = value as { title?: unknown; url?: unknown; text?: unknown };
  if (typeof v.title === 'string' || typeof v.url === 'string') return `${String(v.title ?? '')} ${String(v.url ?? '')}`.trim();
  if (typeof v.text === 'string') return v.text;
  return JSON.stringify(value);
}

/** Review handoff: conflicts from merged bundles, side by side for a choice, and verdict agreement. */
export function ReviewHandoff({ conflicts, agreements, rows, busy, onChoose }: Props) {
  if (conflicts.length === 0 && agreements.length === 0) return null;
  const latest = new Map(agreements.map((a) => [a.withReviewer, a]));
  return (
    <section className="review-handoff" aria-label="Review handoff">
      <h3>Review handoff</h3>
      {[...latest.values()].map((a) => (
        <p key={a.withReviewer} className="agreement" data-testid="agreement">
          Agreement with {a.withReviewer}: {a.agreed} of {a.pairs} verdicts equal
          {a.share !== null ? ` (${Math.round(a.share * 100)}%)` : ''}, Cohen's κ = {a.kappa === null ? 'n/a' : a.kappa.toFixed(2)}
        </p>
      ))}
      {conflicts.length > 0 && (
        <ul className="conflicts" aria-label="Conflicts">
          {conflicts.map((c) => {
            const row = rows.find((r) => r.id === c.claimId);
            const label = claimFieldLabel(c.field);
            return (
              <li key={`${c.claimId}:${c.field}`} className="conflict">
                <p>
                  <strong>{label}</strong> of {row ? (row.number ? `claim #${row.number}` : 'an orphaned claim') : 'a claim'}
                  {row ? <span className="conflict-quote"> “{row.quote.slice(0, 80)}”</span> : null}
                </p>
                <div className="conflict-sides">
                  <div>
                    <span className="side-label">Yours</span>
                    <span className="side-value">{show(c.field, c.ours)}</span>
                    <button type="button" disabled={busy} onClick={() => onChoose(c, 'ours')} aria-label={`Keep yours for ${label}: ${show(c.field, c.ours)}`}>
                      Keep yours
                    </button>
                  </div>
                  <div>
                    <span className="side-label">{c.theirsBy}'s</span>
                    <span className="side-value">{show(c.field, c.theirs)}</span>
                    <button type="button" disabled={busy} onClick={() => onChoose(c, 'theirs')} aria-label={`Take ${c.theirsBy}'s for ${label}: ${show(c.field, c.theirs)}`}>
                      Take {c.theirsBy}'s
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
