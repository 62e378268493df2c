/** Opens the store and builds the services: what every front door (window, server, CLI) starts with. */
import { createHandlers } from './services';
import { createDispatch, type Dispatch } from './dispatch';
import { openStore, type Store } from './store/store';
import { samplePath } from './paths';
import type { Handlers } from '../shared/api';
import type { PdfRenderer } from './services/exports';
import { htmlSanitiser } from './services/importers/html';
import { shippedModel } from '../shared/detect/shipped';

export type Backend = { store: Store; handlers: Handlers; dispatch: Dispatch };

export type BackendOptions = {
  pdf?: PdfRenderer | null;
  readOnly?: boolean;
  /**
   * Parse the detection model (about 0.2 s) and load the page sanitiser (jsdom, 0.5-0.7 s) a moment after
   * start, so the first Find claims and the first page a person imports do not wait for them. For the
   * window and browser mode; a CLI run does one thing and exits.
   */
  warmImport?: boolean;
};

const WARM_IMPORT_DELAY_MS = 1500;
/** Before the sanitiser: Find claims can run as soon as an article opens. */
const WARM_DETECTION_DELAY_MS = 300;

export async function openBackend(dataDir: string, app: string, opts: BackendOptions = {}): Promise<Backend> {
  const store = await openStore(dataDir, { app, readOnly: opts.readOnly ?? false });
  const handlers = createHandlers({ store, samplePath, pdf: opts.pdf ?? null });
  if (opts.warmImport) {
    // A failure here resurfaces, with its message, on the first Find claims.
    setTimeout(() => {
      try {
        shippedModel();
      } catch {
        /* see above */
      }
    }, WARM_DETECTION_DELAY_MS).unref();
    // A failure here resurfaces, with its message, on the first import that needs the sanitiser.
    setTimeout(() => void htmlSanitiser().catch(() => undefined), WARM_IMPORT_DELAY_MS).unref();
  }
  return { store, handlers, dispatch: createDispatch(handlers) };
}
