import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { ArticleRecord, EditableMeta } from '../../shared/schema/article';
import { client, errorMessage, isDesktop } from '../api';
import { ArticleEditor } from '../editor/ArticleEditor';
import { createAutosave, createSerialQueue, type SaveState } from '../editor/autosave';
import { MetaForm } from './MetaForm';

type Props = { id: string; onError: (message: string) => void; onBack: () => void };

const STATE_TEXT: Record<SaveState, string> = { saved: 'All changes saved', pending: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' };

export function ArticleView({ id, onError, onBack }: Props) {
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const revision = useRef(0);
  const enqueue = useMemo(() => createSerialQueue(), []);

  useEffect(() => {
    let live = true;
    client.getArticle({ id }).then(
      (a) => {
        if (!live) return;
        revision.current = a.revision;
        setArticle(a);
      },
      (e: unknown) => onError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id, onError]);

  const autosave = useMemo(
    () =>
      createAutosave<Node>({
        save: (doc) =>
          enqueue(async () => {
            const saved = await client.saveArticle({ id, doc: doc.toJSON(), claims: [], baseRevision: revision.current });
            revision.current = saved.revision;
          }),
        onState: (state, error) => {
          setSaveState(state);
          setSaveError(state === 'error' ? errorMessage(error) : null);
        },
      }),
    [id, enqueue],
  );

  // Leaving with a save pending: start it now; the browser keeps it alive (keepalive) and asks before
  // closing. In the desktop app we hold the close until the save is done, then close again.
  useEffect(() => {
    let closingAfterSave = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsaved() || closingAfterSave) return;
      const saving = autosave.flush();
      event.preventDefault();
      if (isDesktop) {
        void saving.finally(() => {
          closingAfterSave = true;
          window.close();
        });
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      autosave.dispose();
      void autosave.flush();
    };
  }, [autosave]);

  const saveMeta = useCallback(
    async (meta: EditableMeta) => {
      setSaveState('saving');
      try {
        const saved = await enqueue(() => client.updateMeta({ id, meta, baseRevision: revision.current }));
        revision.current = saved.revision;
        setArticle((a) => (a ? { ...a, meta: { ...a.meta, ...meta } } : a));
        setSaveState(autosave.hasUnsaved() ? 'pending' : 'saved');
      } catch (e) {
        setSaveState('error');
        setSaveError(errorMessage(e));
      }
    },
    [id, enqueue, autosave],
  );

  if (!article) return <p>Loading article…</p>;

  return (
    <article className="article-view" aria-label={article.meta.title || 'Article'}>
      <div className="article-toolbar">
        <button type="button" className="secondary" onClick={onBack}>
          ← Library
        </button>
        <span className={`save-state save-${saveState}`} role="status" aria-live="polite" data-testid="save-state">
          {STATE_TEXT[saveState]}
          {saveError ? `: ${saveError}` : ''}
        </span>
      </div>
      <MetaForm meta={article.meta} onSave={saveMeta} />
      {article.removedOnImport.length > 0 && (
        <details className="removed-on-import">
          <summary>Taken out of the text on import ({article.removedOnImport.length})</summary>
          <ul>
            {article.removedOnImport.map((r, i) => (
              <li key={i}>
                <q>{r.text}</q> <span className="reason">— {r.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ArticleEditor initialDoc={article.doc} onDocChange={(doc) => autosave.schedule(doc)} />
    </article>
  );
}
