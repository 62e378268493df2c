import type { SaveState } from '../editor/autosave';
import type { SaveFailure } from './saveFailure';

const STATE_TEXT: Record<SaveState, string> = { saved: 'All changes saved', pending: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' };

/** The save indicator for the toolbar: a word or two, announced politely. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite" data-testid="save-state">
      {STATE_TEXT[state]}
    </span>
  );
}

type Props = { failure: SaveFailure; claimLabel: string | null; onShowClaim: (id: string) => void; onRetry: () => void };

/** Why the last save failed, in words, with what to do; the back end's message behind a disclosure. */
export function SaveFailureNote({ failure, claimLabel, onShowClaim, onRetry }: Props) {
  return (
    <div className="save-failure" role="alert" data-testid="save-failure">
      <p>
        <strong>Not saved:</strong> {failure.sentence}
      </p>
      <div className="save-failure-actions">
        {failure.claimId && claimLabel && (
          <button type="button" className="secondary" onClick={() => onShowClaim(failure.claimId ?? '')}>
            Show {claimLabel}
          </button>
        )}
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
      <details>
        <summary>Technical details</summary>
        <pre>{failure.details}</pre>
      </details>
    </div>
  );
}
