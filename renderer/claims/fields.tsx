/** Form fields that check their value with a shared schema and commit it on blur (or Enter). */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';

type TextFieldProps = {
  label: string;
  value: string;
  schema?: z.ZodType<string>;
  onCommit: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'url' | 'date';
  placeholder?: string;
  list?: string;
};

export function TextField({ label, value, schema, onCommit, multiline, type = 'text', placeholder, list }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const commit = () => {
    if (draft === value) return setError(null);
    const parsed = schema ? schema.safeParse(draft) : { success: true as const, data: draft };
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Invalid value');
    setError(null);
    onCommit(parsed.data);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onBlur: commit,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => setDraft(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={type}
          list={list}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
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
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | null;
};

export function SelectField<T extends string>({ label, value, options, onChange, error }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as T)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
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
