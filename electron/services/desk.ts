import { ApiError, type Handlers } from '../../shared/api';
import { mergeSources, putSource, type DirectoryEdit } from '../../shared/sources/editDirectory';
import type { Store } from '../store/store';

/** The edited directory, or the edit's reason for refusing as a bad request (the desk file is then not written). */
function edited(edit: DirectoryEdit) {
  if (!edit.ok) throw new ApiError('invalid_request', edit.message);
  return edit.sources;
}

export function deskService(store: Store): Pick<Handlers, 'getDesk' | 'updateSettings' | 'saveSource' | 'mergeSources' | 'deleteSource'> {
  return {
    async getDesk() {
      return { desk: store.desk(), notices: store.notices(), dataDir: store.dir };
    },
    updateSettings: ({ settings }) => store.updateDesk((d) => ({ ...d, settings: { ...d.settings, ...settings } })),
    // Both check the directory as it is when their turn in the desk file's queue comes, not before.
    async saveSource({ source }) {
      const desk = await store.updateDesk((d) => ({ ...d, sources: edited(putSource(d.sources, source)) }));
      return { sources: desk.sources };
    },
    async mergeSources(request) {
      const desk = await store.updateDesk((d) => ({ ...d, sources: edited(mergeSources(d.sources, request)) }));
      return { sources: desk.sources };
    },
    async deleteSource({ id }) {
      const desk = await store.updateDesk((d) => {
        if (!d.sources.some((s) => s.id === id)) throw new ApiError('not_found', 'That source is not in the directory.');
        return { ...d, sources: d.sources.filter((s) => s.id !== id) };
      });
      return { sources: desk.sources };
    },
  };
}
