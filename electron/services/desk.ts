import { ApiError, type Handlers } from '../../shared/api';
import { findSource } from '../../shared/sources/directory';
import type { Store } from '../store/store';

export function deskService(store: Store): Pick<Handlers, 'getDesk' | 'updateSettings' | 'saveSource' | 'deleteSource'> {
  return {
    async getDesk() {
      return { desk: store.desk(), notices: store.notices(), dataDir: store.dir };
    },
    updateSettings: ({ settings }) => store.updateDesk((d) => ({ ...d, settings: { ...d.settings, ...settings } })),
    // Both check the directory as it is when their turn in the desk file's queue comes, not before.
    async saveSource({ source }) {
      const desk = await store.updateDesk((d) => {
        const others = d.sources.filter((s) => s.id !== source.id);
        for (const name of [source.name, ...source.aliases]) {
          const clash = findSource(others, name);
          if (clash) throw new ApiError('invalid_request', `“${name}” already names another source in the directory (${clash.name}).`);
        }
        const exists = d.sources.some((s) => s.id === source.id);
        return { ...d, sources: exists ? d.sources.map((s) => (s.id === source.id ? source : s)) : [...d.sources, source] };
      });
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
