import { describe, expect, it } from 'vitest';
import { claimAction, historyAction, isMacPlatform, isTextEntry, SHORTCUT_HELP, SHORTCUTS, shortcutKeys, takesTypedKeys, type KeyLike } from './shortcuts';

const key = (k: Partial<KeyLike>): KeyLike => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...k });

describe('claim shortcuts', () => {
  it('maps the documented keys', () => {
    expect(claimAction(key({ ctrlKey: true, altKey: true, code: 'KeyM', key: 'm' }), false)).toEqual({ type: 'mark' });
    expect(claimAction(key({ metaKey: true, altKey: true, code: 'KeyM', key: 'µ' }), true)).toEqual({ type: 'mark' });
    expect(claimAction(key({ altKey: true, key: 'ArrowDown' }), false)).toEqual({ type: 'next' });
    expect(claimAction(key({ altKey: true, key: 'ArrowUp' }), false)).toEqual({ type: 'previous' });
    expect(claimAction(key({ altKey: true, code: 'Digit4', key: '4' }), false)).toEqual({ type: 'status', status: 'done' });
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'Digit6', key: '^' }), false)).toEqual({ type: 'verdict', index: 5 });
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'Digit0', key: ')' }), false)).toEqual({ type: 'verdict', index: null });
    expect(claimAction(key({ ctrlKey: true, shiftKey: true, key: 'Backspace' }), false)).toEqual({ type: 'delete' });
  });

  it('leaves ordinary typing and editing keys alone', () => {
    expect(claimAction(key({ key: 'm', code: 'KeyM' }), false)).toBeNull();
    expect(claimAction(key({ ctrlKey: true, key: 'z', code: 'KeyZ' }), false)).toBeNull();
    expect(claimAction(key({ altKey: true, code: 'Digit5', key: '5' }), false)).toBeNull();
    expect(claimAction(key({ key: 'Backspace' }), false)).toBeNull();
    expect(claimAction(key({ ctrlKey: true, key: 'Backspace' }), false)).toBeNull();
    // A bare digit is typing unless the focus is in the claim list or the inspector.
    expect(claimAction(key({ code: 'Digit3', key: '3' }), false)).toBeNull();
  });

  it('takes bare digits as verdicts where single keys apply', () => {
    expect(claimAction(key({ code: 'Digit3', key: '3' }), false, true)).toEqual({ type: 'verdict', index: 2 });
    expect(claimAction(key({ code: 'Digit0', key: '0' }), false, true)).toEqual({ type: 'verdict', index: null });
    expect(claimAction(key({ code: 'Digit3', key: '#', shiftKey: true }), false, true)).toBeNull();
    // The other keys work the same there.
    expect(claimAction(key({ altKey: true, code: 'Digit4', key: '4' }), false, true)).toEqual({ type: 'status', status: 'done' });
  });

  it('maps the pane and evidence keys', () => {
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'KeyL', key: 'L' }), false)).toEqual({ type: 'focusList' });
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'KeyB', key: 'B' }), false)).toEqual({ type: 'toggleList' });
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'KeyI', key: 'I' }), false)).toEqual({ type: 'focusInspector' });
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'KeyT', key: 'T' }), false)).toEqual({ type: 'focusText' });
    expect(claimAction(key({ altKey: true, shiftKey: true, code: 'KeyE', key: 'E' }), false)).toEqual({ type: 'addEvidence' });
    expect(claimAction(key({ ctrlKey: true, shiftKey: true, code: 'KeyE', key: 'E' }), false)).toEqual({ type: 'export' });
    expect(claimAction(key({ altKey: true, code: 'KeyL', key: 'l' }), false)).toBeNull();
  });

  it('lists every shortcut once in the help, with its macOS keys', () => {
    expect(SHORTCUT_HELP).toHaveLength(Object.keys(SHORTCUTS).length);
    expect(SHORTCUT_HELP[0]).toEqual(['Ctrl+Alt+M (⌘⌥M)', 'Mark the selected words as a claim']);
    expect(shortcutKeys('mark', true)).toBe('⌘⌥M');
    expect(shortcutKeys('mark', false)).toBe('Ctrl+Alt+M');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });
});

describe('undo and redo keys', () => {
  it('are Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, or Cmd+Z and Cmd+Shift+Z on macOS', () => {
    expect(historyAction(key({ ctrlKey: true, code: 'KeyZ' }), false)).toBe('undo');
    expect(historyAction(key({ ctrlKey: true, shiftKey: true, code: 'KeyZ' }), false)).toBe('redo');
    expect(historyAction(key({ ctrlKey: true, code: 'KeyY' }), false)).toBe('redo');
    expect(historyAction(key({ metaKey: true, code: 'KeyZ' }), true)).toBe('undo');
    expect(historyAction(key({ metaKey: true, code: 'KeyY' }), true)).toBeNull();
    expect(historyAction(key({ ctrlKey: true, code: 'KeyZ' }), true)).toBeNull();
    expect(historyAction(key({ ctrlKey: true, altKey: true, code: 'KeyZ' }), false)).toBeNull();
    expect(historyAction(key({ code: 'KeyZ' }), false)).toBeNull();
  });
});

describe('text entry', () => {
  it('is a textarea or an input that takes typing, not a checkbox, button or select', () => {
    expect(isTextEntry({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'url' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'date' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextEntry({ tagName: 'SELECT' })).toBe(false);
    expect(isTextEntry({ tagName: 'BUTTON', type: 'submit' })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(takesTypedKeys({ tagName: 'SELECT' })).toBe(true);
    expect(takesTypedKeys({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(takesTypedKeys({ tagName: 'LI' })).toBe(false);
  });
});
