/**
 * Where the store lives. Precedence: --data-dir DIR, then CLAIMDESK_DATA_DIR, then the default, which is
 * the directory Electron's app.getPath('userData') gives for "Claimdesk", so the desktop app and browser
 * mode open the same desk:
 *   Linux   $XDG_CONFIG_HOME/Claimdesk (~/.config/Claimdesk)
 *   macOS   ~/Library/Application Support/Claimdesk
 *   Windows %APPDATA%\Claimdesk
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Claimdesk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, fallback = defaultDataDir(env)): string {
  const chosen = flag ?? (env.CLAIMDESK_DATA_DIR || undefined) ?? fallback;
  return path.resolve(chosen);
}
