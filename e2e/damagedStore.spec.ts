import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { editor, importFile, openLibrary, samplePath, waitSaved } from './helpers';

test('an article whose file and backup are both damaged is marked in the library and can be removed', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await editor(page).locator('h1').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (edited)');
  await waitSaved(page); // a second save, so the article has a backup too
  await openLibrary(page);
  const articles = path.join(app.dataDir, 'articles');
  const [file] = readdirSync(articles).filter((n) => n.endsWith('.json'));
  writeFileSync(path.join(articles, file!), '{"schemaVersion":3,"article":');
  writeFileSync(path.join(articles, `${file}.bak`), '');

  await app.restart();
  const restarted = app.page();
  const row = restarted.getByTestId('article-row');
  await expect(row).toContainText('Damaged');
  await expect(row).toContainText(/Its file and backup cannot be read \(it is not valid JSON\)/);
  await expect(row.getByRole('link')).toHaveCount(0);
  await row.getByRole('button', { name: 'Remove from library…' }).click();
  await row.getByRole('group', { name: /Remove/ }).getByRole('button', { name: 'Remove' }).click();
  await expect(restarted.getByTestId('library-empty')).toBeVisible();

  await app.restart();
  await expect(app.page().getByTestId('library-empty')).toBeVisible();
  expect(readdirSync(path.join(app.dataDir, 'quarantine')).length).toBeGreaterThanOrEqual(2);
});
