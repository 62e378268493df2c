/**
 * What the Electron preload exposes on `window.claimdesk`: the raw contract call, the menu's
 * commands and the page zoom, nothing else. The renderer wraps `invoke` in the typed client (see shared/api.ts).
 */
import { z } from 'zod';
import type { ImportResult, Response } from './api';

/** The person's colour theme: the renderer applies it, and the desktop app's native parts (menus, scrollbars, dialogs) follow it. */
export const ThemeChoice = z.enum(['system', 'light', 'dark']);
export type ThemeChoice = z.infer<typeof ThemeChoice>;

export type MenuCommand =
  /** `request`: the file as sent, so the renderer can send it again as a version or a new article when the result asks. */
  | { type: 'imported'; result: ImportResult; request: { fileName: string; dataBase64: string } }
  | { type: 'importFailed'; message: string }
  /** File > Open review bundle…: the bundle was opened (added or merged). */
  | { type: 'bundleOpened'; result: Response<'openBundle'> }
  /** File > Export report…: the open article's export dialog. */
  | { type: 'export' }
  /** Article > Find claims: detection's proposals for the open article. */
  | { type: 'findClaims' }
  /** File > Import new version…: the open article's import-version dialog. */
  | { type: 'importVersion' };

export type Bridge = {
  invoke: (method: string, payload: unknown) => Promise<unknown>;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The command palette's zoom: the page zoom the View menu's zoom roles change, in the same steps. */
  zoom: (action: 'in' | 'out' | 'reset') => void;
  /** The theme chosen in the header, for Electron's nativeTheme (checked in main). */
  setNativeTheme: (choice: ThemeChoice) => void;
};

export const IPC_INVOKE = 'claimdesk:invoke';
export const IPC_MENU = 'claimdesk:menu';
export const IPC_THEME = 'claimdesk:theme';
