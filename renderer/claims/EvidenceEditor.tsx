import { useContext, useMemo, useState } from 'react';
import { EVIDENCE_FIELD_LABELS as LABEL } from '../../shared/claims/fieldLabels';
import { Evidence, STANCES, type Stance } from '../../shared/schema/claim';
import { FieldScopeContext, SelectField, TextField, type FieldScope } from './fields';

const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context only' };
const STANCE_OPTIONS = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));

type Items = (items: Evidence[]) => Evidence[];

type Props = {
  items: Evidence[];
  newId: () => string;
  today: () => string;
  onChange: (change: Items) => void;
  /** The item being added, kept by the claim's forms so it survives leaving the claim. */
  draft: Evidence | null;
  onDraft: (change: (draft: Evidence | null) => Evidence | null) => void;
};

/** The evidence list: each item editable in place; a new item is added once it has a valid address. */
export function EvidenceEditor({ items, newId, today, onChange, draft, onDraft }: Props) {
  const [error, setError] = useState<string | null>(null);
  const update = (id: string, patch: Partial<Evidence>) => onChange((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  // The new item's fields keep their drafts apart from the items', and refusing one needs no message: it is not saved yet anyway.
  const parent = useContext(FieldScopeContext);
  const draftScope: FieldScope | null = useMemo(() => (parent ? { ...parent, owner: `${parent.owner}/new-evidence`, describe: null } : null), [parent]);

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
              <button type="button" className="link-button" onClick={() => onChange((list) => list.filter((x) => x.id !== e.id))} aria-label={`Remove evidence ${i + 1}`}>
                Remove
              </button>
            </div>
            <EvidenceFields value={e} name={`evidence.${e.id}`} onPatch={(patch) => update(e.id, patch)} />
          </li>
        ))}
      </ul>
      {draft ? (
        <div className="evidence-draft" role="group" aria-label="New evidence">
          <FieldScopeContext.Provider value={draftScope}>
            <EvidenceFields value={draft} name="evidence.new" onPatch={(patch) => onDraft((d) => (d ? { ...d, ...patch } : d))} />
          </FieldScopeContext.Provider>
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
              onChange((list) => [...list, parsed.data]);
              onDraft(() => null);
              setError(null);
            }}
          >
            Save evidence
          </button>{' '}
          <button type="button" className="secondary" onClick={() => (onDraft(() => null), setError(null))}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => onDraft(() => ({ id: newId(), url: '', title: '', publisher: '', accessedAt: today(), quote: '', stance: 'supports' }))}>
          Add evidence
        </button>
      )}
    </div>
  );
}

function EvidenceFields({ value, name, onPatch }: { value: Evidence; name: string; onPatch: (patch: Partial<Evidence>) => void }) {
  const shape = Evidence.shape;
  return (
    <div className="evidence-fields">
      <TextField label={LABEL.url} name={`${name}.url`} type="url" value={value.url} schema={shape.url} onCommit={(url) => onPatch({ url })} placeholder="https://…" />
      <TextField label={LABEL.title} name={`${name}.title`} value={value.title} schema={shape.title} onCommit={(title) => onPatch({ title })} />
      <TextField label={LABEL.publisher} name={`${name}.publisher`} value={value.publisher} schema={shape.publisher} onCommit={(publisher) => onPatch({ publisher })} />
      <TextField label={LABEL.accessedAt} name={`${name}.accessedAt`} type="date" value={value.accessedAt} schema={shape.accessedAt} onCommit={(accessedAt) => onPatch({ accessedAt })} />
      <SelectField label={LABEL.stance} name={`${name}.stance`} value={value.stance} options={STANCE_OPTIONS} onChange={(stance) => onPatch({ stance })} />
      <TextField label={LABEL.quote} name={`${name}.quote`} multiline value={value.quote} schema={shape.quote} onCommit={(quote) => onPatch({ quote })} />
    </div>
  );
}
