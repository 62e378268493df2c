/** Transport 1, the desktop app: every contract method over one ipcMain handler, from our own pages only. */
import { ipcMain, nativeTheme } from 'electron';
import { IPC_INVOKE, IPC_THEME, ThemeChoice } from '../shared/bridge';
import type { Envelope } from '../shared/api';
import type { Dispatch } from './dispatch';

export const APP_ORIGIN = 'app://claimdesk';

function fromOurPage(event: { senderFrame?: { url: string } | null }): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, payload: unknown): Promise<Envelope> => {
    if (!fromOurPage(event)) return { ok: false, error: { code: 'invalid_request', message: 'Calls are accepted only from the Claimdesk window.' } };
    return dispatch(String(method), payload);
  });
  // Native menus, scrollbars and dialogs follow the header's theme; anything but a known choice is ignored.
  ipcMain.on(IPC_THEME, (event, choice: unknown) => {
    const parsed = ThemeChoice.safeParse(choice);
    if (fromOurPage(event) && parsed.success) nativeTheme.themeSource = parsed.data;
  });
}
