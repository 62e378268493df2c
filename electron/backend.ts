/** Opens the store and builds the services: what every front door (window, server, CLI) starts with. */
import { createHandlers } from './services';
import { createDispatch, type Dispatch } from './dispatch';
import { openStore, type Store } from './store/store';
import { samplePath } from './paths';
import type { Handlers } from '../shared/api';
import type { PdfRenderer } from './services/exports';

export type Backend = { store: Store; handlers: Handlers; dispatch: Dispatch };

export type BackendOptions = { pdf?: PdfRenderer | null; readOnly?: boolean };

export async function openBackend(dataDir: string, app: string, opts: BackendOptions = {}): Promise<Backend> {
  const store = await openStore(dataDir, { app, readOnly: opts.readOnly ?? false });
  const handlers = createHandlers({ store, samplePath, pdf: opts.pdf ?? null });
  return { store, handlers, dispatch: createDispatch(handlers) };
}
