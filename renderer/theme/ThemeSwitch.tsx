import { setThemeChoice, useAppearance } from './appearance';
import { THEME_CHOICES, THEME_LABELS } from './theme';

/** System / Light / Dark, as a radio group: arrow keys move between them, the choice is remembered. */
export function ThemeSwitch() {
  const { choice } = useAppearance();
  return (
    <fieldset className="theme-switch">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((c) => (
        <label key={c} className={c === choice ? 'chosen' : undefined}>
          <input type="radio" name="claimdesk-theme" value={c} checked={c === choice} onChange={() => setThemeChoice(c)} />
          {THEME_LABELS[c]}
        </label>
      ))}
    </fieldset>
  );
}
