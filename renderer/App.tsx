import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportResult } from '../shared/api';
import type { StoreNotice } from '../shared/schema/desk';
import { bridge, client, errorMessage } from './api';
import { CommandPalette } from './commands/CommandPalette';
import { isMacOS, keyLabel } from './commands/platform';
import { useCommands, type Command } from './commands/registry';
import { isTypingTarget, PALETTE_KEYS, shellKeyAction, SHORTCUTS_KEYS, ZOOM_KEYS } from './commands/shellKeys';
import { ShortcutOverlay } from './commands/ShortcutOverlay';
import { LibraryView } from './library/LibraryView';
import { Notice } from './Notice';
import { noticeShownAt, type HeldNotice, type NoticeData } from './noticeRules';
import { parseRoute, routeHash, type Route } from './route';
import { bundleMessage, openFile, type BundleOpened } from './library/openFile';
import { isSystemDark, setThemeChoice, useAppearance, zoom } from './theme/appearance';
import { THEME_CHOICES, THEME_LABELS, toggledTheme } from './theme/theme';
import { ThemeSwitch } from './theme/ThemeSwitch';
import { versionAddedSentence } from '../shared/versions/versionLabels';
import type { ImportRequest } from './versions/importRequest';
import { showVersionChanges } from './versions/showVersions';
import { useImportFlow, type StoredImport } from './versions/useImportFlow';

// The library is the first view: the editor (ProseMirror and the workbench) and Settings load as their own
// chunks, so a large desk's library is drawn without waiting for them; they are fetched once the app is idle.
const loadArticleView = () => import('./article/ArticleView');
const loadSettingsView = () => import('./settings/SettingsView');
const ArticleView = lazy(() => loadArticleView().then((m) => ({ default: m.ArticleView })));
const SettingsView = lazy(() => loadSettingsView().then((m) => ({ default: m.SettingsView })));

export function importedNotice(result: StoredImport): NoticeData {
  if (result.outcome === 'identical') return { kind: 'info', text: result.message };
  if (result.outcome === 'version') {
    const id = result.article.id;
    return { kind: 'info', text: versionAddedSentence(result.version), removed: result.removed, action: { label: 'Show the changes', run: () => showVersionChanges(id) } };
  }
  return { kind: 'info', text: `Imported “${result.article.title}”.`, removed: result.removed };
}

const isMac = isMacOS();

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const at = routeHash(route);
  const [held, setHeld] = useState<HeldNotice | null>(null);
  const [storeNotices, setStoreNotices] = useState<StoreNotice[]>([]);
  const [reloads, setReloads] = useState(0);
  const [palette, setPalette] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const appearance = useAppearance();
  // Where the app is now, for notices set from outside a view's callbacks (a drop, a menu command).
  const here = useRef(at);
  here.current = at;
  const shown = useRef(0);
  const hold = useCallback((notice: NoticeData, where: string) => setHeld({ notice, at: where, id: ++shown.current }), []);

  // Fetch the other views' code once the first view is drawn, so opening an article does not wait for it.
  useEffect(() => {
    // A failed fetch here is not the user's concern yet: opening the view fetches again and says so if it fails.
    const t = setTimeout(() => void Promise.all([loadArticleView(), loadSettingsView()]).catch(() => undefined), 300);
    return () => clearTimeout(t);
  }, []);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A notice belongs to the view and article it was shown for: moving to another one, however, drops it.
  useEffect(() => setHeld((h) => (h && h.at === at ? h : null)), [at]);

  useEffect(() => {
    client.getDesk({}).then(
      (d) => setStoreNotices(d.notices),
      (e: unknown) => hold({ kind: 'error', text: errorMessage(e) }, here.current),
    );
  }, [hold]);

  // Each view's callbacks carry its route, so a result arriving after the person moved on is not shown elsewhere.
  const showError = useCallback((text: string) => hold({ kind: 'error', text }, at), [hold, at]);
  const showInfo = useCallback((text: string) => hold({ kind: 'info', text }, at), [hold, at]);
  const showHere = useCallback((notice: NoticeData) => hold(notice, here.current), [hold]);

  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
    setRoute(next);
  }, []);

  const onStored = useCallback(
    (result: StoredImport) => {
      // An identical re-import changed nothing: say so where the person is, and open nothing.
      if (result.outcome === 'identical') return hold(importedNotice(result), here.current);
      const next: Route = { view: 'article', id: result.article.id };
      // A new version of the open article: remount its view so it reads the new text and the carried claims.
      if (result.outcome === 'version') setReloads((n) => n + 1);
      navigate(next);
      // The notice of the action that opened the article goes with it.
      hold(importedNotice(result), routeHash(next));
    },
    [navigate, hold],
  );
  const { handle: handleImport, start: startImport, dialog: importOffer } = useImportFlow({ onStored, onError: (text) => showHere({ kind: 'error', text }) });
  const onImported = useCallback((result: ImportResult, request?: ImportRequest) => handleImport(result, request), [handleImport]);
  const importVersion = useCallback((request: ImportRequest, articleId: string) => void startImport(request, { versionOf: articleId }), [startImport]);

  const onBundle = useCallback(
    (result: BundleOpened) => {
      const next: Route = { view: 'article', id: result.article.id };
      // Remount the article view so it reads what the merge wrote.
      setReloads((n) => n + 1);
      navigate(next);
      hold({ kind: 'info', text: bundleMessage(result) }, routeHash(next));
    },
    [navigate, hold],
  );

  // A file dropped anywhere on the window: an article to import or a review bundle to open.
  const onDrop = (event: React.DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    openFile(file).then(
      (opened) => (opened.kind === 'bundle' ? onBundle(opened.result) : onImported(opened.result)),
      (e: unknown) => showHere({ kind: 'error', text: errorMessage(e) }),
    );
  };

  // File > Import… in the desktop app arrives here.
  useEffect(() => {
    if (!bridge) return;
    return bridge.onMenuCommand((command) => {
      if (command.type === 'imported') {
        onImported(command.result, { kind: 'file', ...command.request });
      } else if (command.type === 'bundleOpened') {
        onBundle(command.result);
      } else if (command.type === 'importFailed') {
        showHere({ kind: 'error', text: command.message });
      }
    });
  }, [onImported, onBundle, showHere]);

  // The shell's keys, before the editor or a view sees them (capture), so Ctrl+K works from inside the text.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shellKeyAction(e, { isMac, typing: isTypingTarget(target), browserZoom: !bridge });
      if (!action) return;
      if (action.kind === 'zoom') {
        e.preventDefault();
        zoom(action.action);
        return;
      }
      // Another dialog (the export dialog, the name prompt) has the keys; the palette's own Ctrl+K closes it.
      const inDialog = target?.closest('[role="dialog"]');
      if (action.kind === 'palette') {
        if (inDialog && !inDialog.classList.contains('palette')) return;
        e.preventDefault();
        e.stopPropagation();
        setShortcuts(false);
        setPalette((p) => !p);
      } else {
        if (inDialog && !inDialog.classList.contains('shortcut-overlay')) return;
        e.preventDefault();
        setShortcuts((s) => !s);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const commands = useMemo<Command[]>(() => {
    const list: Command[] = [
      { id: 'go.library', label: 'Go to Library', group: 'Go to', keywords: ['articles', 'home'], run: () => navigate({ view: 'library' }) },
      { id: 'go.settings', label: 'Go to Settings', group: 'Go to', keywords: ['preferences', 'rating scale', 'sources', 'reviewer'], run: () => navigate({ view: 'settings' }) },
    ];
    if (route.view === 'library') {
      list.push({
        id: 'library.import',
        label: 'Import file…',
        group: 'Library',
        keywords: ['open', 'article', 'bundle', 'web page', 'word'],
        // The library's own file picker: a command run from a key press may open it.
        run: () => document.getElementById('import-file-input')?.click(),
      });
    }
    list.push(
      { id: 'app.palette', label: 'Open the command palette', group: 'App', shortcut: keyLabel(PALETTE_KEYS, isMac), keywords: ['commands'], run: () => setPalette(true) },
      { id: 'app.shortcuts', label: 'Show keyboard shortcuts', group: 'App', shortcut: SHORTCUTS_KEYS, keywords: ['keys', 'help'], run: () => setShortcuts(true) },
      {
        id: 'theme.toggle',
        label: appearance.theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode',
        group: 'Appearance',
        keywords: ['theme', 'dark', 'light', 'colour', 'color'],
        run: () => setThemeChoice(toggledTheme(appearance.choice, isSystemDark())),
      },
      ...THEME_CHOICES.map((c) => ({
        id: `theme.${c}`,
        label: `Theme: ${THEME_LABELS[c]}${c === 'system' ? ' (follow the system)' : ''}`,
        group: 'Appearance',
        keywords: ['theme', 'colour', 'color', 'mode'],
        enabled: appearance.choice !== c,
        run: () => setThemeChoice(c),
      })),
      { id: 'zoom.in', label: 'Zoom in', group: 'Appearance', shortcut: keyLabel(ZOOM_KEYS.in, isMac), keywords: ['bigger', 'larger', 'text size'], run: () => zoom('in') },
      { id: 'zoom.out', label: 'Zoom out', group: 'Appearance', shortcut: keyLabel(ZOOM_KEYS.out, isMac), keywords: ['smaller', 'text size'], run: () => zoom('out') },
      { id: 'zoom.reset', label: 'Reset zoom to 100 %', group: 'Appearance', shortcut: keyLabel(ZOOM_KEYS.reset, isMac), keywords: ['actual size', 'text size'], run: () => zoom('reset') },
    );
    return list;
  }, [navigate, route.view, appearance.theme, appearance.choice]);
  useCommands(commands);

  const notice = noticeShownAt(held, at);
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <header className="app-header">
        <a
          className="brand"
          href="#/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ view: 'library' });
          }}
        >
          Claimdesk
        </a>
        <nav aria-label="Main">
          <a
            href="#/"
            aria-current={route.view === 'library' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'library' });
            }}
          >
            Library
          </a>
          <a
            href="#/settings"
            aria-current={route.view === 'settings' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'settings' });
            }}
          >
            Settings
          </a>
        </nav>
        <div className="header-tools">
          <button type="button" className="header-button" onClick={() => setPalette(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
            Commands <kbd>{keyLabel(PALETTE_KEYS, isMac)}</kbd>
          </button>
          <button type="button" className="header-button" onClick={() => setShortcuts(true)} aria-keyshortcuts="?">
            Shortcuts <kbd>?</kbd>
          </button>
          <ThemeSwitch />
        </div>
      </header>
      {storeNotices.map((n, i) => (
        <div key={i} className={`notice notice-${n.level === 'info' ? 'info' : 'error'}`} role="alert">
          <p>{n.message}</p>
        </div>
      ))}
      <Notice key={held?.id} notice={notice} onDismiss={() => setHeld(null)} />
      <main>
        <Suspense fallback={<p>Loading…</p>}>
        {route.view === 'settings' ? (
          <SettingsView onError={showError} onInfo={showInfo} />
        ) : route.view === 'library' ? (
          <LibraryView onOpen={(id) => navigate({ view: 'article', id })} onImported={onImported} onBundle={onBundle} onError={showError} />
        ) : (
          <ArticleView key={`${route.id}:${reloads}`} id={route.id} onError={showError} onInfo={showInfo} onBack={() => navigate({ view: 'library' })} onReload={() => setReloads((n) => n + 1)} onImportVersion={importVersion} />
        )}
        </Suspense>
      </main>
      {importOffer}
      <CommandPalette open={palette} onOpenChange={setPalette} />
      <ShortcutOverlay open={shortcuts} onOpenChange={setShortcuts} />
    </div>
  );
}
