import { useState } from 'react';
import { Evidence, STANCES, type Stance } from '../../shared/schema/claim';
import { SelectField, TextField } from './fields';

const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context only' };
const STANCE_OPTIONS = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));

type Props = {
  items: Evidence[];
  newId: () => string;
  today: () => string;
  onChange: (items: Evidence[]) => void;
};

/** The evidence list: each item editable in place; a new item is added once it has a valid address. */
export function EvidenceEditor({ items, newId, today, onChange }: Props) {
  const [draft, setDraft] = useState<Evidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = (id: string, patch: Partial<Evidence>) => onChange(items.map((e) => (e.id === id ? { ...e, ...patch } : e)));

  return (
    <div className="evidence">
      <ul className="evidence-list" aria-label="Evidence">
        {items.map((e, i) => (
          <li key={e.id} className={`evidence-item stance-${e.stance}`}>
            <div className="evidence-head">
              <strong>Evidence {i + 1}</strong> · {STANCE_LABELS[e.stance]} ·{' '}
              <a href={e.url} target="_blank" rel="noopener noreferrer">
                {e.title || e.url}
              </a>
              {e.publisher ? ` (${e.publisher})` : ''}{' '}
              <button type="button" className="link-button" onClick={() => onChange(items.filter((x) => x.id !== e.id))} aria-label={`Remove evidence ${i + 1}`}>
                Remove
              </button>
            </div>
            <EvidenceFields value={e} onPatch={(patch) => update(e.id, patch)} />
          </li>
        ))}
      </ul>
      {draft ? (
        <div className="evidence-draft" role="group" aria-label="New evidence">
          <EvidenceFields value={draft} onPatch={(patch) => setDraft({ ...draft, ...patch })} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button
            type="button"
            onClick={() => {
              const parsed = Evidence.safeParse(draft);
              if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(' '));
              onChange([...items, parsed.data]);
              setDraft(null);
              setError(null);
            }}
          >
            Save evidence
          </button>{' '}
          <button type="button" className="secondary" onClick={() => (setDraft(null), setError(null))}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setDraft({ id: newId(), url: '', title: '', publisher: '', accessedAt: today(), quote: '', stance: 'supports' })}>
          Add evidence
        </button>
      )}
    </div>
  );
}

function EvidenceFields({ value, onPatch }: { value: Evidence; onPatch: (patch: Partial<Evidence>) => void }) {
  const shape = Evidence.shape;
  return (
    <div className="evidence-fields">
      <TextField label="Evidence URL" type="url" value={value.url} schema={shape.url} onCommit={(url) => onPatch({ url })} placeholder="https://…" />
      <TextField label="Evidence title" value={value.title} schema={shape.title} onCommit={(title) => onPatch({ title })} />
      <TextField label="Evidence publisher" value={value.publisher} schema={shape.publisher} onCommit={(publisher) => onPatch({ publisher })} />
      <TextField label="Accessed" type="date" value={value.accessedAt} schema={shape.accessedAt} onCommit={(accessedAt) => onPatch({ accessedAt })} />
      <SelectField label="Stance" value={value.stance} options={STANCE_OPTIONS} onChange={(stance) => onPatch({ stance })} />
      <TextField label="Quote from the evidence" multiline value={value.quote} schema={shape.quote} onCommit={(quote) => onPatch({ quote })} />
    </div>
  );
}
