/**
 * "Show the changes" from a notice shown outside the article view (the App's notices): the open
 * article's view listens and opens its versions panel on the diff. One tiny channel, typed, instead of
 * threading a flag through the route.
 */
type Listener = (articleId: string) => void;
const listeners = new Set<Listener>();

export function showVersionChanges(articleId: string): void {
  for (const l of listeners) l(articleId);
}

export function onShowVersionChanges(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
