/**
 * What the Electron preload exposes on `window.claimdesk`: the raw contract call, the menu's
 * commands and the page zoom, nothing else. The renderer wraps `invoke` in the typed client (see shared/api.ts).
 */
import type { ImportResult, Response } from './api';

export type MenuCommand =
  | { type: 'imported'; result: ImportResult }
  | { type: 'importFailed'; message: string }
  /** File > Open review bundle…: the bundle was opened (added or merged). */
  | { type: 'bundleOpened'; result: Response<'openBundle'> }
  /** File > Export report…: the open article's export dialog. */
  | { type: 'export' }
  /** Article > Find claims: detection's proposals for the open article. */
  | { type: 'findClaims' };

export type Bridge = {
  invoke: (method: string, payload: unknown) => Promise<unknown>;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The command palette's zoom: the page zoom the View menu's zoom roles change, in the same steps. */
  zoom: (action: 'in' | 'out' | 'reset') => void;
};

export const IPC_INVOKE = 'claimdesk:invoke';
export const IPC_MENU = 'claimdesk:menu';
