/**
 * The workbench's pane sizes: the claim list's and the inspector's widths, whether the list is collapsed.
 * Remembered in localStorage (one desk per browser profile; nothing here is data worth a store file),
 * read back through a schema, so a hand-edited or old value falls back to the defaults.
 */
import { z } from 'zod';

export const PANE_LIMITS = {
  list: { min: 200, max: 440, initial: 260 },
  inspector: { min: 320, max: 640, initial: 400 },
} as const;

export type PaneName = keyof typeof PANE_LIMITS;

/** Below this window width the inspector is a drawer over the text and the list starts collapsed. */
export const NARROW_WIDTH = 1200;

/** One arrow-key press of a splitter; with Shift, a bigger step. */
export const SPLITTER_STEP = 16;
export const SPLITTER_BIG_STEP = 64;

export const PaneLayout = z.object({
  list: z.number().finite(),
  inspector: z.number().finite(),
  /** Unset until the reviewer chooses: then the window's width decides. */
  listCollapsed: z.boolean().optional(),
});
export type PaneLayout = z.infer<typeof PaneLayout>;

export const STORAGE_KEY = 'claimdesk.workbench.panes';

export function clampPane(pane: PaneName, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

export function defaultLayout(): PaneLayout {
  return { list: PANE_LIMITS.list.initial, inspector: PANE_LIMITS.inspector.initial };
}

/** The stored layout, or the defaults for anything missing or broken. */
export function parseLayout(stored: string | null): PaneLayout {
  if (stored === null) return defaultLayout();
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return defaultLayout();
  }
  const parsed = PaneLayout.safeParse(json);
  if (!parsed.success) return defaultLayout();
  return { ...parsed.data, list: clampPane('list', parsed.data.list), inspector: clampPane('inspector', parsed.data.inspector) };
}

/** A splitter's key: the new width, or null for a key it does not take. `grows` is the arrow that widens the pane. */
export function splitterKey(pane: PaneName, width: number, key: string, shift: boolean, grows: 'ArrowRight' | 'ArrowLeft'): number | null {
  const step = shift ? SPLITTER_BIG_STEP : SPLITTER_STEP;
  const shrinks = grows === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
  if (key === grows) return clampPane(pane, width + step);
  if (key === shrinks) return clampPane(pane, width - step);
  if (key === 'Home') return PANE_LIMITS[pane].min;
  if (key === 'End') return PANE_LIMITS[pane].max;
  return null;
}
