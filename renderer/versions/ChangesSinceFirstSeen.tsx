import type { VersionSummary } from '../../shared/schema/version';
import { CARRY_OUTCOME_LABELS } from '../../shared/schema/version';
import type { ClaimChange } from '../../shared/versions/changesSinceFirstSeen';
import type { ClaimRow } from '../claims/claimRows';

type Props = {
  changes: readonly ClaimChange[];
  versions: readonly VersionSummary[];
  rows: readonly ClaimRow[];
  onGoToClaim: (claimId: string) => void;
};

/**
 * "Changes since first seen": the claims a publisher's later version touched, words changed or gone first
 * (what a stealth edit looks like), then moved; each with its words when the desk first had it and now.
 */
export function ChangesSinceFirstSeen({ changes, versions, rows, onGoToClaim }: Props) {
  const first = versions[0];
  return (
    <section className="since-first-seen" aria-labelledby="since-first-seen-heading" data-testid="changes-since-first-seen">
      <h2 id="since-first-seen-heading">
        Changes since first seen <span className="count">{changes.length}</span>
      </h2>
      {changes.length === 0 ? (
        <p className="hint">
          {versions.length < 2 ? 'Only one version so far: nothing to compare.' : 'No claim’s words changed, vanished or moved in the later versions.'}
        </p>
      ) : (
        <ol className="claim-changes">
          {changes.map((c) => {
            const row = rows.find((r) => r.id === c.claimId);
            const name = !row ? 'A deleted claim' : row.number === null ? 'Orphaned claim' : `Claim ${row.number}`;
            return (
              <li key={c.claimId} className={`claim-change claim-change-${c.outcome}`} data-claim-change={c.claimId}>
                <div className="claim-change-head">
                  <span className={`outcome outcome-${c.outcome}`}>{CARRY_OUTCOME_LABELS[c.outcome]}</span>
                  <span className="claim-change-name">{name}</span>
                  <span className="hint">in {c.inVersions.map((n) => `version ${n}`).join(', ')}</span>
                  {row && (
                    <button type="button" className="secondary small" onClick={() => onGoToClaim(c.claimId)}>
                      {row.number === null ? 'Go to the orphaned claim' : `Go to claim ${row.number}`}
                    </button>
                  )}
                </div>
                <dl className="claim-change-words">
                  <div>
                    <dt>{first ? `First seen (version ${first.number})` : 'First seen'}</dt>
                    <dd>
                      {c.outcome === 'moved' ? <q>{c.firstWords}</q> : <del><q>{c.firstWords}</q></del>}
                    </dd>
                  </div>
                  <div>
                    <dt>Now</dt>
                    <dd>{c.currentWords === null ? <em>No longer in the text: the claim is kept, orphaned.</em> : c.outcome === 'moved' ? <q>{c.currentWords}</q> : <ins><q>{c.currentWords}</q></ins>}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
