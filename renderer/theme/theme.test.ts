import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme, toggledTheme } from './theme';

describe('theme', () => {
  it('reads a stored choice, and anything else as System', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('system')).toBe('system');
    for (const v of [null, undefined, '', 'Dark', 'blue', '{"theme":"dark"}']) expect(parseThemeChoice(v)).toBe('system');
  });

  it('follows the system only when the choice is System', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('toggles to the theme that is not on screen', () => {
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
    expect(toggledTheme('dark', false)).toBe('light');
    expect(toggledTheme('light', true)).toBe('dark');
  });
});
