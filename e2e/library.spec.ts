/**
 * The library at desk scale: search (a word only in the text), sort by every column, filters, delete with
 * undo, export several as a zip, a 200-article list that scrolls and moves by keyboard, and axe.
 * Each test seeds its own data directory through the store's writer (scripts/bench-library) before
 * starting browser mode on it, so the desk is there when the page first opens.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, launchBrowserApp } from './fixtures';
import { editor } from './helpers';
import { makeBenchArticle } from '../scripts/bench-library/corpus';
import { seedLibrary } from '../scripts/bench-library/seed';
import { summarize } from '../electron/store/summarize';
import { filterArticles, NO_FILTERS, SORT_KEYS, SORT_LABELS } from '../shared/library/query';
import type { ArticleSummary } from '../shared/schema/article';

const summaries = (n: number): ArticleSummary[] => Array.from({ length: n }, (_, i) => summarize(makeBenchArticle(i)));
/** The word only article `i`'s text holds (scripts/bench-library/corpus.ts). */
const codeOf = (i: number) => `zq${i.toString(36)}x`;

async function openSeeded(context: BrowserContext, count: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-library-'));
  await seedLibrary(dir, count);
  const app = await launchBrowserApp(context, dir);
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  return {
    page,
    dir,
    async close() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const rows = (page: Page) => page.getByTestId('article-row');
const count = (page: Page) => page.getByTestId('library-count');
const search = (page: Page) => page.getByLabel('Search', { exact: true });
const header = (page: Page, label: string) => page.getByRole('columnheader', { name: label });
const titles = (page: Page) => rows(page).getByRole('link').allTextContents();
const focusedRowIndex = (page: Page) => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? null);

test('search finds an article by a word only in its text, with a snippet, and ignores accents and case', async ({ context }) => {
  const lib = await openSeeded(context, 30);
  const { page } = lib;
  const all = summaries(30);
  await expect(count(page)).toHaveText('30 articles');

  // `/` from anywhere in the library (not while typing) goes to the search box.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type(codeOf(7).toUpperCase());
  await expect(count(page)).toHaveText('1 of 30 articles');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByRole('link')).toHaveText(all[7]!.title);
  const snippet = rows(page).getByTestId('search-snippet');
  await expect(snippet).toContainText(`Reference code ${codeOf(7)} was quoted`);
  await expect(snippet.locator('mark')).toHaveText(codeOf(7));

  // A title word, typed without its accent or capitals: every match marked in the titles.
  const publisher = 'Süddeutsche Zeitung';
  const bySz = all.filter((a) => a.publisher === publisher).length;
  expect(bySz).toBeGreaterThan(0);
  await search(page).fill('suddeutsche');
  await expect(count(page)).toHaveText(`${bySz} of 30 articles`);
  await search(page).fill('fact CHECK');
  const factChecks = all.filter((a) => a.title.startsWith('Fact check')).length;
  await expect(count(page)).toHaveText(`${factChecks} of 30 articles`);
  await expect(rows(page).first().locator('a mark').first()).toHaveText('Fact');

  // Nothing found, then Escape clears the box and every article is back.
  await search(page).fill('aleppo zzzz');
  await expect(page.getByTestId('library-no-match')).toBeVisible();
  await search(page).press('Escape');
  await expect(count(page)).toHaveText('30 articles');
  await lib.close();
});

test('every column sorts both ways, says so with aria-sort, and the sort is remembered', async ({ context }) => {
  const lib = await openSeeded(context, 12);
  const { page } = lib;
  const all = summaries(12);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  // The newest import first by default.
  await expect(header(page, 'Imported')).toHaveAttribute('aria-sort', 'descending');
  expect(await titles(page)).toEqual([...all].reverse().map((a) => a.title));

  const expectedFirst: Record<(typeof SORT_KEYS)[number], (dir: 'asc' | 'desc') => string> = {
    title: (dir) => [...all].sort((a, b) => (dir === 'asc' ? 1 : -1) * collator.compare(a.title, b.title))[0]!.title,
    publisher: () => '',
    published: () => '',
    imported: (dir) => (dir === 'asc' ? all[0]! : all[11]!).title,
    words: (dir) => [...all].sort((a, b) => (dir === 'asc' ? a.wordCount - b.wordCount : b.wordCount - a.wordCount) || b.importedAt.localeCompare(a.importedAt))[0]!.title,
    claims: () => '',
  };
  for (const key of SORT_KEYS) {
    const label = SORT_LABELS[key];
    const button = header(page, label).getByRole('button', { name: label });
    await button.click();
    const first = await header(page, label).getAttribute('aria-sort');
    expect(['ascending', 'descending']).toContain(first);
    for (const other of SORT_KEYS.filter((k) => k !== key)) await expect(header(page, SORT_LABELS[other])).toHaveAttribute('aria-sort', 'none');
    await checkOrder(page, key, first === 'ascending' ? 'asc' : 'desc', collator, expectedFirst[key]);
    await button.press('Enter');
    const second = first === 'ascending' ? 'descending' : 'ascending';
    await expect(header(page, label)).toHaveAttribute('aria-sort', second);
    await checkOrder(page, key, second === 'ascending' ? 'asc' : 'desc', collator, expectedFirst[key]);
  }
  // The last sort chosen (claims, second direction) survives a reload.
  const last = await header(page, 'Claims').getAttribute('aria-sort');
  await page.reload();
  await expect(header(page, 'Claims')).toHaveAttribute('aria-sort', last!);
  await lib.close();
});

/** The visible rows are in the order the column and direction say (missing values last either way). */
async function checkOrder(page: Page, key: (typeof SORT_KEYS)[number], dir: 'asc' | 'desc', collator: Intl.Collator, first: (dir: 'asc' | 'desc') => string) {
  const cell = (name: string) => rows(page).locator(`td.cell-${name}`).allTextContents();
  const sign = dir === 'asc' ? 1 : -1;
  const ordered = <T>(values: (T | null)[], cmp: (a: T, b: T) => number) => {
    const present = values.filter((v): v is T => v !== null);
    expect(values.slice(0, present.length), `${key} ${dir}: missing values last`).toEqual(present);
    for (let i = 1; i < present.length; i++) expect(sign * cmp(present[i - 1]!, present[i]!), `${key} ${dir} at ${i}`).toBeLessThanOrEqual(0);
  };
  if (key === 'title') ordered(await titles(page), (a, b) => collator.compare(a, b));
  if (key === 'publisher') ordered((await cell('publisher')).map((t) => (t === '—' ? null : t)), (a, b) => collator.compare(a, b));
  if (key === 'published') ordered((await cell('published')).map((t) => (t === '—' ? null : t)), (a, b) => a.localeCompare(b));
  if (key === 'imported') ordered(await rows(page).locator('td.cell-imported time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!)), (a, b) => a.localeCompare(b));
  if (key === 'words') ordered((await cell('words')).map((t) => Number(t.replace(/\D/g, ''))), (a, b) => a - b);
  if (key === 'claims') ordered((await cell('claims')).map((t) => (t === '—' ? 0 : Number(/of (\d+)/.exec(t)![1]) * 1000 + Number(/^(\d+)/.exec(t)![1]))), (a, b) => a - b);
  const expected = first(dir);
  if (expected !== '') expect((await titles(page))[0]).toBe(expected);
}

test('filters by unfinished claims, publisher and published dates, say how many are left, and clear', async ({ context }) => {
  const lib = await openSeeded(context, 40);
  const { page } = lib;
  const all = summaries(40);
  const expectCount = async (f: Partial<typeof NO_FILTERS>) => {
    const n = filterArticles(all, { ...NO_FILTERS, ...f }).length;
    await expect(count(page)).toHaveText(`${n} of 40 articles`);
    return n;
  };
  await page.getByLabel('Has unfinished claims').check();
  const unfinished = await expectCount({ unfinished: true });
  expect(unfinished).toBeGreaterThan(0);
  expect(unfinished).toBeLessThan(40);

  await page.getByLabel('Has unfinished claims').uncheck();
  const publisher = all.find((a) => a.publisher !== '')!.publisher;
  await page.getByLabel('Publisher').selectOption(publisher);
  await expectCount({ publisher });
  for (const text of await rows(page).locator('td.cell-publisher').allTextContents()) expect(text).toBe(publisher);

  await page.getByLabel('Publisher').selectOption('');
  await page.getByLabel('Published from').fill('2024-06-01');
  await page.getByLabel('Published to').fill('2024-12-31');
  const inRange = await expectCount({ from: '2024-06-01', to: '2024-12-31' });
  expect(inRange).toBeGreaterThan(0);
  for (const text of await rows(page).locator('td.cell-published').allTextContents()) {
    expect(text >= '2024-06-01' && text <= '2024-12-31', text).toBe(true);
  }
  // A reversed range is said to be one, not silently empty.
  await page.getByLabel('Published from').fill('2025-06-01');
  await expect(page.getByRole('alert')).toContainText('The “from” date is after the “to” date');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('40 articles');
  await expect(page.getByLabel('Published from')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeDisabled();
  await lib.close();
});

test('deleting two rows by keyboard removes them at once; Undo (Ctrl+Z or the toast) brings them back; two rounds never cross', async ({ context }) => {
  const lib = await openSeeded(context, 6);
  const { page, dir } = lib;
  const all = summaries(6).reverse(); // newest first, as listed
  const quarantined = () => (readdirSync(dir).includes('quarantine') ? readdirSync(path.join(dir, 'quarantine')) : []);
  const articleFiles = () => readdirSync(path.join(dir, 'articles')).filter((n) => n.endsWith('.json'));

  // Keyboard only: into the first row, Space, ↓, Space, Delete.
  await rows(page).first().locator('td.cell-words').click();
  await expect.poll(() => focusedRowIndex(page)).toBe('2');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('library-selected')).toHaveText('2 articles selected');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByTestId('toast')).toContainText('Deleted 2 articles.');
  await expect.poll(() => articleFiles().length).toBe(4);
  expect(quarantined()).toHaveLength(2);
  // The keyboard stays in the list.
  await expect.poll(() => focusedRowIndex(page)).not.toBeNull();

  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(6);
  expect(await titles(page)).toEqual(all.map((a) => a.title));
  await expect(page.getByTestId('toast')).toContainText('Restored 2 articles.');
  await expect.poll(() => articleFiles().length).toBe(6);
  expect(quarantined()).toHaveLength(0);

  // Two rounds in a row: each Undo restores its own delete.
  await rows(page).nth(0).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('toast')).toContainText(`Deleted “${all[0]!.title}”.`);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(6);
  await rows(page).nth(5).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('toast')).toContainText(`Deleted “${all[5]!.title}”.`);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('toast')).toContainText('Restored 1 article.');
  expect(await titles(page)).toEqual(all.map((a) => a.title));
  await expect.poll(() => articleFiles().length).toBe(6);

  // Search never shows a deleted article, and sees it again once restored.
  await rows(page).nth(2).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const code = codeOf(6 - 1 - 2);
  await search(page).fill(code);
  await expect(page.getByTestId('library-no-match')).toBeVisible();
  await search(page).press('Escape');
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(6);
  await search(page).fill(code);
  await expect(count(page)).toHaveText('1 of 6 articles');

  // After a restart the desk is whole.
  await page.reload();
  await expect(count(page)).toHaveText('6 articles');
  await lib.close();
});

test('two selected articles export as one zip holding two real reports', async ({ context }) => {
  const lib = await openSeeded(context, 5);
  const { page } = lib;
  const all = summaries(5).reverse();
  await rows(page).nth(0).getByRole('checkbox').click();
  // Shift+click selects the range from the last one toggled.
  await rows(page).nth(1).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('library-selected')).toHaveText('2 articles selected');
  await page.getByLabel('Export as').selectOption({ label: 'Report (HTML)' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .zip' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('claimdesk-2-articles-html.zip');
  const files = unzipSync(readFileSync((await download.path())!));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(2);
  for (const [i, name] of names.entries()) {
    expect(name).toMatch(/\.html$/);
    const html = strFromU8(files[name]!);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script/i);
    const title = [all[0]!.title, all[1]!.title].find((t) => html.includes(t));
    expect(title, `${name} (${i}) is one of the two chosen articles' reports`).toBeDefined();
    expect(html).toContain('Reference code');
  }
  await lib.close();
});

test('a 200-article library draws only the rows in view, scrolls, and moves by keyboard', async ({ context }) => {
  const lib = await openSeeded(context, 200);
  const { page } = lib;
  const all = summaries(200).reverse();
  const grid = page.getByRole('grid', { name: 'Articles' });
  await expect(grid).toHaveAttribute('aria-rowcount', '201');
  await expect(count(page)).toHaveText('200 articles');
  const drawn = await rows(page).count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);

  await rows(page).first().locator('td.cell-published').click();
  await page.keyboard.press('End');
  await expect.poll(() => focusedRowIndex(page)).toBe('201');
  await expect(page.locator('tr:focus').getByRole('link')).toHaveText(all[199]!.title);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedRowIndex(page)).toBe('2');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRowIndex(page)).toBe('5');
  await page.keyboard.press('PageDown');
  await expect.poll(async () => Number(await focusedRowIndex(page))).toBeGreaterThan(8);

  // The wheel scrolls the list box; rows far down are drawn when they come into view.
  await page.keyboard.press('Home');
  await page.locator('.library-scroll').hover();
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 800);
  await expect(rows(page).filter({ hasText: all[199]!.title })).toBeVisible();

  // Enter on a row opens it.
  await page.keyboard.press('Home');
  await expect.poll(() => focusedRowIndex(page)).toBe('2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('h1')).toHaveText(all[1]!.title);
  await lib.close();
});

test('axe finds nothing in the library at 1440×900 and 1024×700: full, searching, with a selection and the delete toast', async ({ context }, testInfo) => {
  // Eight axe runs over a full table: slow on a busy 2-core machine, not stuck.
  test.setTimeout(180_000);
  const lib = await openSeeded(context, 30);
  const { page } = lib;
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
  };
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.reload();
    await expect(count(page)).toHaveText('30 articles');
    await check(`library ${w}×${h}`);
    await shot(`library-${w}x${h}`);
    await search(page).fill('fuel');
    // Settled: the count of this search's answer, no "searching…" after it (a later query must not meet this one's rows).
    await expect(count(page)).toHaveText(/^\d+ of 30 articles$/);
    await check(`searching ${w}×${h}`);
    await shot(`library-search-${w}x${h}`);
    await search(page).fill(codeOf(3));
    await expect(count(page)).toHaveText('1 of 30 articles');
    await expect(rows(page).getByTestId('search-snippet')).toBeVisible();
    await check(`snippet ${w}×${h}`);
    await search(page).press('Escape');
    await rows(page).nth(0).getByRole('checkbox').check();
    await rows(page).nth(2).getByRole('checkbox').check();
    await check(`selection ${w}×${h}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByTestId('toast')).toContainText('Deleted 2 articles.');
    await check(`delete toast ${w}×${h}`);
    await shot(`library-deleted-${w}x${h}`);
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(count(page)).toHaveText('30 articles');
  }
  await lib.close();
});

test('the empty library passes axe and the Import file… control shows its keyboard focus', async ({ app }) => {
  const page = app.page();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  const input = page.getByLabel(/^Import file/);
  await input.focus();
  // Keyboard focus on the hidden input is drawn on the label a person sees.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  const outline = await page.locator('label[for="import-file-input"]').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
});

test('the command palette lists the library actions: search focuses the box, delete waits for a selection', async ({ app }) => {
  const page = app.page();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const box = palette.getByRole('combobox', { name: 'Search commands' });
  // An empty desk has nothing to search.
  await page.keyboard.press('Control+k');
  await box.fill('search the library');
  await expect(palette.getByRole('option', { name: /Search the library/ })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);

  await page.getByRole('button', { name: 'Open the sample article' }).click();
  await expect(editor(page).locator('h1')).toBeVisible();
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await page.keyboard.press('Control+k');
  await box.fill('selected articles');
  await expect(palette.getByRole('option', { name: /Delete the selected articles/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(palette.getByRole('option', { name: /Delete the selected articles/ })).toContainText('(not available here)');
  await box.fill('search the library');
  await box.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
});
