/**
 * Radix returns the focus to a dialog's Trigger on close; our dialogs open from keys and commands, without
 * one, so the focus would land on the page. These handlers for `Dialog.Content` give it back to whatever had
 * it when the dialog opened (the Export… button, the editor with its caret), then run `after` (the command
 * chosen in the palette, so it acts on the view, not on the closing dialog).
 */
import { useRef } from 'react';

export function useReturnFocus() {
  const back = useRef<HTMLElement | null>(null);
  const after = useRef<(() => void) | null>(null);
  return {
    /** Runs `fn` once the dialog has closed and the focus is back. */
    thenRun(fn: () => void) {
      after.current = fn;
    },
    onOpenAutoFocus() {
      const active = document.activeElement;
      back.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    onCloseAutoFocus(event: Event) {
      event.preventDefault();
      const el = back.current;
      back.current = null;
      if (el?.isConnected) el.focus({ preventScroll: true });
      const fn = after.current;
      after.current = null;
      fn?.();
    },
  };
}
