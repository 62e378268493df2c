/** "Find claims" (issue #13): detection over an article's text on the Node side, and remembered rejections. */
import { ApiError, type Handlers } from '../../shared/api';
import type { Store } from '../store/store';

export function detectionService(_store: Store): Pick<Handlers, 'detectClaims' | 'rejectProposals'> {
  const notYet = async (): Promise<never> => {
    throw new ApiError('internal', 'Finding claims is not built yet.');
  };
  return { detectClaims: notYet, rejectProposals: notYet };
}
