/** The view is kept in the URL hash, so a reload (or the Electron View > Reload) reopens the same article. */
export type Route = { view: 'library' } | { view: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/article\/([a-z0-9-]{6,64})$/.exec(hash);
  return m?.[1] ? { view: 'article', id: m[1] } : { view: 'library' };
}

export function routeHash(route: Route): string {
  return route.view === 'article' ? `#/article/${route.id}` : '#/';
}
