/**
 * What the Electron preload exposes on `window.claimdesk`: the raw contract call, the menu's
 * commands and the page zoom, nothing else. The renderer wraps `invoke` in the typed client (see shared/api.ts).
 */
import type { ImportResult, Response } from './api';

export type MenuCommand =
  /** `request`: the file as sent, so the renderer can send it again as a version or a new article when the result asks. */
  | { type: 'imported'; result: ImportResult; request: { fileName: string; dataBase64: string } }
  | { type: 'importFailed'; message: string }
  /** File > Open review bundle…: the bundle was opened (added or merged). */
  | { type: 'bundleOpened'; result: Response<'openBundle'> }
  /** File > Export report…: the open article's export dialog. */
  | { type: 'export' }
  /** File > Import new version…: the open article's import-version dialog. */
  | { type: 'importVersion' };

export type Bridge = {
  invoke: (method: string, payload: unknown) => Promise<unknown>;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The command palette's zoom: the page zoom the View menu's zoom roles change, in the same steps. */
  zoom: (action: 'in' | 'out' | 'reset') => void;
};

export const IPC_INVOKE = 'claimdesk:invoke';
export const IPC_MENU = 'claimdesk:menu';
