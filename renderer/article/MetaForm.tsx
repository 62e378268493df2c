import { useMemo } from 'react';
import { ArticleMeta, type EditableMeta } from '../../shared/schema/article';
import type { FieldDrafts } from '../claims/drafts';
import { FieldScopeContext, TextField, type FieldScope } from '../claims/fields';

type Field = 'publisher' | 'byline' | 'publishedAt' | 'modifiedAt' | 'url' | 'language';
const FIELDS: { key: Field; label: string; type: 'text' | 'date' | 'url'; placeholder?: string }[] = [
  { key: 'publisher', label: 'Publisher', type: 'text', placeholder: 'e.g. Reuters' },
  { key: 'byline', label: 'Byline', type: 'text', placeholder: 'Author' },
  { key: 'publishedAt', label: 'Published', type: 'date' },
  { key: 'modifiedAt', label: 'Updated', type: 'date' },
  { key: 'url', label: 'URL', type: 'url', placeholder: 'https://…' },
  { key: 'language', label: 'Language', type: 'text', placeholder: 'e.g. en' },
];

type Props = { meta: ArticleMeta; drafts: FieldDrafts; onSave: (change: EditableMeta) => Promise<void> };

/** Article metadata, each field checked with the shared schema and committed like the claim fields. */
export function MetaForm({ meta, drafts, onSave }: Props) {
  const scope: FieldScope = useMemo(() => ({ drafts, owner: 'meta', describe: 'the article details' }), [drafts]);
  return (
    <FieldScopeContext.Provider value={scope}>
      <form className="meta-form" aria-label="Article details" onSubmit={(e) => e.preventDefault()}>
        {FIELDS.map(({ key, label, type, placeholder }) => (
          <TextField key={key} label={label} name={`meta.${key}`} type={type} placeholder={placeholder} value={meta[key]} schema={ArticleMeta.shape[key]} onCommit={(value) => void onSave({ [key]: value })} />
        ))}
      </form>
    </FieldScopeContext.Provider>
  );
}
