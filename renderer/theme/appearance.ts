/**
 * The appearance on screen (theme and zoom) as one small store: read from localStorage and applied to <html>
 * before the first render (main.tsx), so a dark desk never flashes light; the header's switch and the
 * palette's commands change it through here.
 */
import { useSyncExternalStore } from 'react';
import { bridge } from '../api';
import { DARK_QUERY, parseThemeChoice, resolveTheme, THEME_STORAGE_KEY, type Theme, type ThemeChoice } from './theme';
import { parseZoom, stepZoom, ZOOM_DEFAULT, ZOOM_STORAGE_KEY, type ZoomAction } from './zoom';

export type Appearance = { choice: ThemeChoice; theme: Theme; zoom: number };

let state: Appearance = { choice: 'system', theme: 'light', zoom: ZOOM_DEFAULT };
const listeners = new Set<() => void>();
let nativeThemeSent = false;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage switched off: the defaults, every time
  }
}

function write(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered, still applied.
  }
}

const systemDark = () => window.matchMedia(DARK_QUERY).matches;

function apply(next: Appearance) {
  if (next.choice !== state.choice || !nativeThemeSent) {
    nativeThemeSent = true;
    bridge?.setNativeTheme(next.choice);
  }
  state = next;
  const html = document.documentElement;
  html.dataset.theme = next.theme;
  html.style.fontSize = next.zoom === ZOOM_DEFAULT ? '' : `${next.zoom}%`;
  for (const l of listeners) l();
}

/** Applies what is stored and follows the system's theme from then on. Call once, before rendering. */
export function initAppearance() {
  const choice = parseThemeChoice(read(THEME_STORAGE_KEY));
  // The desktop app zooms the page itself (View menu); a zoom stored by browser mode is not applied there.
  const zoom = bridge ? ZOOM_DEFAULT : parseZoom(read(ZOOM_STORAGE_KEY));
  apply({ choice, theme: resolveTheme(choice, systemDark()), zoom });
  window.matchMedia(DARK_QUERY).addEventListener('change', (e) => apply({ ...state, theme: resolveTheme(state.choice, e.matches) }));
  // Another tab of the same desk changed it.
  window.addEventListener('storage', (e) => {
    if (e.key === THEME_STORAGE_KEY) {
      const c = parseThemeChoice(e.newValue);
      apply({ ...state, choice: c, theme: resolveTheme(c, systemDark()) });
    } else if (e.key === ZOOM_STORAGE_KEY && !bridge) {
      apply({ ...state, zoom: parseZoom(e.newValue) });
    }
  });
}

export function setThemeChoice(choice: ThemeChoice) {
  write(THEME_STORAGE_KEY, choice);
  apply({ ...state, choice, theme: resolveTheme(choice, systemDark()) });
}

export function isSystemDark(): boolean {
  return systemDark();
}

export function zoom(action: ZoomAction) {
  if (bridge?.zoom) {
    bridge.zoom(action);
    return;
  }
  const next = stepZoom(state.zoom, action);
  write(ZOOM_STORAGE_KEY, String(next));
  apply({ ...state, zoom: next });
}

export function useAppearance(): Appearance {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
