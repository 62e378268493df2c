import { useCallback, useEffect, useState } from 'react';
import { clampPane, NARROW_WIDTH, parseLayout, STORAGE_KEY, type PaneLayout, type PaneName } from './paneLayout';

function readLayout(): PaneLayout {
  try {
    return parseLayout(localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage refused (a private window's policy): the defaults, for this session.
    return parseLayout(null);
  }
}

function writeLayout(layout: PaneLayout): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Not remembered, still applied: sizes are a comfort, not data.
  }
}

const narrowQuery = `(max-width: ${NARROW_WIDTH - 1}px)`;

/** The window is narrow: the inspector is a drawer, the list starts collapsed. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(narrowQuery).matches);
  useEffect(() => {
    const mq = window.matchMedia(narrowQuery);
    const update = () => setNarrow(mq.matches);
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return narrow;
}

/** The panes' widths and the list's collapsed state, remembered across reloads. */
export function usePaneLayout(narrow: boolean) {
  const [layout, setLayout] = useState(readLayout);
  const update = useCallback((change: (l: PaneLayout) => PaneLayout) => {
    setLayout((l) => {
      const next = change(l);
      writeLayout(next);
      return next;
    });
  }, []);
  const resize = useCallback((pane: PaneName, width: number) => update((l) => ({ ...l, [pane]: clampPane(pane, width) })), [update]);
  const listCollapsed = layout.listCollapsed ?? narrow;
  const toggleList = useCallback(() => update((l) => ({ ...l, listCollapsed: !(l.listCollapsed ?? narrow) })), [update, narrow]);
  return { list: layout.list, inspector: layout.inspector, listCollapsed, resize, toggleList };
}
