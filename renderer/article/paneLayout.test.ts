import { describe, expect, it } from 'vitest';
import { clampPane, defaultLayout, PANE_LIMITS, parseLayout, splitterKey } from './paneLayout';

describe('pane layout', () => {
  it('reads back what was stored, within the limits', () => {
    expect(parseLayout(JSON.stringify({ list: 300, inspector: 500, listCollapsed: true }))).toEqual({ list: 300, inspector: 500, listCollapsed: true });
    expect(parseLayout(JSON.stringify({ list: 10, inspector: 9000 }))).toEqual({ list: PANE_LIMITS.list.min, inspector: PANE_LIMITS.inspector.max });
  });

  it('falls back to the defaults for nothing, broken JSON or a wrong shape', () => {
    for (const bad of [null, '{', '[]', '{"list":"wide","inspector":400}', '{"list":1e999,"inspector":400}']) expect(parseLayout(bad)).toEqual(defaultLayout());
  });

  it('resizes by keys: arrows step, Shift steps more, Home and End go to the limits', () => {
    expect(splitterKey('list', 280, 'ArrowRight', false, 'ArrowRight')).toBe(296);
    expect(splitterKey('list', 280, 'ArrowLeft', true, 'ArrowRight')).toBe(216);
    expect(splitterKey('inspector', 420, 'ArrowLeft', false, 'ArrowLeft')).toBe(436);
    expect(splitterKey('list', 280, 'Home', false, 'ArrowRight')).toBe(PANE_LIMITS.list.min);
    expect(splitterKey('list', 280, 'End', false, 'ArrowRight')).toBe(PANE_LIMITS.list.max);
    expect(splitterKey('list', 280, 'Enter', false, 'ArrowRight')).toBeNull();
    expect(clampPane('list', 199.6)).toBe(PANE_LIMITS.list.min);
  });
});
