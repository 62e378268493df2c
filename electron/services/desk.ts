import type { Handlers } from '../../shared/api';
import type { Store } from '../store/store';

export function deskService(store: Store): Pick<Handlers, 'getDesk' | 'updateSettings'> {
  return {
    async getDesk() {
      return { desk: store.desk(), notices: store.notices(), dataDir: store.dir };
    },
    updateSettings: ({ settings }) => store.updateDesk((d) => ({ ...d, settings: { ...d.settings, ...settings } })),
  };
}
