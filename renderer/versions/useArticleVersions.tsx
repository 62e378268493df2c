/**
 * The workbench's versions, as one hook so the article view only places its pieces: the toolbar's
 * "Versions (n)" and "Import new version…", the panel shown in place of the text, the import dialog,
 * the palette's commands, and the claim list's "changed in v2" flags.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { VersionSummary } from '../../shared/schema/version';
import { claimChangesSinceFirstSeen } from '../../shared/versions/changesSinceFirstSeen';
import { claimVersionFlags } from '../../shared/versions/versionLabels';
import type { ClaimRow } from '../claims/claimRows';
import { bridge } from '../api';
import { useCommands, type Command } from '../commands/registry';
import type { ImportRequest } from './importRequest';
import { ImportVersionDialog } from './ImportVersionDialog';
import { onShowVersionChanges } from './showVersions';
import { defaultShowing, VersionsPanel, type Showing } from './VersionsPanel';

type Options = {
  articleId: string;
  title: string;
  versions: readonly VersionSummary[];
  rows: readonly ClaimRow[];
  currentDoc: () => Node | null;
  onImportVersion?: (request: ImportRequest, articleId: string) => void;
  onGoToClaim: (claimId: string) => void;
};

export function useArticleVersions({ articleId, title, versions, rows, currentDoc, onImportVersion, onGoToClaim }: Options) {
  const [showing, setShowing] = useState<Showing | null>(null);
  // Each opening (the button, a command, a notice's link) shows what it asked for: the panel is remounted.
  const [openings, setOpenings] = useState(0);
  const [importing, setImporting] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const changes = useMemo(() => claimChangesSinceFirstSeen(versions), [versions]);
  const flags = useMemo(() => claimVersionFlags(changes), [changes]);
  const open = useCallback(
    (s?: Showing) => {
      setShowing(s ?? defaultShowing(versions));
      setOpenings((n) => n + 1);
    },
    [versions],
  );
  const docRef = useRef(currentDoc);
  docRef.current = currentDoc;
  const editorDoc = useCallback(() => docRef.current()!, []);
  const close = useCallback(() => {
    setShowing(null);
    requestAnimationFrame(() => button.current?.focus());
  }, []);
  useEffect(() => onShowVersionChanges((id) => id === articleId && open()), [articleId, open]);
  const canImport = onImportVersion !== undefined;
  // File > Import new version… in the desktop app.
  useEffect(() => bridge?.onMenuCommand((command) => command.type === 'importVersion' && canImport && setImporting(true)), [canImport]);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'versions.show', label: `Show the article's versions (${versions.length})`, group: 'Versions', keywords: ['history', 'publisher', 'diff', 'compare'], run: () => open({ kind: 'version', number: versions[versions.length - 1]?.number ?? 1 }) },
      {
        id: 'versions.changes',
        label: 'Show the changes from the previous version',
        group: 'Versions',
        keywords: ['diff', 'compare', 'stealth edit', 'changes since first seen'],
        enabled: versions.length > 1,
        run: () => open(),
      },
      { id: 'versions.import', label: 'Import new version…', group: 'Versions', keywords: ['re-import', 'update', 'publisher', 'newer'], enabled: canImport, run: () => setImporting(true) },
      { id: 'versions.corrections', label: 'Show your corrections since the last version', group: 'Versions', keywords: ['desk', 'typo', 'edits', 'diff'], run: () => open({ kind: 'changes', from: versions[versions.length - 1]?.number ?? 1, to: 'desk' }) },
    ],
    [versions, open, canImport],
  );
  useCommands(commands);

  const toolbar = (
    <>
      <button ref={button} type="button" className="secondary" aria-expanded={showing !== null} aria-controls={panelId} onClick={() => (showing ? close() : open())}>
        Versions ({versions.length})
      </button>
      {canImport && (
        <button type="button" className="secondary" onClick={() => setImporting(true)}>
          Import new version…
        </button>
      )}
    </>
  );
  const panel = showing && (
    <div id={panelId} className="versions-host">
      <VersionsPanel
        key={openings}
        articleId={articleId}
        title={title}
        versions={versions}
        rows={rows}
        currentDoc={editorDoc}
        initial={showing}
        onClose={close}
        onGoToClaim={(id) => {
          setShowing(null);
          onGoToClaim(id);
        }}
        onImportVersion={() => setImporting(true)}
      />
    </div>
  );
  const dialog = importing && onImportVersion && <ImportVersionDialog title={title} onImport={(r) => onImportVersion(r, articleId)} onClose={() => setImporting(false)} />;
  return { toolbar, panel, dialog, flags, showing: showing !== null };
}
