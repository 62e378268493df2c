/** Transport 1, the desktop app: every contract method over one ipcMain handler, from our own pages only. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE } from '../shared/bridge';
import type { Envelope } from '../shared/api';
import type { Dispatch } from './dispatch';

export const APP_ORIGIN = 'app://claimdesk';

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, payload: unknown): Promise<Envelope> => {
    if (!fromOurPage(event)) return { ok: false, error: { code: 'invalid_request', message: 'Calls are accepted only from the Claimdesk window.' } };
    return dispatch(String(method), payload);
  });
}
