/**
 * Every view at 1440×900 and 1024×700, light and dark: axe finds nothing, and a screenshot of each is kept in
 * test-results/views/<view>-<w>x<h>-<theme>.png to be looked at. The theme comes from the system
 * (colorScheme), which the app follows by default.
 */
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';

import { test, expect } from './fixtures';
import { choose, editor, openLibrary, root, startReview, TITLE } from './helpers';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;

for (const theme of THEMES) {
  for (const size of SIZES) {
    test.describe(`${size.width}x${size.height} ${theme}`, () => {
      test.use({ viewport: size, colorScheme: theme });

      test('every view passes axe', async ({ app }) => {
        test.setTimeout(120_000);
        const page = app.page();
        const look = async (view: string) => {
          await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          const results = await new AxeBuilder({ page }).analyze();
          const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          await page.screenshot({ path: path.join(root, 'test-results', 'views', `${view}-${size.width}x${size.height}-${theme}.png`) });
          expect(found, `axe on ${view}`).toEqual([]);
        };

        await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
        await look('library-empty');

        await page.keyboard.press('Control+k');
        await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
        await look('palette');
        await page.keyboard.press('Escape');

        await page.getByRole('heading', { name: 'Library', level: 1 }).click();
        await page.keyboard.press('?');
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        await look('shortcuts');
        await page.keyboard.press('Escape');

        await startReview(page, 'Ana Reviewer', ['ten additional troops sustained injuries', 'an overnight curfew in the central city of Homs', 'three unidentified “armed men” lost their lives']);
        await choose(page, 'Verdict', 'Unverifiable');
        await expect(editor(page).locator('h1')).toHaveText(TITLE);
        await look('article');

        await page.getByRole('button', { name: 'Find claims' }).click();
        await expect(page.locator('.proposals-status')).toContainText('proposed');
        await page.locator('[data-proposal-card]').nth(1).focus();
        await look('proposals');

        await page.getByRole('button', { name: 'Export…' }).click();
        await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
        await look('export');
        await page.keyboard.press('Escape');

        // A second version of the article (pasted, one figure changed): the import dialog and the versions panel.
        const text = await editor(page).evaluate((el) => Array.from(el.children, (c) => c.textContent ?? '').join('\n\n'));
        await page.getByRole('button', { name: 'Import new version…' }).click();
        const importing = page.getByRole('dialog', { name: /^Import a new version of/ });
        await expect(importing).toBeVisible();
        await look('import-version');
        await importing.getByLabel('Or paste the new text').fill(text.replace('ten additional troops', 'twelve additional troops'));
        await importing.getByRole('button', { name: 'Import pasted text as a new version' }).click();
        await expect(page.getByTestId('notice')).toContainText('Version 2 added');
        await page.getByRole('button', { name: 'Versions (2)' }).click();
        await expect(page.getByTestId('diff').locator('ins', { hasText: 'twelve' })).toBeVisible();
        await look('versions');
        await page.getByRole('button', { name: 'Back to the current text' }).first().click();

        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
        await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
        await look('settings');

        await openLibrary(page);
        await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
        await look('library');
      });
    });
  }
}

