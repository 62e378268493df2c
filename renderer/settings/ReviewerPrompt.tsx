import { useEffect, useState } from 'react';
import type { DeskSettings } from '../../shared/schema/desk';
import { client, errorMessage } from '../api';

type Props = { onSaved: (settings: DeskSettings) => void; onCancel: () => void; onError: (message: string) => void };

/**
 * Asked once: the name stamped on every claim, comment and change. Kept in the desk's settings. It asks
 * before the change that needed it is recorded; Cancel (or Escape) records nothing. Closing it gives the
 * focus back to where the reviewer was.
 */
export function ReviewerPrompt({ onSaved, onCancel, onError }: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (returnTo?.isConnected) returnTo.focus();
    },
    [returnTo],
  );
  return (
    <form
      className="reviewer-prompt"
      role="dialog"
      aria-labelledby="reviewer-prompt-title"
      aria-describedby="reviewer-prompt-why"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const reviewerName = name.trim();
        if (!reviewerName || busy) return;
        setBusy(true);
        client.updateSettings({ settings: { reviewerName } }).then(
          (desk) => onSaved(desk.settings),
          (err: unknown) => {
            setBusy(false);
            onError(errorMessage(err));
          },
        );
      }}
    >
      <h3 id="reviewer-prompt-title">Who is reviewing?</h3>
      <p id="reviewer-prompt-why">Every claim, comment and change is signed. Your change is recorded once you give the name to sign it with; Cancel records nothing.</p>
      <label htmlFor="reviewer-name">Your name</label>
      <input id="reviewer-name" autoFocus autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} />
      <div className="reviewer-prompt-actions">
        <button type="submit" disabled={name.trim() === '' || busy}>
          Save name
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
