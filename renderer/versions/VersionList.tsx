import { formatWhen } from '../../shared/audit/describe';
import type { VersionSummary } from '../../shared/schema/version';
import { carryCounts, carrySentence, versionName, versionSource } from '../../shared/versions/versionLabels';

export type VersionPick = { kind: 'version'; number: number } | { kind: 'changes'; from: number; to: number };
/** What the panel shows: one version read-only, or the changes between two (`to` 'desk': the editor's text, with the desk's corrections). */
export type Showing = VersionPick | { kind: 'changes'; from: number; to: number | 'desk' };

type Props = {
  versions: readonly VersionSummary[];
  /** What the panel shows, to mark it in the list. */
  showing: Showing;
  onPick: (pick: VersionPick) => void;
};

/**
 * Every version the publisher gave, newest first (as a version history reads): number, when, from what,
 * words, and for a later one how its import carried the claims; the last is the one the editor works on.
 */
export function VersionList({ versions, showing, onPick }: Props) {
  const latest = versions[versions.length - 1]?.number ?? 0;
  const newestFirst = [...versions].reverse();
  return (
    <ol className="version-list" aria-label="Versions from the publisher" reversed>
      {newestFirst.map((v) => {
        const current = v.number === latest;
        const open = showing.kind === 'version' && showing.number === v.number;
        const comparing = showing.kind === 'changes' && showing.to === v.number && showing.from === v.number - 1;
        const counts = carryCounts(v.carried);
        return (
          <li key={v.number} className={`version-item${open || comparing ? ' showing' : ''}${current ? ' current' : ''}`} aria-current={open || comparing ? 'true' : undefined}>
            <div className="version-item-head">
              <span className="version-number">{versionName(v.number)}</span>
              {current && <span className="version-current">Current</span>}
            </div>
            <div className="version-meta">
              <time dateTime={v.importedAt}>{formatWhen(v.importedAt)}</time> · {versionSource(v.origin)}
            </div>
            <div className="version-meta">
              {v.wordCount.toLocaleString('en')} words · imported by {v.importedBy}
            </div>
            {v.number > 1 && (
              <div className={`version-carry${counts.changed + counts.gone > 0 ? ' touched' : ''}`}>{carrySentence(counts)}</div>
            )}
            <div className="version-actions">
              <button type="button" className="link-button" aria-pressed={open} onClick={() => onPick({ kind: 'version', number: v.number })}>
                {current ? `Read version ${v.number}` : `Open version ${v.number}`}
                <span className="visually-hidden"> (read only)</span>
              </button>
              {v.number > 1 && (
                <button type="button" className="link-button" aria-pressed={comparing} onClick={() => onPick({ kind: 'changes', from: v.number - 1, to: v.number })}>
                  Changes from version {v.number - 1}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
