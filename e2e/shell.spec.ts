/**
 * The app shell: the command palette, the shortcut overlay, the theme switch, zoom, the modal export dialog,
 * and notices that go when the person moves on.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { editor, fixture, importFile, openLibrary, samplePath, selectWords, TITLE } from './helpers';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const overlay = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const notice = (page: Page) => page.getByTestId('notice');
const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test('the palette opens with Ctrl+K, filters, runs a command, and Escape gives the focus back', async ({ app }) => {
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const settingsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' });
  await settingsLink.focus();
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(palette(page)).toHaveAttribute('aria-modal', 'true');
  const search = palette(page).getByRole('combobox', { name: 'Search commands' });
  await expect(search).toBeFocused();
  // Every command, grouped, each with its shortcut.
  await expect(palette(page).getByRole('option', { name: /Go to Settings/ })).toBeVisible();
  await expect(palette(page).getByRole('option', { name: /Open the command palette/ })).toContainText('Ctrl+K');
  await expect(palette(page).getByRole('group', { name: 'Appearance' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(settingsLink).toBeFocused();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('sett');
  await expect(palette(page).getByRole('option')).toHaveCount(1);
  await expect(palette(page).getByRole('option', { name: /Go to Settings/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('xyz');
  await expect(palette(page).getByText('No command matches.')).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('Ctrl+K opens the palette from inside the editor, and Escape puts the caret back', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  await selectWords(page, 'ten additional troops');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
  // The caret is where it was: typing goes on after the words, and no "k" went into the text.
  await page.keyboard.type('!');
  await expect(editor(page)).toContainText('ten additional troops! sustained');
  await expect(editor(page)).not.toContainText('troopsk');
});

test('? shows every shortcut, grouped, but types a ? in a text field', async ({ app }) => {
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const paste = page.getByLabel('Or paste the article text');
  await paste.focus();
  await page.keyboard.press('?');
  await expect(paste).toHaveValue('?');
  await expect(overlay(page)).toHaveCount(0);

  await page.getByRole('heading', { name: 'Library', level: 1 }).click();
  await page.keyboard.press('?');
  await expect(overlay(page)).toBeVisible();
  const app_ = overlay(page).getByRole('region', { name: 'App', exact: true });
  await expect(app_).toContainText('Ctrl+K');
  await expect(app_).toContainText('Open the command palette');
  await expect(overlay(page).getByRole('region', { name: 'Appearance' })).toContainText('Zoom in');
  await page.keyboard.press('Escape');
  await expect(overlay(page)).toHaveCount(0);

  // The palette lists the overlay too.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('shortcuts');
  await page.keyboard.press('Enter');
  await expect(overlay(page)).toBeVisible();
});

test('the theme switch is remembered over a reload and System follows the system', async ({ app }) => {
  const page = app.page();
  await page.emulateMedia({ colorScheme: 'light' });
  const themes = page.getByRole('group', { name: 'Theme' });
  await expect(themes.getByRole('radio', { name: 'System' })).toBeChecked();
  expect(await theme(page)).toBe('light');
  const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => theme(page)).toBe('dark');
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(lightBg);

  await themes.getByText('Light', { exact: true }).click();
  await expect.poll(() => theme(page)).toBe('light');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' })).toBeChecked();
  expect(await theme(page)).toBe('light');

  // From the keyboard: arrows move within the radio group.
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect.poll(() => theme(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  expect(await theme(page)).toBe('dark');
});

test('the zoom keys zoom the app, not the page, and the zoom is remembered', async ({ app }) => {
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  expect(await rootFontSize(page)).toBe('16px');
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(() => rootFontSize(page)).toBe('20px'); // 125 %
  // The browser's own zoom did not add to it.
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  expect(await rootFontSize(page)).toBe('20px');
  await page.keyboard.press('Control+-');
  await expect.poll(() => rootFontSize(page)).toBe('17.6px'); // 110 %
  await page.keyboard.press('Control+0');
  await expect.poll(() => rootFontSize(page)).toBe('16px');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+=');
  await expect.poll(() => rootFontSize(page)).toBe('32px'); // 200 %, the last step
  // At 200 % the page reflows: nothing sideways to scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('the export dialog is modal: the focus stays in it, Escape closes it and the focus goes back to Export…', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByLabel('Report (HTML)', { exact: false })).toBeFocused();
  // The page behind is out of reach: hidden from assistive technology, and Tab never leaves the dialog.
  await expect(exportButton).toHaveCount(0);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-modal'))).toBe('true');
  }
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  // Opened from the text with its key, it gives the focus back to the text.
  await selectWords(page, 'ten additional troops');
  await page.keyboard.press('Control+Shift+E');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
});

test('a notice stays with its article: moving to another article or view clears it', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  await expect(notice(page)).toContainText(`Imported “${TITLE}”`);
  const first = new URL(page.url()).hash;

  await openLibrary(page);
  await expect(notice(page)).toHaveCount(0);
  await importFile(page, fixture('briefing.md'));
  await expect(editor(page).locator('h1')).not.toHaveText(TITLE);
  // The import's own notice comes with the article it opened.
  await expect(notice(page)).toContainText('Imported');
  await expect(notice(page)).not.toContainText(TITLE);
  const second = new URL(page.url()).hash;
  expect(second).not.toBe(first);

  // Straight to the other article by its address (no click in the app): the notice stays behind.
  await page.evaluate((hash) => (window.location.hash = hash), first);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  await expect(notice(page)).toHaveCount(0);
  // And it does not come back on returning.
  await page.goBack();
  await expect(editor(page).locator('h1')).not.toHaveText(TITLE);
  await expect(notice(page)).toHaveCount(0);
});

test('the import notice folds its removed text behind the count', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await expect(notice(page)).toContainText('4 pieces of page furniture or metadata taken out');
  const list = page.getByRole('list', { name: 'Removed from the article text' });
  await expect(list).toBeHidden();
  const show = notice(page).getByRole('button', { name: 'Show' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(list).toBeVisible();
  await expect(list).toContainText('SHARE NOW');
  await expect(notice(page).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
  // Bounded: a long list scrolls inside the notice.
  const box = await list.evaluate((el) => getComputedStyle(el).maxHeight);
  expect(box).not.toBe('none');
});

test('an information notice goes by itself, but not while the pointer is on it', async ({ app }) => {
  const page = app.page();
  await page.clock.install();
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(notice(page)).toContainText('Settings saved');
  await notice(page).hover();
  await page.clock.runFor(20_000);
  await expect(notice(page)).toBeVisible();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).hover();
  await page.clock.runFor(7_000);
  await expect(notice(page)).toBeVisible();
  await page.clock.runFor(1_500);
  await expect(notice(page)).toHaveCount(0);

  // An error stays.
  await page.getByRole('link', { name: 'Library' }).click();
  await importFile(page, fixture('empty.txt'));
  await expect(page.getByRole('alert')).toBeVisible();
  await page.clock.runFor(60_000);
  await expect(page.getByRole('alert')).toBeVisible();
});

test('the palette reaches the library file picker and the settings', async ({ app }) => {
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  // Not in the article view: the command belongs to the library.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('import');
  await expect(palette(page).getByRole('option', { name: /Import file/ })).toHaveCount(0);
});
