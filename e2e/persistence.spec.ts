import { test, expect } from './fixtures';
import { clickWords, editor, importFile, openLibrary, samplePath, selectWords, TITLE, waitSaved } from './helpers';

test('typing is saved without a save button: it survives a reload and a server restart', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  const text = editor(page);
  const paragraph = text.locator('p', { hasText: 'Reports indicate that ten additional troops' });
  await selectWords(page, 'minority Alawite Muslim sect.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' [checked by desk]');
  await expect(paragraph).toContainText('Tartous, a key stronghold for Assad’s minority Alawite Muslim sect. [checked by desk]');
  await waitSaved(page);

  await page.reload();
  await expect(editor(page)).toContainText('Alawite Muslim sect. [checked by desk]');

  await app.restart();
  const restarted = app.page();
  await restarted.getByTestId('article-row').getByRole('link', { name: TITLE }).click();
  await expect(editor(restarted)).toContainText('Alawite Muslim sect. [checked by desk]');
});

test('undo and redo work on typing, and the title edit reaches the library', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  const text = editor(page);
  const title = text.locator('h1');
  await expect(title).toHaveText(TITLE);
  // In the title's last words, so End goes to its end even when the headline wraps.
  await clickWords(page, 'new government');
  await page.keyboard.press('End');
  await page.keyboard.type(' (updated)');
  await expect(title).toHaveText(`${TITLE} (updated)`);
  await page.keyboard.press('Control+z');
  await expect(title).toHaveText(TITLE);
  await page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveText(`${TITLE} (updated)`);
  await waitSaved(page);
  await openLibrary(page);
  await expect(page.getByTestId('article-row')).toContainText(`${TITLE} (updated)`);
});

test('metadata fields are validated inline and saved', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  // A new article (no claims yet) opens with its details open above the text.
  const url = page.getByLabel('URL');
  await url.fill('javascript:alert(1)');
  await url.blur();
  await expect(page.getByText('Enter a web address starting with http:// or https://')).toBeVisible();
  await url.fill('https://example.org/tartous');
  await page.getByLabel('Publisher').fill('Example News');
  await page.getByLabel('Publisher').blur();
  await expect(page.getByText('Enter a web address starting with http:// or https://')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.locator('.article-details > summary')).toContainText('Example News');
  await expect(page.getByLabel('URL')).toHaveValue('https://example.org/tartous');
  await expect(page.getByLabel('Publisher')).toHaveValue('Example News');
  await openLibrary(page);
  await expect(page.getByTestId('article-row')).toContainText('Example News');
});
