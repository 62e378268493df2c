/**
 * The app's own zoom in browser mode: the root font size in steps, so everything sized in rem grows and the
 * layout reflows (the browser's page zoom would double it, so its keys are taken). The desktop app zooms
 * with Electron's View menu roles instead (electron/main.ts).
 */
import { z } from 'zod';

/** Percent. 200 % is WCAG's resize-text bar; below 80 % text gets too small to check quotes by. */
export const ZOOM_STEPS = [80, 90, 100, 110, 125, 150, 175, 200] as const;
export const ZOOM_DEFAULT = 100;
export const ZOOM_STORAGE_KEY = 'claimdesk.zoom';

export type ZoomAction = 'in' | 'out' | 'reset';

const Stored = z.coerce.number().int().min(ZOOM_STEPS[0]).max(ZOOM_STEPS[ZOOM_STEPS.length - 1]!);

/** A stored zoom, snapped to the nearest step; 100 % for nothing or anything out of range. */
export function parseZoom(stored: string | null | undefined): number {
  if (stored === null || stored === undefined || stored === '') return ZOOM_DEFAULT;
  const parsed = Stored.safeParse(stored);
  if (!parsed.success) return ZOOM_DEFAULT;
  return ZOOM_STEPS.reduce((best, s) => (Math.abs(s - parsed.data) < Math.abs(best - parsed.data) ? s : best), ZOOM_DEFAULT);
}

/** The next step in, the one before out, or 100 %; stays put at the ends. */
export function stepZoom(current: number, action: ZoomAction): number {
  if (action === 'reset') return ZOOM_DEFAULT;
  if (action === 'in') return ZOOM_STEPS.find((s) => s > current) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((s) => s < current) ?? ZOOM_STEPS[0];
}

export type KeyLike = { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0 (⌘ on macOS), on the main keys or the number pad. */
export function zoomKeyAction(e: KeyLike, isMac: boolean): ZoomAction | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey || (isMac && e.ctrlKey)) return null;
  if (e.key === '=' || e.key === '+' || e.code === 'NumpadAdd') return 'in';
  if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return 'out';
  if (e.key === '0' || e.code === 'Numpad0' || e.code === 'Digit0') return 'reset';
  return null;
}
