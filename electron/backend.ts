/** Opens the store and builds the services: what every front door (window, server, CLI) starts with. */
import { createHandlers } from './services';
import { createDispatch, type Dispatch } from './dispatch';
import { openStore, type Store } from './store/store';
import { samplePath } from './paths';
import type { Handlers } from '../shared/api';

export type Backend = { store: Store; handlers: Handlers; dispatch: Dispatch };

export async function openBackend(dataDir: string, app: string): Promise<Backend> {
  const store = await openStore(dataDir, { app });
  const handlers = createHandlers({ store, samplePath });
  return { store, handlers, dispatch: createDispatch(handlers) };
}
