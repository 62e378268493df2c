import { describe, expect, it } from 'vitest';
import { parseZoom, stepZoom, zoomKeyAction, ZOOM_STEPS } from './zoom';

const key = (k: string, extra: Partial<{ code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: true, metaKey: false, altKey: false, ...extra });

describe('zoom', () => {
  it('steps from 80 % to 200 % and stays at the ends', () => {
    let z = 100;
    const seen = [z];
    for (let i = 0; i < 10; i++) seen.push((z = stepZoom(z, 'in')));
    expect(seen.slice(0, 6)).toEqual([100, 110, 125, 150, 175, 200]);
    expect(z).toBe(200);
    for (let i = 0; i < 10; i++) z = stepZoom(z, 'out');
    expect(z).toBe(80);
    expect(stepZoom(175, 'reset')).toBe(100);
    expect(stepZoom(80, 'out')).toBe(80);
  });

  it('steps from a value between steps to the next one', () => {
    expect(stepZoom(115, 'in')).toBe(125);
    expect(stepZoom(115, 'out')).toBe(110);
  });

  it('reads a stored zoom, snapped to a step, and 100 % for anything else', () => {
    expect(parseZoom('150')).toBe(150);
    expect(parseZoom('149')).toBe(150);
    expect(parseZoom(null)).toBe(100);
    for (const v of ['', 'big', '20', '900', '1e9', '12.5']) expect(parseZoom(v)).toBe(100);
    for (const s of ZOOM_STEPS) expect(parseZoom(String(s))).toBe(s);
  });

  it('knows the zoom keys, with Ctrl (⌘ on macOS) and without Alt', () => {
    expect(zoomKeyAction(key('='), false)).toBe('in');
    expect(zoomKeyAction(key('+'), false)).toBe('in');
    expect(zoomKeyAction(key('-'), false)).toBe('out');
    expect(zoomKeyAction(key('0'), false)).toBe('reset');
    expect(zoomKeyAction(key('+', { code: 'NumpadAdd' }), false)).toBe('in');
    expect(zoomKeyAction(key('=', { altKey: true }), false)).toBeNull();
    expect(zoomKeyAction(key('=', { ctrlKey: false }), false)).toBeNull();
    expect(zoomKeyAction(key('k'), false)).toBeNull();
    expect(zoomKeyAction(key('=', { ctrlKey: false, metaKey: true }), true)).toBe('in');
    expect(zoomKeyAction(key('='), true)).toBeNull();
  });
});
