/**
 * Form fields that check their value with a shared schema. A text field holds what is typed as a draft
 * and commits it when it is left (blur, Enter) or goes away, whatever took it away (see drafts.ts).
 */
import { createContext, useCallback, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { checkDraft, type FieldDrafts } from './drafts';

/**
 * Where a form's fields keep their drafts: `owner` names the form (a claim's id), `describe` says it
 * in a message ("claim 2"); null for a form whose refused text needs no message (a draft not yet added).
 */
export type FieldScope = { drafts: FieldDrafts; owner: string; describe: string | null };
export const FieldScopeContext = createContext<FieldScope | null>(null);

type TextFieldProps = {
  label: string;
  value: string;
  schema?: z.ZodType<string>;
  /** May answer later whether the value was recorded (false: e.g. the reviewer declined to give a name). */
  onCommit: (value: string) => void | Promise<boolean>;
  /** Names the field within its form (a claim field's path); the label if not given. */
  name?: string;
  multiline?: boolean;
  type?: 'text' | 'url' | 'date';
  placeholder?: string;
  list?: string;
};

export function TextField({ label, value, schema, onCommit, name, multiline, type = 'text', placeholder, list }: TextFieldProps) {
  const id = useId();
  const scope = useContext(FieldScopeContext);
  const field = name ?? label;
  const key = scope ? `${scope.owner}/${field}` : null;
  const [restored] = useState(() => (key ? scope?.drafts.kept(key) : undefined));
  const [draft, setDraft] = useState(restored ?? value);
  const [error, setError] = useState<string | null>(() => {
    const check = restored === undefined ? null : checkDraft(restored, value, schema);
    return check?.kind === 'refused' ? check.message : null;
  });
  // A new stored value (committed, undone, normalised) replaces the draft.
  const [shown, setShown] = useState(value);
  const committed = useRef<string | null>(null);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
    setError(null);
    committed.current = null;
  }

  const latest = useRef({ draft, value, schema, onCommit, label, scope, key });
  latest.current = { draft, value, schema, onCommit, label, scope, key };

  /** `leaving`: the field is going away, so a refused draft is kept for later instead of shown. */
  const commit = useCallback((leaving: boolean) => {
    const l = latest.current;
    if (l.draft === committed.current) return;
    const check = checkDraft(l.draft, l.value, l.schema);
    if (check.kind === 'refused') {
      if (!leaving) return setError(check.message);
      if (!l.scope || !l.key || l.scope.drafts.kept(l.key) === l.draft) return;
      l.scope.drafts.keep(l.key, l.draft);
      if (l.scope.describe) l.scope.drafts.refused(`${l.label} of ${l.scope.describe} was not saved: ${check.message} What you typed is kept in the field.`);
      return;
    }
    if (l.scope && l.key) l.scope.drafts.keep(l.key, null);
    if (!leaving) setError(null);
    if (check.kind === 'commit') {
      const draft = l.draft;
      committed.current = draft;
      void l.onCommit(check.value)?.then((recorded) => {
        if (!recorded && committed.current === draft) committed.current = null;
      });
    } else if (!leaving) {
      setDraft(l.value);
    }
  }, []);

  useEffect(() => scope?.drafts.register(() => commit(false)), [scope, commit]);
  // A layout effect, so the commit runs before the editor and the autosave are torn down with the view.
  useLayoutEffect(() => () => commit(true), [commit]);

  const change = (next: string) => {
    latest.current.draft = next;
    setDraft(next);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'data-field': field,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onBlur: () => commit(false),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={type}
          list={list}
          onChange={(e) => change(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(false);
          }}
        />
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

type SelectFieldProps<T extends string> = {
  label: string;
  name?: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | null;
};

export function SelectField<T extends string>({ label, name, value, options, onChange, error }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-field={name ?? label} value={value} onChange={(e) => onChange(e.currentTarget.value as T)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="claim-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
