import { useRef } from 'react';
import { PANE_LIMITS, splitterKey, type PaneName } from './paneLayout';

type Props = {
  pane: PaneName;
  label: string;
  width: number;
  /** Which way dragging or an arrow widens the pane: the list is left of its splitter, the inspector right. */
  grows: 'ArrowRight' | 'ArrowLeft';
  onResize: (width: number) => void;
  controls: string;
};

/** A pane's splitter (the ARIA window splitter pattern): arrows, Home and End resize; so does dragging. */
export function Splitter({ pane, label, width, grows, onResize, controls }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const { min, max } = PANE_LIMITS[pane];
  const sign = grows === 'ArrowRight' ? 1 : -1;
  return (
    <div
      className="splitter"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        const next = splitterKey(pane, width, e.key, e.shiftKey, grows);
        if (next === null) return;
        e.preventDefault();
        onResize(next);
      }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) onResize(d.width + sign * (e.clientX - d.x));
      }}
      onPointerUp={(e) => {
        drag.current = null;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
