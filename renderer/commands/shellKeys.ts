/**
 * The app shell's own keys, read on the window before any view or the editor sees them: Ctrl+K (⌘K) opens the
 * palette from anywhere, `?` the shortcut overlay when it would not be typed into something, and in browser
 * mode the zoom keys.
 */
import { zoomKeyAction, type KeyLike, type ZoomAction } from '../theme/zoom';

export type ShellKey = { kind: 'palette' } | { kind: 'shortcuts' } | { kind: 'zoom'; action: ZoomAction };

export const PALETTE_KEYS = 'Mod+K';
export const SHORTCUTS_KEYS = '?';
export const ZOOM_KEYS: Record<ZoomAction, string> = { in: 'Mod+=', out: 'Mod+-', reset: 'Mod+0' };

export type TargetLike = { tagName: string; type?: string; isContentEditable?: boolean };

const NOT_TYPED_INTO = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** Whether a key pressed here types a character: a text field, a text area, a select (type-to-find) or the editor. */
export function isTypingTarget(t: TargetLike | null): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !NOT_TYPED_INTO.has((t.type ?? 'text').toLowerCase());
}

export function shellKeyAction(e: KeyLike & { shiftKey: boolean }, opts: { isMac: boolean; typing: boolean; browserZoom: boolean }): ShellKey | null {
  const mod = opts.isMac ? e.metaKey : e.ctrlKey;
  if (mod && !e.altKey && !e.shiftKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) return { kind: 'palette' };
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !opts.typing) return { kind: 'shortcuts' };
  if (opts.browserZoom) {
    const action = zoomKeyAction(e, opts.isMac);
    if (action) return { kind: 'zoom', action };
  }
  return null;
}
