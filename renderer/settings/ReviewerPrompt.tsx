import { useState } from 'react';
import type { DeskSettings } from '../../shared/schema/desk';
import { client, errorMessage } from '../api';

type Props = { onSaved: (settings: DeskSettings) => void; onCancel: () => void; onError: (message: string) => void };

/** Asked once: the name stamped on every claim, comment and change. Kept in the desk's settings. */
export function ReviewerPrompt({ onSaved, onCancel, onError }: Props) {
  const [name, setName] = useState('');
  return (
    <form
      className="reviewer-prompt"
      role="dialog"
      aria-label="Who is reviewing"
      onSubmit={(e) => {
        e.preventDefault();
        const reviewerName = name.trim();
        if (!reviewerName) return;
        client.updateSettings({ settings: { reviewerName } }).then((desk) => onSaved(desk.settings), (err: unknown) => onError(errorMessage(err)));
      }}
    >
      <p>Every claim, comment and change is signed. What name should Claimdesk sign yours with?</p>
      <label htmlFor="reviewer-name">Your name</label>
      <input id="reviewer-name" autoFocus value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} />
      <button type="submit" disabled={name.trim() === ''}>
        Save name
      </button>{' '}
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
