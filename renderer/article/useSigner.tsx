import { useCallback, useState, type ReactNode } from 'react';
import type { DeskSettings } from '../../shared/schema/desk';
import type { Signer } from '../editor/claimCommands';
import { ReviewerPrompt } from '../settings/ReviewerPrompt';
import { createSignerGate } from './signerGate';

export const signerFor = (reviewer: string): Signer => ({ reviewer, now: () => new Date().toISOString(), newId: () => crypto.randomUUID() });

type Options = { reviewer: string; onNamed: (settings: DeskSettings) => void; onError: (message: string) => void };

/**
 * `signed(act)` runs a claim change with the reviewer's signer: at once when the name is known, else
 * after `prompt` (the name prompt, to render) is answered; resolves to null if it is dismissed.
 */
export function useSigner({ reviewer, onNamed, onError }: Options): { signed: <T>(act: (s: Signer) => T) => Promise<T | null>; prompt: ReactNode } {
  const [asking, setAsking] = useState(false);
  const [gate] = useState(() => createSignerGate(reviewer, setAsking));
  // Only ever set, never cleared: a name given in the prompt is known before the desk state catches up.
  if (reviewer) gate.setName(reviewer);
  const signed = useCallback(<T,>(act: (s: Signer) => T) => gate.run((name) => act(signerFor(name))), [gate]);
  const prompt = asking ? (
    <ReviewerPrompt
      onSaved={(settings) => {
        onNamed(settings);
        gate.answer(settings.reviewerName);
      }}
      onCancel={() => gate.answer(null)}
      onError={onError}
    />
  ) : null;
  return { signed, prompt };
}
