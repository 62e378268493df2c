/** Article versions (issue #14): reading one whole. Adding a version goes through the import (articles.ts). */
import { ApiError, type Handlers } from '../../shared/api';
import type { Store } from '../store/store';

export function versionService(store: Store): Pick<Handlers, 'getVersion'> {
  return {
    async getVersion({ id, number }) {
      const article = await store.getArticle(id);
      if (!article) throw new ApiError('not_found', `There is no article with id ${id} in this desk.`);
      const version = article.versions.find((v) => v.number === number);
      if (!version) throw new ApiError('not_found', `“${article.meta.title || id}” has no version ${number} (it has ${article.versions.length}).`);
      return version;
    },
  };
}
