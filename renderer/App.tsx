import { useCallback, useEffect, useState } from 'react';
import type { ImportResult } from '../shared/api';
import type { StoreNotice } from '../shared/schema/desk';
import { bridge, client, errorMessage } from './api';
import { ArticleView } from './article/ArticleView';
import { LibraryView } from './library/LibraryView';
import { Notice, type NoticeData } from './Notice';
import { parseRoute, routeHash, type Route } from './route';
import { SettingsView } from './settings/SettingsView';
import { bundleMessage, openFile, type BundleOpened } from './library/openFile';

export function importedNotice(result: ImportResult): NoticeData {
  const n = result.removed.length;
  return {
    kind: 'info',
    text: `Imported “${result.article.title}”.${n > 0 ? ` ${n} piece${n === 1 ? '' : 's'} of page furniture or metadata ${n === 1 ? 'was' : 'were'} taken out of the text.` : ''}`,
    removed: result.removed,
  };
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [storeNotices, setStoreNotices] = useState<StoreNotice[]>([]);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    client.getDesk({}).then(
      (d) => setStoreNotices(d.notices),
      (e: unknown) => setNotice({ kind: 'error', text: errorMessage(e) }),
    );
  }, []);

  const showError = useCallback((text: string) => setNotice({ kind: 'error', text }), []);
  const showInfo = useCallback((text: string) => setNotice({ kind: 'info', text }), []);

  // A message belongs to the view it was shown on: moving on clears it.
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
    setRoute(next);
    setNotice(null);
  }, []);

  const onImported = useCallback(
    (result: ImportResult) => {
      navigate({ view: 'article', id: result.article.id });
      setNotice(importedNotice(result));
    },
    [navigate],
  );

  const onBundle = useCallback(
    (result: BundleOpened) => {
      // Remount the article view so it reads what the merge wrote.
      setReloads((n) => n + 1);
      navigate({ view: 'article', id: result.article.id });
      setNotice({ kind: 'info', text: bundleMessage(result) });
    },
    [navigate],
  );

  // A file dropped anywhere on the window: an article to import or a review bundle to open.
  const onDrop = (event: React.DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    openFile(file).then(
      (opened) => (opened.kind === 'bundle' ? onBundle(opened.result) : onImported(opened.result)),
      (e: unknown) => setNotice({ kind: 'error', text: errorMessage(e) }),
    );
  };

  // File > Import… in the desktop app arrives here.
  useEffect(() => {
    if (!bridge) return;
    return bridge.onMenuCommand((command) => {
      if (command.type === 'imported') {
        onImported(command.result);
      } else if (command.type === 'bundleOpened') {
        onBundle(command.result);
      } else if (command.type === 'importFailed') {
        setNotice({ kind: 'error', text: command.message });
      }
    });
  }, [onImported, onBundle]);

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
      </header>
      {storeNotices.map((n, i) => (
        <div key={i} className={`notice notice-${n.level === 'info' ? 'info' : 'error'}`} role="alert">
          <p>{n.message}</p>
        </div>
      ))}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <main>
        {route.view === 'settings' ? (
          <SettingsView onError={showError} onInfo={showInfo} />
        ) : route.view === 'library' ? (
          <LibraryView
            onOpen={(id) => navigate({ view: 'article', id })}
            onImported={onImported}
            onBundle={onBundle}
            onError={(text) => setNotice({ kind: 'error', text })}
          />
        ) : (
          <ArticleView key={`${route.id}:${reloads}`} id={route.id} onError={showError} onInfo={showInfo} onBack={() => navigate({ view: 'library' })} onReload={() => setReloads((n) => n + 1)} />
        )}
      </main>
    </div>
  );
}
