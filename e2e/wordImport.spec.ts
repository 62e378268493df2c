import { test, expect } from './fixtures';
import { articleFiles, editor, fixture, importFile } from './helpers';

test('a Word file imported through the file picker: title, byline, publisher and date filled, notes kept, unsafe link gone', async ({ app }) => {
  const page = app.page();
  await importFile(page, fixture('docx/ambush-report.docx'));
  const text = editor(page);
  await expect(text.locator('h1')).toHaveText('Ambush near Tartous kills 14 troops');
  await expect(text.getByRole('heading', { name: 'What the ministry said' })).toBeVisible();
  await expect(text.locator('strong', { hasText: '14 interior ministry troops' })).toBeVisible();
  await expect(text.locator('ul li')).toHaveText(['Security forces were deployed to the area.', 'A curfew was imposed in Homs.']);
  await expect(text).toContainText('Side | Killed');
  await expect(text).toContainText('[3] Translated from Arabic by the desk.');
  await expect(text.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(text).not.toContainText('By Jane Doe');

  await expect(page.getByLabel('Publisher')).toHaveValue('Reuters');
  await expect(page.getByLabel('Byline')).toHaveValue('Jane Doe and John Roe');
  await expect(page.getByLabel('Published')).toHaveValue('2025-03-03');
  // Folded behind its count in the import notice.
  await page.getByTestId('notice').getByRole('button', { name: 'Show' }).click();
  const removed = page.getByRole('list', { name: 'Removed from the article text' });
  await expect(removed).toContainText('moved to metadata (byline)');
  await expect(removed).toContainText('link to an unsafe address');
});

test('a password-protected Word file is refused with a clear message and nothing is stored', async ({ app }) => {
  const page = app.page();
  await importFile(page, fixture('docx/password.docx'));
  await expect(page.getByRole('alert')).toContainText('password-protected');
  expect(articleFiles(app.dataDir)).toEqual([]);
});
