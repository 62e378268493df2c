/**
 * Issue 12: the source directory by hand, in Settings: add, search, edit, delete and merge sources;
 * duplicates and a merge of a source into itself are refused with a message and change nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { SourceEntry } from '../shared/schema/desk';

const deskFile = (dataDir: string) => readFileSync(path.join(dataDir, 'desk.json'), 'utf8');
const deskSources = (dataDir: string) => (JSON.parse(deskFile(dataDir)) as { desk: { sources: SourceEntry[] } }).desk.sources;
const table = (page: Page) => page.getByRole('table', { name: 'Sources' });
const addForm = (page: Page) => page.getByRole('form', { name: 'Add a source' });

async function add(page: Page, name: string, kind: string, aliases = '') {
  await addForm(page).getByLabel('Name', { exact: true }).fill(name);
  await addForm(page).getByLabel('Kind', { exact: true }).selectOption({ label: kind });
  await addForm(page).getByLabel('Aliases (comma-separated)').fill(aliases);
  await addForm(page).getByRole('button', { name: 'Add source' }).click();
}

/** Adds a source and waits until it is in the table (the form is emptied once the back end has it). */
async function addAndWait(page: Page, name: string, kind: string, aliases = '') {
  await add(page, name, kind, aliases);
  await expect(table(page).getByLabel(`Name of ${name}`, { exact: true })).toHaveValue(name);
  await expect(addForm(page).getByLabel('Name', { exact: true })).toHaveValue('');
}

test('add, search, edit, merge and delete sources by hand; bad input changes nothing', async ({ app }) => {
  const page = app.page();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Source directory' })).toBeVisible();

  await addAndWait(page, 'SOHR', 'NGO or monitor', 'the Observatory');
  // After adding, the name field is ready for the next one.
  await expect(addForm(page).getByLabel('Name', { exact: true })).toBeFocused();
  await addAndWait(page, 'Syrian Observatory for Human Rights', 'None');
  await addAndWait(page, 'SANA', 'State media', 'Syrian Arab News Agency');
  await expect.poll(() => deskSources(app.dataDir).map((s) => s.name)).toEqual(['SOHR', 'Syrian Observatory for Human Rights', 'SANA']);

  // A name another source has (as its name or an alias), in any case: refused, nothing written.
  const before = deskFile(app.dataDir);
  await add(page, 'the observatory', 'Witness');
  await expect(addForm(page).getByRole('alert')).toHaveText('“the observatory” already names another source in the directory (SOHR).');
  await table(page).getByLabel('Aliases of SANA').fill('SOHR');
  await table(page).getByLabel('Aliases of SANA').press('Enter');
  await expect(table(page).getByRole('alert')).toHaveText('“SOHR” already names another source in the directory (SOHR).');
  await table(page).getByLabel('Aliases of SANA').press('Escape');
  await expect(table(page).getByLabel('Aliases of SANA')).toHaveValue('Syrian Arab News Agency');
  await table(page).getByLabel('Name of SANA').fill('');
  await table(page).getByLabel('Name of SANA').press('Enter');
  await expect(table(page).getByRole('alert')).toHaveText('The name cannot be empty.');
  await table(page).getByLabel('Name of SANA').press('Escape');
  expect(deskFile(app.dataDir)).toBe(before);

  // Search by name or alias.
  await page.getByLabel('Search sources').fill('arab news');
  await expect(table(page).getByRole('row')).toHaveCount(2);
  await expect(table(page).getByLabel('Name of SANA')).toBeVisible();
  await page.getByLabel('Search sources').fill('');

  // Edit in place: a kind, a name.
  await table(page).getByLabel('Kind of SANA').selectOption({ label: 'News agency' });
  await table(page).getByLabel('Name of SANA').fill('Syrian Arab News Agency (SANA)');
  await table(page).getByLabel('Name of SANA').press('Enter');
  await table(page).getByLabel('Aliases of Syrian Arab News Agency (SANA)').fill('Syrian Arab News Agency, SANA');
  await table(page).getByLabel('Aliases of Syrian Arab News Agency (SANA)').press('Tab');
  await expect.poll(() => deskSources(app.dataDir).find((s) => s.id === deskSources(app.dataDir)[2]!.id)).toEqual(expect.objectContaining({ name: 'Syrian Arab News Agency (SANA)', kind: 'news_agency', aliases: ['Syrian Arab News Agency', 'SANA'] }));

  // Merge SOHR into the long name: one entry kept, the short name an alias, aliases unioned, kind chosen.
  await table(page).getByRole('button', { name: 'Merge SOHR with another source…' }).click();
  const merge = page.getByRole('form', { name: 'Merge SOHR with another source' });
  await expect(merge.getByLabel('Merge with')).toBeFocused();
  await merge.getByLabel('Merge with').selectOption({ label: 'Syrian Observatory for Human Rights' });
  await merge.getByRole('radio', { name: 'Syrian Observatory for Human Rights' }).check();
  await merge.getByLabel('Kind of the merged source').selectOption({ label: 'NGO or monitor' });
  await expect(merge).toContainText('After the merge: Syrian Observatory for Human Rights (NGO or monitor), also SOHR, the Observatory');
  await merge.getByRole('button', { name: 'Merge sources' }).click();
  await expect(merge).toHaveCount(0);
  await expect(table(page).getByLabel('Name of SOHR')).toHaveCount(0);
  await expect(table(page).getByLabel('Aliases of Syrian Observatory for Human Rights')).toHaveValue('SOHR, the Observatory');
  await expect
    .poll(() => deskSources(app.dataDir).find((s) => s.name === 'Syrian Observatory for Human Rights'))
    .toEqual(expect.objectContaining({ aliases: ['SOHR', 'the Observatory'], kind: 'ngo_monitor' }));
  expect(deskSources(app.dataDir)).toHaveLength(2);

  // A merge of a source into itself, sent as a script would: refused, nothing written.
  const url = new URL(app.url());
  const kept = deskSources(app.dataDir)[0]!;
  const unchanged = deskFile(app.dataDir);
  const self = await page.request.post(`${url.origin}/api/mergeSources`, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' },
    data: { keepId: kept.id, mergeId: kept.id, name: kept.name, kind: 'none' },
  });
  expect(self.status()).toBe(400);
  expect(((await self.json()) as { error: { message: string } }).error.message).toBe('Choose two different sources to merge: a source cannot be merged into itself.');
  expect(deskFile(app.dataDir)).toBe(unchanged);

  // Delete asks first; Keep keeps it.
  await table(page).getByRole('button', { name: 'Delete Syrian Arab News Agency (SANA)' }).click();
  await page.getByRole('group', { name: 'Delete Syrian Arab News Agency (SANA)?' }).getByRole('button', { name: 'Keep' }).click();
  await expect(table(page).getByRole('button', { name: 'Delete Syrian Arab News Agency (SANA)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Delete Syrian Arab News Agency (SANA)?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(table(page).getByLabel('Name of Syrian Arab News Agency (SANA)')).toHaveCount(0);
  await expect.poll(() => deskSources(app.dataDir).map((s) => s.name)).toEqual(['Syrian Observatory for Human Rights']);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
