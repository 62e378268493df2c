import type { Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';
import { articleFiles, editor, fixture, importFile, openLibrary } from './helpers';

/** Every request the page makes that leaves 127.0.0.1 (http, https, ws…; data: and blob: stay in the tab). */
function watchRequests(page: Page): string[] {
  const away: string[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1') away.push(r.url());
  });
  return away;
}

test('a saved page imported through the file picker: metadata filled, furniture listed, nothing leaves 127.0.0.1', async ({ app }) => {
  const page = app.page();
  const away = watchRequests(page);
  await importFile(page, fixture('saved-page.html'));

  const text = editor(page);
  await expect(text.locator('h1')).toHaveText('Ceasefire talks stall as shelling resumes near Idlib');
  await expect(text).toContainText('“We were not the ones who broke the truce,” a spokesman said.');
  await expect(text.getByRole('heading', { name: 'What the negotiators said' })).toBeVisible();
  await expect(text.locator('blockquote')).toContainText('The ceasefire is fragile');
  await expect(text.locator('.article-caption')).toHaveText('Smoke rises over the outskirts of Idlib on Thursday');
  for (const furniture of ['CLICK HERE TO GET', 'Follow Rania Haddad', "DON'T MISS", 'Another story', 'newsletter', 'Share this article', 'By Rania Haddad', 'Published:', 'Image: GETTY']) {
    await expect(text).not.toContainText(furniture);
  }
  await expect(text.locator('img, iframe, script, svg, object, form, style')).toHaveCount(0);

  await expect(page.getByLabel('Publisher')).toHaveValue('Levant Wire');
  await expect(page.getByLabel('Byline')).toHaveValue('Rania Haddad, Tom Ellis');
  await expect(page.getByLabel('Published')).toHaveValue('2024-12-26');
  await expect(page.getByLabel('Updated')).toHaveValue('2024-12-27');
  await expect(page.getByLabel('URL')).toHaveValue('https://levantwire.example/2024/12/26/ceasefire-talks-stall');
  await expect(page.getByLabel('Language')).toHaveValue('en');

  // Folded behind its count in the import notice.
  await page.getByTestId('notice').getByRole('button', { name: 'Show' }).click();
  const removed = page.getByRole('list', { name: 'Removed from the article text' });
  for (const reason of ['app promotion', 'follow prompt', 'related-story box', 'image credit', 'share buttons', 'moved to metadata (date)']) await expect(removed).toContainText(reason);

  // Shown again later (a reload opens it from the store): still nothing leaves the machine.
  await page.reload();
  await expect(editor(page).locator('h1')).toHaveText('Ceasefire talks stall as shelling resumes near Idlib');
  expect(await page.evaluate(() => document.title)).not.toBe('pwned');
  expect(away).toEqual([]);
});

test('rich paste into the paste box keeps structure and drops scripts', async ({ app }) => {
  const page = app.page();
  const away = watchRequests(page);
  const html =
    '<h1>Curfew declared in Homs</h1><p>The <em>interior ministry</em> said the curfew <strong>begins at dusk</strong>, <a href="https://example.org/sana">state media reported</a>.</p>' +
    '<h2>Reactions</h2><blockquote><p>We were told nothing, a resident said.</p></blockquote><ul><li>Schools closed</li><li>Roads blocked</li></ul>' +
    '<script>window.__pwned = 1</script><img src="https://images.invalid/x.png" onerror="window.__pwned = 2"><a href="javascript:window.__pwned=3">click</a>';
  const box = page.getByLabel('Or paste the article text');
  await box.focus();
  await box.evaluate((el, h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'Curfew declared in Homs\n\nThe interior ministry said the curfew begins at dusk.');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(page.getByRole('status').filter({ hasText: 'Formatted text pasted' })).toBeVisible();
  await page.getByRole('button', { name: 'Import pasted text' }).click();

  const text = editor(page);
  await expect(text.locator('h1')).toHaveText('Curfew declared in Homs');
  await expect(text.locator('em')).toHaveText('interior ministry');
  await expect(text.locator('strong')).toHaveText('begins at dusk');
  await expect(text.locator('a[href="https://example.org/sana"]')).toHaveText('state media reported');
  await expect(text.getByRole('heading', { name: 'Reactions' })).toBeVisible();
  await expect(text.locator('blockquote')).toContainText('We were told nothing');
  await expect(text.locator('ul li')).toHaveCount(2);
  await expect(text.locator('img, script, a[href^="javascript"]')).toHaveCount(0);

  // Pasting HTML into the editor goes through the same rules: structure in, handlers and images out.
  await text.locator('ul li').last().click();
  await page.keyboard.press('End');
  await text.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<p>Pasted <em>words</em> <img src="https://images.invalid/p.png" onerror="window.__pwned = 4"><a href="javascript:window.__pwned=5">here</a></p>');
    data.setData('text/plain', 'Pasted words here');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(text).toContainText('Pasted words here');
  await expect(text.locator('em', { hasText: 'words' })).toHaveCount(1);
  await expect(text.locator('img, a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(away).toEqual([]);
});

test('a page with no article in it is refused with a clear message and the store unchanged', async ({ app }) => {
  const page = app.page();
  await importFile(page, { name: 'login.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><form><input name="u"><input type="password"><button>Sign in</button></form></body></html>') });
  await expect(page.getByRole('alert')).toContainText(/“login\.html” has no article in it/);
  await openLibrary(page).catch(() => undefined);
  expect(articleFiles(app.dataDir)).toEqual([]);
});
