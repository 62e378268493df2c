/** The view is kept in the URL hash, so a reload (or the Electron View > Reload) reopens the same view. */
export type Route = { view: 'library' } | { view: 'settings' } | { view: 'article'; id: string };

export function parseRoute(hash: string): Route {
  if (hash === '#/settings') return { view: 'settings' };
  const m = /^#\/article\/([a-z0-9-]{6,64})$/.exec(hash);
  return m?.[1] ? { view: 'article', id: m[1] } : { view: 'library' };
}

export function routeHash(route: Route): string {
  if (route.view === 'article') return `#/article/${route.id}`;
  return route.view === 'settings' ? '#/settings' : '#/';
}
