import { useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { EVIDENCE_FIELD_LABELS as LABEL } from '../../shared/claims/fieldLabels';
import { Evidence, STANCE_LABELS, STANCES, type Stance } from '../../shared/schema/claim';
import { FieldScopeContext, SelectField, TextField, type FieldScope } from './fields';

const STANCE_OPTIONS = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));
/** A shape per stance, so the card says it without colour: up for, down against, a dot for context. */
const STANCE_GLYPH: Record<Stance, string> = { supports: '▲', refutes: '▼', context: '●' };

type Items = (items: Evidence[]) => Evidence[];

type Props = {
  items: Evidence[];
  newId: () => string;
  today: () => string;
  onChange: (change: Items) => void;
  /** The item being added, kept by the claim's forms so it survives leaving the claim. */
  draft: Evidence | null;
  onDraft: (change: (draft: Evidence | null) => Evidence | null) => void;
  /** Changes when "add evidence" is asked for from the keyboard: the form opens with its address focused. */
  addRequest?: number;
};

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * The evidence list as compact cards (stance, title, publisher, link) that open to edit; a new item is a
 * small form, added once it has a valid address (Enter in the form saves it).
 */
export function EvidenceEditor({ items, newId, today, onChange, draft, onDraft, addRequest }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const update = (id: string, patch: Partial<Evidence>) => onChange((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  // The new item's fields keep their drafts apart from the items', and refusing one needs no message: it is not saved yet anyway.
  const parent = useContext(FieldScopeContext);
  const draftScope: FieldScope | null = useMemo(() => (parent ? { ...parent, owner: `${parent.owner}/new-evidence`, describe: null } : null), [parent]);
  // A field's commit on Enter and the form's submit come in one event: the submit reads the draft as just patched.
  const latest = useRef(draft);
  latest.current = draft;
  const patchDraft = (change: (d: Evidence | null) => Evidence | null) => {
    latest.current = change(latest.current);
    onDraft(change);
  };
  const start = () => patchDraft((d) => d ?? { id: newId(), url: '', title: '', publisher: '', accessedAt: today(), quote: '', stance: 'supports' });
  const focusAddress = useRef(false);
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (addRequest === undefined || addRequest === handled.current) return;
    handled.current = addRequest;
    focusAddress.current = true;
    start();
  });
  useEffect(() => {
    if (!draft || !focusAddress.current) return;
    focusAddress.current = false;
    form.current?.querySelector<HTMLElement>('[data-field="evidence.new.url"]')?.focus();
  });

  const save = () => {
    const parsed = Evidence.safeParse(latest.current);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(' '));
    onChange((list) => [...list, parsed.data]);
    patchDraft(() => null);
    setError(null);
  };

  return (
    <div className="evidence">
      <ul className="evidence-list" aria-label="Evidence">
        {items.map((e, i) => (
          <EvidenceCard
            key={e.id}
            item={e}
            n={i + 1}
            open={open === e.id}
            onToggle={() => setOpen((o) => (o === e.id ? null : e.id))}
            onRemove={() => onChange((list) => list.filter((x) => x.id !== e.id))}
            onPatch={(patch) => update(e.id, patch)}
          />
        ))}
      </ul>
      {draft ? (
        <form
          ref={form}
          className="evidence-draft"
          role="group"
          aria-label="New evidence"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <FieldScopeContext.Provider value={draftScope}>
            <EvidenceFields value={draft} name="evidence.new" compact onPatch={(patch) => patchDraft((d) => (d ? { ...d, ...patch } : d))} />
          </FieldScopeContext.Provider>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="evidence-draft-actions">
            <button type="submit">Save evidence</button>
            <button type="button" className="secondary" onClick={() => (patchDraft(() => null), setError(null))}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="secondary evidence-add" onClick={() => ((focusAddress.current = true), start())} title="Alt+Shift+E">
          Add evidence
        </button>
      )}
    </div>
  );
}

function EvidenceCard({ item, n, open, onToggle, onRemove, onPatch }: { item: Evidence; n: number; open: boolean; onToggle: () => void; onRemove: () => void; onPatch: (p: Partial<Evidence>) => void }) {
  const panel = useId();
  const name = item.title || host(item.url);
  return (
    <li className={`evidence-item stance-${item.stance}`}>
      <div className="evidence-head">
        <span className="stance-mark" title={STANCE_LABELS[item.stance]}>
          <span aria-hidden="true">{STANCE_GLYPH[item.stance]}</span> {STANCE_LABELS[item.stance]}
        </span>
        <a href={item.url} target="_blank" rel="noopener noreferrer" className="evidence-title">
          {name}
        </a>
        <span className="evidence-source">{[item.publisher, item.title ? host(item.url) : ''].filter((s, i, all) => s && all.indexOf(s) === i).join(' · ') || item.url}</span>
        <span className="evidence-actions">
          <button type="button" className="link-button" aria-expanded={open} aria-controls={panel} onClick={onToggle} aria-label={`Edit evidence ${n}`}>
            Edit
          </button>
          <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove evidence ${n}`}>
            Remove
          </button>
        </span>
      </div>
      {open && (
        <div id={panel}>
          <EvidenceFields value={item} name={`evidence.${item.id}`} onPatch={onPatch} />
        </div>
      )}
    </li>
  );
}

/** An item's fields; `compact` (a new item) keeps the address, title and stance in view and the rest one click away. */
function EvidenceFields({ value, name, onPatch, compact }: { value: Evidence; name: string; onPatch: (patch: Partial<Evidence>) => void; compact?: boolean }) {
  const shape = Evidence.shape;
  const more = (
    <>
      <TextField label={LABEL.publisher} name={`${name}.publisher`} value={value.publisher} schema={shape.publisher} onCommit={(publisher) => onPatch({ publisher })} />
      <TextField label={LABEL.accessedAt} name={`${name}.accessedAt`} type="date" value={value.accessedAt} schema={shape.accessedAt} onCommit={(accessedAt) => onPatch({ accessedAt })} />
      <TextField label={LABEL.quote} name={`${name}.quote`} multiline value={value.quote} schema={shape.quote} onCommit={(quote) => onPatch({ quote })} />
    </>
  );
  return (
    <div className="evidence-fields">
      <TextField label={LABEL.url} name={`${name}.url`} type="url" value={value.url} schema={shape.url} onCommit={(url) => onPatch({ url })} placeholder="https://…" />
      <TextField label={LABEL.title} name={`${name}.title`} value={value.title} schema={shape.title} onCommit={(title) => onPatch({ title })} />
      <SelectField label={LABEL.stance} name={`${name}.stance`} value={value.stance} options={STANCE_OPTIONS} onChange={(stance) => onPatch({ stance })} />
      {compact ? (
        <details className="evidence-more" open={value.publisher !== '' || value.quote !== ''}>
          <summary>Publisher, accessed date, quote</summary>
          <div className="evidence-fields">{more}</div>
        </details>
      ) : (
        more
      )}
    </div>
  );
}
