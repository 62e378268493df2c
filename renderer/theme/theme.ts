/**
 * The colour theme: the person's choice (System, Light, Dark, remembered in localStorage) and the theme it
 * resolves to. The document carries the resolved one as `data-theme` on <html>, which styles.css reads
 * (its colour variables are `light-dark()` pairs chosen by `color-scheme`).
 */
import { ThemeChoice } from '../../shared/bridge';

export { ThemeChoice };
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ThemeChoice.options;
export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
export const THEME_STORAGE_KEY = 'claimdesk.theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** What was stored, or System for nothing or anything unknown (an older or hand-edited value). */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  const parsed = ThemeChoice.safeParse(stored);
  return parsed.success ? parsed.data : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** "Toggle dark mode": the other theme than the one on screen, as an explicit choice. */
export function toggledTheme(choice: ThemeChoice, systemDark: boolean): ThemeChoice {
  return resolveTheme(choice, systemDark) === 'dark' ? 'light' : 'dark';
}
