import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { editor, fixture, importFile, openLibrary, samplePath, TITLE } from './helpers';

test('importing the sample file shows its text in the editor, with the page furniture gone and listed', async ({ app }) => {
  const page = app.page();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await importFile(page, samplePath);

  const text = editor(page);
  await expect(text.locator('h1')).toHaveText(TITLE);
  await expect(text).toContainText('Reports indicate that ten additional troops sustained injuries');
  await expect(text).toContainText('leading to renewed demands for the new government to safeguard minority communities.');
  for (const furniture of ['SHARE NOW', 'Share on facebook', 'RECOMMEND FOR YOU', 'Leave a Reply', 'Your email address will not be published']) {
    await expect(text).not.toContainText(furniture);
  }
  // The duplicated headline line is not imported as a paragraph.
  await expect(text.getByText("14 are killed by Assad supporters in a conflict with Syria's new government")).toHaveCount(0);
  await expect(text.locator('p')).toHaveCount(22);

  // The user is told what was removed.
  // Folded behind its count in the import notice.
  await page.getByTestId('notice').getByRole('button', { name: 'Show' }).click();
  const removed = page.getByRole('list', { name: 'Removed from the article text' });
  await expect(removed).toContainText('SHARE NOW');
  await expect(removed).toContainText('Leave a Reply');
  await expect(removed).toContainText('duplicated headline');

  await openLibrary(page);
  const row = page.getByTestId('article-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(TITLE);
  await row.getByRole('link').click();
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
});

test('first run offers the sample article, once', async ({ app }) => {
  const page = app.page();
  await page.getByRole('button', { name: 'Open the sample article' }).click();
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  await openLibrary(page);
  await expect(page.getByRole('button', { name: 'Open the sample article' })).toHaveCount(0);
  await expect(page.getByTestId('article-row')).toHaveCount(1);
});

test('pasted text and Markdown files become articles with headings, quotes, lists and safe links', async ({ app }) => {
  const page = app.page();
  await page.getByLabel('Or paste the article text').fill('Ceasefire holds in Idlib\n\nThe ceasefire held overnight, monitors said.\n\nSHARE NOW');
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(editor(page).locator('h1')).toHaveText('Ceasefire holds in Idlib');
  await expect(editor(page)).toContainText('The ceasefire held overnight, monitors said.');
  await expect(editor(page)).not.toContainText('SHARE NOW');

  await openLibrary(page);
  await importFile(page, fixture('briefing.md'));
  const text = editor(page);
  await expect(text.locator('h1')).toHaveText('Curfew declared in Homs after shrine video');
  await expect(text.getByRole('heading', { name: 'What the ministry said' })).toBeVisible();
  await expect(text.locator('blockquote')).toContainText('late November');
  await expect(text.locator('ul li')).toHaveCount(2);
  await expect(text.locator('a[href="https://example.org/sana/curfew"]')).toHaveText('state media reported');
  await expect(text.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(text).toContainText('<script>alert(1)</script>');
  await expect(text.locator('script')).toHaveCount(0);
  await expect(page.getByLabel('Byline')).toHaveValue('Rana Haddad');
  await expect(page.getByLabel('Published')).toHaveValue('2024-12-26');
});

test('a file dropped on the window is imported', async ({ app }) => {
  const page = app.page();
  const text = readFileSync(samplePath, 'utf8');
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped-article.txt', { type: 'text/plain' }));
    const target = document.querySelector('.app')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  await expect(page.getByRole('status').first()).toContainText('Imported');
});
