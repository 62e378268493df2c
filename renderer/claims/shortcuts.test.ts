import { describe, expect, it } from 'vitest';
import { claimAction, type KeyLike } from './shortcuts';

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
  });
});
