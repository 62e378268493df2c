import { useEffect, useRef, type RefObject } from 'react';

/**
 * The article view's keys, listened for on the window: a key pressed anywhere in the view, or with the
 * focus on nothing (a focused row or field that just went away leaves it on the body), reaches
 * `onKey`. Keys in a dialog (the name prompt, the export dialog) are the dialog's.
 */
export function useViewKeys(root: RefObject<HTMLElement | null>, onKey: (e: KeyboardEvent, target: HTMLElement) => void): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const target = e.target;
      if (!(target instanceof HTMLElement)) return;
      const inView = target === document.body || (root.current?.contains(target) ?? false);
      if (!inView || target.closest('[role="dialog"]')) return;
      handler.current(e, target);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [root]);
}
