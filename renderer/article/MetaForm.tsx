import { useMemo } from 'react';
import { ArticleMeta, type EditableMeta, type RemovedText } from '../../shared/schema/article';
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

/** The metadata in one line, for the closed details: what a fact-checker checks first. */
function summary(meta: ArticleMeta): string {
  const parts = [meta.publisher, meta.byline && `by ${meta.byline}`, meta.publishedAt && `published ${meta.publishedAt}`, meta.modifiedAt && `updated ${meta.modifiedAt}`].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'no publisher, byline or date yet';
}

type DetailsProps = Props & { removed: readonly RemovedText[]; open: boolean; onToggle: (open: boolean) => void };

/**
 * Above the text, closed to one line: the article's details (metadata form) and what the import took out
 * of the text. Open, the form; its drafts are committed when it closes, like any field that goes away.
 */
export function ArticleDetails({ meta, removed, drafts, onSave, open, onToggle }: DetailsProps) {
  return (
    <details className="article-details" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <span className="article-details-label">Article details</span> <span className="article-details-summary">{summary(meta)}</span>
        {removed.length > 0 && <span className="article-details-removed"> · {removed.length} passages taken out on import</span>}
      </summary>
      {open && (
        <div className="article-details-body">
          <MetaForm meta={meta} drafts={drafts} onSave={onSave} />
          {removed.length > 0 && (
            <details className="removed-on-import">
              <summary>Taken out of the text on import ({removed.length})</summary>
              <ul>
                {removed.map((r, i) => (
                  <li key={i}>
                    <q>{r.text}</q> <span className="reason">— {r.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </details>
  );
}
