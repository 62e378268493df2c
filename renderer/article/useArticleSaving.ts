/**
 * Everything about keeping one open article saved: autosave of the editor state (text and claims),
 * metadata saves, one save at a time in order, the save indicator, why a save failed, and not losing a
 * pending save (or a field's uncommitted text) when the window closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditableMeta } from '../../shared/schema/article';
import type { ClaimTarget } from '../../shared/schema/claim';
import type { SourceEntry } from '../../shared/schema/desk';
import { client, isDesktop } from '../api';
import { createAutosave, createSerialQueue, type SaveState } from '../editor/autosave';
import { snapshotForSave } from '../editor/editorState';

type Options = {
  id: string;
  /** The claims' last saved targets (orphaned claims keep their last quote from here). */
  targets: MutableRefObject<Map<string, ClaimTarget>>;
  onSources: (sources: SourceEntry[]) => void;
  onMetaSaved: (meta: EditableMeta) => void;
  /** Commits what fields hold but have not committed yet; runs before everything is saved at once. */
  commitDrafts: () => void;
};

/** A failed save: the error, and the ids of the claims it sent in order (the error names them by index). */
export type FailedSave = { error: unknown; claimIds: readonly string[] };

export function useArticleSaving({ id, targets, onSources, onMetaSaved, commitDrafts }: Options) {
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [failure, setFailure] = useState<FailedSave | null>(null);
  const revision = useRef(0);
  const sentClaims = useRef<readonly string[]>([]);
  const enqueue = useMemo(() => createSerialQueue(), []);
  const callbacks = useRef({ onSources, onMetaSaved, commitDrafts });
  callbacks.current = { onSources, onMetaSaved, commitDrafts };

  const autosave = useMemo(
    () =>
      createAutosave<EditorState>({
        save: (state) =>
          enqueue(async () => {
            const snap = snapshotForSave(state, targets.current);
            sentClaims.current = snap.claims.map((c) => c.data.id);
            const saved = await client.saveArticle({ id, doc: snap.doc, claims: snap.claims, baseRevision: revision.current });
            revision.current = saved.revision;
            targets.current = snap.targets;
            callbacks.current.onSources(saved.sources);
          }),
        onState: (state, error) => {
          setSaveState(state);
          setFailure(state === 'error' ? { error, claimIds: sentClaims.current } : null);
        },
      }),
    [id, enqueue, targets],
  );

  // Leaving with a save pending: start it now; the browser keeps it alive (keepalive) and asks before
  // closing. In the desktop app we hold the close until the save is done, then close again.
  useEffect(() => {
    let closingAfterSave = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (closingAfterSave) return;
      callbacks.current.commitDrafts();
      if (!autosave.hasUnsaved()) return;
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
        setFailure({ error: e, claimIds: [] });
      }
    },
    [id, enqueue, autosave],
  );

  /** Everything on screen, saved now: before an export, a merge decision, a retry. */
  const saveNow = useCallback(() => {
    callbacks.current.commitDrafts();
    return autosave.flush();
  }, [autosave]);

  return { saveState, failure, revision, autosave, saveMeta, saveNow };
}
