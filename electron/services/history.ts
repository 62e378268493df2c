/** The history pane's service: pages of an article's audit trail, which the editor's copy of the article leaves out. */
import { ApiError, type Handlers } from '../../shared/api';
import { queryHistory } from '../../shared/audit/history';
import type { Store } from '../store/store';

export function historyService(store: Store): Pick<Handlers, 'getHistory'> {
  return {
    async getHistory({ id, ...query }) {
      const article = await store.getArticle(id);
      if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
      // A claim not saved yet has no history: an empty page, not an error.
      return queryHistory(article.audit, query);
    },
  };
}
