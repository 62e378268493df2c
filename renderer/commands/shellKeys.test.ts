import { describe, expect, it } from 'vitest';
import { isTypingTarget, shellKeyAction } from './shellKeys';
import { isMacOS, keyLabel } from './platform';

const press = (key: string, extra: Partial<{ code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});
const pc = { isMac: false, typing: false, browserZoom: true };

describe('shellKeyAction', () => {
  it('opens the palette with Ctrl+K, even while typing', () => {
    expect(shellKeyAction(press('k', { ctrlKey: true }), { ...pc, typing: true })).toEqual({ kind: 'palette' });
    expect(shellKeyAction(press('k', { metaKey: true }), { ...pc, isMac: true })).toEqual({ kind: 'palette' });
    expect(shellKeyAction(press('k', { ctrlKey: true, shiftKey: true }), pc)).toBeNull();
    expect(shellKeyAction(press('k'), pc)).toBeNull();
  });

  it('shows the shortcuts on ? only when it would not be typed', () => {
    expect(shellKeyAction(press('?', { shiftKey: true }), pc)).toEqual({ kind: 'shortcuts' });
    expect(shellKeyAction(press('?', { shiftKey: true }), { ...pc, typing: true })).toBeNull();
  });

  it('zooms only where the app zooms itself', () => {
    expect(shellKeyAction(press('=', { ctrlKey: true }), pc)).toEqual({ kind: 'zoom', action: 'in' });
    expect(shellKeyAction(press('=', { ctrlKey: true }), { ...pc, browserZoom: false })).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true in text fields and the editor, false on buttons, boxes and the page', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY', isContentEditable: false })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('keyLabel', () => {
  it('spells shortcuts for the platform', () => {
    expect(keyLabel('Mod+K', false)).toBe('Ctrl+K');
    expect(keyLabel('Mod+K', true)).toBe('⌘K');
    expect(keyLabel('Mod+Shift+E', true)).toBe('⌘⇧E');
    expect(isMacOS('MacIntel')).toBe(true);
    expect(isMacOS('Linux x86_64')).toBe(false);
  });
});
