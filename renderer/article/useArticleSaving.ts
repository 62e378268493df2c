/**
 * Everything about keeping one open article saved: autosave of the editor state (text and claims),
 * metadata saves, one save at a time in order, the save indicator, and not losing a pending save when
 * the window closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditableMeta } from '../../shared/schema/article';
import type { ClaimTarget } from '../../shared/schema/claim';
import type { SourceEntry } from '../../shared/schema/desk';
import { client, errorMessage, isDesktop } from '../api';
import { createAutosave, createSerialQueue, type SaveState } from '../editor/autosave';
import { snapshotForSave } from '../editor/editorState';

type Options = {
  id: string;
  /** The claims' last saved targets (orphaned claims keep their last quote from here). */
  targets: MutableRefObject<Map<string, ClaimTarget>>;
  onSources: (sources: SourceEntry[]) => void;
  onMetaSaved: (meta: EditableMeta) => void;
};

export function useArticleSaving({ id, targets, onSources, onMetaSaved }: Options) {
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const revision = useRef(0);
  const enqueue = useMemo(() => createSerialQueue(), []);
  const callbacks = useRef({ onSources, onMetaSaved });
  callbacks.current = { onSources, onMetaSaved };

  const autosave = useMemo(
    () =>
      createAutosave<EditorState>({
        save: (state) =>
          enqueue(async () => {
            const snap = snapshotForSave(state, targets.current);
            const saved = await client.saveArticle({ id, doc: snap.doc, claims: snap.claims, baseRevision: revision.current });
            revision.current = saved.revision;
            targets.current = snap.targets;
            callbacks.current.onSources(saved.sources);
          }),
        onState: (state, error) => {
          setSaveState(state);
          setSaveError(state === 'error' ? errorMessage(error) : null);
        },
      }),
    [id, enqueue, targets],
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
      void autosave.flush();
    };
  }, [autosave]);

  const saveMeta = useCallback(
    async (meta: EditableMeta) => {
      setSaveState('saving');
      try {
        const saved = await enqueue(() => client.updateMeta({ id, meta, baseRevision: revision.current }));
        revision.current = saved.revision;
        callbacks.current.onMetaSaved(meta);
        setSaveState(autosave.hasUnsaved() ? 'pending' : 'saved');
      } catch (e) {
        setSaveState('error');
        setSaveError(errorMessage(e));
      }
    },
    [id, enqueue, autosave],
  );

  return { saveState, saveError, revision, autosave, saveMeta };
}
