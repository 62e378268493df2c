import { useState } from 'react';
import { EditableMeta, type ArticleMeta } from '../../shared/schema/article';

type Field = 'publisher' | 'byline' | 'publishedAt' | 'url';
const FIELDS: { key: Field; label: string; type: string; placeholder: string }[] = [
  { key: 'publisher', label: 'Publisher', type: 'text', placeholder: 'e.g. Reuters' },
  { key: 'byline', label: 'Byline', type: 'text', placeholder: 'Author' },
  { key: 'publishedAt', label: 'Published', type: 'date', placeholder: '' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' },
];

type Props = { meta: ArticleMeta; onSave: (change: EditableMeta) => Promise<void> };

/** Article metadata, each field checked with the shared schema as the user leaves it. */
export function MetaForm({ meta, onSave }: Props) {
  const [values, setValues] = useState<Record<Field, string>>({ publisher: meta.publisher, byline: meta.byline, publishedAt: meta.publishedAt, url: meta.url });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  async function commit(key: Field) {
    if (values[key] === meta[key]) return setErrors((e) => ({ ...e, [key]: undefined }));
    const parsed = EditableMeta.safeParse({ [key]: values[key] });
    if (!parsed.success) return setErrors((e) => ({ ...e, [key]: parsed.error.issues[0]?.message ?? 'Invalid value' }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    await onSave(parsed.data);
  }

  return (
    <form className="meta-form" aria-label="Article details" onSubmit={(e) => e.preventDefault()}>
      {FIELDS.map(({ key, label, type, placeholder }) => (
        <div className="field" key={key}>
          <label htmlFor={`meta-${key}`}>{label}</label>
          <input
            id={`meta-${key}`}
            type={type}
            value={values[key]}
            placeholder={placeholder}
            aria-invalid={errors[key] ? true : undefined}
            aria-describedby={errors[key] ? `meta-${key}-error` : undefined}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [key]: value }));
            }}
            onBlur={() => void commit(key)}
          />
          {errors[key] && (
            <span className="field-error" id={`meta-${key}-error`} role="alert">
              {errors[key]}
            </span>
          )}
        </div>
      ))}
    </form>
  );
}
