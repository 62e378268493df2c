import type { Handlers } from '../../shared/api';
import type { Store } from '../store/store';
import { articleService } from './articles';
import { deskService } from './desk';
import { exportService, type PdfRenderer } from './exports';
import { bundleService } from './bundles';
import { historyService } from './history';
import { libraryService } from './library';
import { versionService } from './versions';
import { detectionService } from './detection';

export type ServiceOptions = { store: Store; samplePath: string; pdf?: PdfRenderer | null; now?: () => Date };

/** Every method of the contract, implemented once, behind every front door (IPC, HTTP, CLI). */
export function createHandlers(opts: ServiceOptions): Handlers {
  return {
    ...deskService(opts.store), ...articleService(opts), ...exportService({ store: opts.store, pdf: opts.pdf ?? null, now: opts.now }), ...bundleService({ store: opts.store, now: opts.now }),
    ...libraryService({ store: opts.store, pdf: opts.pdf ?? null, now: opts.now }),
    ...historyService(opts.store),
    ...versionService(opts.store),
    ...detectionService(opts.store, opts.now),
  };
}
