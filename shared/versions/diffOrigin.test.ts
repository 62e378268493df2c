import { describe, expect, it } from 'vitest';
import { diffTexts } from './diff';
import { foreignWordChars } from './diffOrigin';

describe('foreignWordChars', () => {
  const oldText = 'First paragraph about Homs.\n\nSecond paragraph about Hama.';
  const newText = 'Second paragraph about Hama.\n\nFirst paragraph about Homs.';
  const diff = diffTexts(oldText, newText);
  const oldFirst = { start: 0, end: 'First paragraph about Homs.'.length };

  it('is 0 for text the new version added', () => {
    const at = newText.indexOf('First');
    expect(foreignWordChars(diff, newText, at, at + 'First paragraph'.length, oldFirst.start, oldFirst.end)).toBe(0);
  });

  it('counts the letters the diff kept from elsewhere in the old text', () => {
    // "Second paragraph about Hama." was kept from the old second paragraph, not from the first.
    expect(foreignWordChars(diff, newText, 0, 'Second'.length, oldFirst.start, oldFirst.end)).toBe(6);
  });

  it('is 0 for kept text that is the claim’s own old words', () => {
    const old2 = oldText.indexOf('Second');
    expect(foreignWordChars(diff, newText, 0, 'Second paragraph'.length, old2, old2 + 'Second paragraph'.length)).toBe(0);
  });
});
