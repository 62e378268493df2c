/**
 * Article versions (issue #14) with two real versions of one news story (data/fixtures/versions/, see its
 * README): v2 rewords the headline, changes the figure in the mother's statement and drops the police's
 * attribution sentence. Claims on the figure, on the attribution and on an unchanged sentence are carried
 * onto v2; the diff, the changes since first seen, the claim list, the old version read-only and the report
 * say what happened. Also: an identical re-import changes nothing; a different article offered as a new
 * version is refused with a new article offered instead. axe on the offer, the version list and the diff.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowserApp, test, expect } from './fixtures';
import { articleFiles, claimDetail, claimList, editor, exportBundle, fixture, highlightedTexts, importFile, markClaim, openLibrary, root, samplePath, selectWords, setReviewerByApi } from './helpers';

// Version 1 is the saved page as it is in data/pages; v2.html is that page after the publisher's edits.
const V1 = path.join(root, 'data', 'pages', 'readability-buzzfeed-1', 'source.html');
const V2 = fixture('versions/v2.html');
const HEADLINE_V1 = 'Student Dies After Diet Pills She Bought Online';
const HEADLINE_V2 = 'Student, 21, Dies After Taking Toxic Diet Pills Bought Online';
const FIGURE = 'two tablets was a lethal dose – and she had taken eight';
const FIGURE_V2 = 'two tablets was a lethal dose – and she had taken six';
const ATTRIBUTION = 'West Mercia police said the tablets were believed to contain dinitrophenol';
const UNCHANGED = 'The Food Standards Agency warned people to stay away from slimming products that contained DNP.';

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${what}`,
  ).toEqual([]);
}

async function shoot(page: Page, name: string) {
  const size = page.viewportSize();
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.screenshot({ path: path.join(root, 'test-results', 'versions', `${name}-${size?.width}x${size?.height}-${theme}.png`) });
}

/** Imports v1 and marks the three claims, naming the reviewer at the first. */
async function reviewV1(page: Page) {
  await importFile(page, V1);
  await expect(editor(page).locator('h1')).toContainText(HEADLINE_V1);
  await selectWords(page, FIGURE);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await page.getByLabel('Your name').fill('Ana Reviewer');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(FIGURE);
  await markClaim(page, ATTRIBUTION);
  await markClaim(page, UNCHANGED);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

test('a new version of a story: the offer, the diff with its callouts, the claims it touched, the old version read-only, the report', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page();
  await reviewV1(page);

  // v2 from the library: the app asks before storing anything.
  await openLibrary(page);
  await importFile(page, V2);
  const offer = page.getByRole('dialog', { name: 'A new version of an article you have?' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(`This looks like a version of “${HEADLINE_V1}`);
  await axe(page, 'the import offer');
  await shoot(page, 'offer');
  expect(articleFiles(app.dataDir)).toHaveLength(1);
  await offer.getByRole('button', { name: /^Add as a new version of/ }).click();
  await expect(offer).toBeHidden();

  // The article opens on v2, with the claims carried and a notice that links to the changes.
  await expect(editor(page).locator('h1')).toContainText(HEADLINE_V2);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Version 2 added: 1 claim changed, 1 gone.');
  await expect(claimList(page).getByRole('option', { name: /changed in v2/ })).toContainText(FIGURE_V2);
  await expect(claimList(page).getByRole('option', { name: /gone in v2/ })).toContainText('West Mercia police');
  expect(await highlightedTexts(page)).toContain(UNCHANGED);
  expect(await highlightedTexts(page)).toContain(FIGURE_V2);
  await notice.getByRole('button', { name: 'Show the changes' }).click();

  // The diff, previous → current by default, inline.
  const panel = page.getByTestId('versions-panel');
  await expect(panel.getByRole('heading', { name: /^Versions of/ })).toBeFocused();
  const diff = panel.getByTestId('diff');
  await expect(diff.locator('del', { hasText: 'eight' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'six' })).toBeVisible();
  await expect(diff.locator('del', { hasText: 'West Mercia police said the tablets' })).toBeVisible();
  await expect(diff.locator('[data-diff-group="0"]')).toContainText('Taking Toxic');
  await expect(diff.locator('[data-diff-group="0"] del')).not.toHaveCount(0);
  await expect(diff.locator('.diff-fold').first()).toContainText(/\d+ unchanged paragraphs/);

  // Changes since first seen: the figure changed (old and new words), the attribution gone, the unchanged claim not listed.
  const since = panel.getByTestId('changes-since-first-seen');
  const items = since.locator('.claim-change');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Gone');
  await expect(items.nth(0)).toContainText(ATTRIBUTION);
  await expect(items.nth(1)).toContainText('Words changed');
  await expect(items.nth(1).locator('del')).toContainText(FIGURE);
  await expect(items.nth(1).locator('ins')).toContainText(FIGURE_V2);
  await expect(since).not.toContainText('Food Standards Agency');

  await axe(page, 'the diff view (inline)');
  await shoot(page, 'diff-inline');
  await panel.getByText('Side by side').click();
  await expect(diff.locator('.diff-split-row').first()).toBeVisible();
  await expect(diff.locator('.diff-old del', { hasText: 'eight' })).toBeVisible();
  await expect(diff.locator('.diff-new ins', { hasText: 'six' })).toBeVisible();
  await axe(page, 'the diff view (side by side)');
  await shoot(page, 'diff-split');

  // The old version, read-only, then back to the current text.
  const list = panel.getByRole('list', { name: 'Versions from the publisher' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Current');
  await expect(list.getByRole('listitem').first()).toContainText('v2.html');
  await expect(list.getByRole('listitem').first()).toContainText('1 claim changed, 1 gone');
  await list.getByRole('button', { name: /Open version 1/ }).click();
  await expect(panel.locator('.read-only-banner')).toContainText('Version 1 of 2');
  await expect(panel.locator('.read-only-banner')).toContainText('read only');
  const old = panel.getByTestId('read-only-version');
  await expect(old.locator('h1')).toContainText(HEADLINE_V1);
  await expect(old).toContainText('West Mercia police');
  await expect(old.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(old.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
  await axe(page, 'the version list with an old version open');
  await shoot(page, 'version-list');

  // Go to the gone claim from the list of changes: the orphaned claim in the inspector.
  await list.getByRole('button', { name: /Changes from version 1/ }).click();
  await since.getByRole('button', { name: 'Go to the orphaned claim' }).click();
  await expect(panel).toBeHidden();
  await expect(claimDetail(page)).toContainText(ATTRIBUTION);
  await expect(editor(page).locator('h1')).toContainText(HEADLINE_V2);

  // The history tells the publisher's version from the desk's corrections.
  await page.getByText('Article history').click();
  await expect(page.locator('.article-history')).toContainText(/version 2 from the publisher \(file v2.html\)/);

  // The changed figure called out in the diff.
  await page.getByRole('button', { name: 'Versions (2)' }).click();
  await expect(diff.locator('.callout').filter({ hasText: 'eight → six' })).toBeVisible();

  // The HTML report.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain(HEADLINE_V2);
  // Its "Changes since first seen" section: the gone attribution and the changed figure with old and new words.
  const section = /<section id="changes"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const sectionText = section.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
  expect(sectionText).toContain('Changes since first seen');
  expect(sectionText).toContain(ATTRIBUTION);
  expect(section).toMatch(/<del[^>]*>eight<\/del>/);
  expect(section).toMatch(/<ins[^>]*>six<\/ins>/);
});

test('an identical re-import says so and changes nothing; a different article as a new version is refused and offered as a new article', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app.page();
  await importFile(page, V1);
  await expect(editor(page).locator('h1')).toContainText(HEADLINE_V1);
  const [file] = articleFiles(app.dataDir);
  const before = readFileSync(path.join(app.dataDir, 'articles', file!), 'utf8');

  // The same page again: it looks like a version (same address, same text); added as one, nothing changes.
  await openLibrary(page);
  await importFile(page, V1);
  await page.getByRole('dialog', { name: 'A new version of an article you have?' }).getByRole('button', { name: /^Add as a new version of/ }).click();
  await expect(page.getByTestId('notice')).toContainText(/identical|same/i);
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  expect(articleFiles(app.dataDir)).toEqual([file]);
  expect(readFileSync(path.join(app.dataDir, 'articles', file!), 'utf8')).toBe(before);

  // From the article, "Import new version…" with a different story.
  await page.getByRole('link', { name: new RegExp(HEADLINE_V1.slice(0, 20)) }).click();
  await page.getByRole('button', { name: 'Import new version…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Import a new version of/ });
  await dialog.getByLabel(/^New version from a file/).setInputFiles(samplePath);
  const refused = page.getByRole('dialog', { name: 'Not added as a new version' });
  await expect(refused).toBeVisible();
  await axe(page, 'the refused version offer');
  await shoot(page, 'offer-refused');
  expect(articleFiles(app.dataDir)).toEqual([file]);
  await refused.getByRole('button', { name: 'Import as a new article' }).click();
  await expect(editor(page).locator('h1')).toContainText('14 are killed');
  expect(articleFiles(app.dataDir)).toHaveLength(2);
});

test('Import new version… by paste, from the palette: the version list says where it came from', async ({ app }) => {
  const page = app.page();
  await importFile(page, V1);
  await expect(editor(page).locator('h1')).toContainText(HEADLINE_V1);
  const text = await editor(page).evaluate((el) => Array.from(el.children, (c) => c.textContent ?? '').join('\n\n'));
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('Import new version');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Import a new version of/ });
  await dialog.getByLabel('Or paste the new text').fill(text.replace('she had taken eight', 'she had taken nine'));
  await dialog.getByRole('button', { name: 'Import pasted text as a new version' }).click();
  await expect(page.getByTestId('notice')).toContainText('Version 2 added');
  await page.getByRole('button', { name: 'Versions (2)' }).click();
  const list = page.getByRole('list', { name: 'Versions from the publisher' });
  await expect(list.getByRole('listitem').first()).toContainText('pasted text');
  await expect(page.getByTestId('diff').locator('ins', { hasText: 'nine' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the current text' }).first().click();
  await expect(page.getByRole('button', { name: 'Versions (2)' })).toBeFocused();

  // A desk correction in the editor is not a version: the panel compares it with the publisher's version 2.
  await selectWords(page, 'anti-dote');
  await page.keyboard.type('antidote');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Versions (2)' }).click();
  await page.getByRole('button', { name: 'Your corrections since version 2' }).click();
  const panel = page.getByTestId('versions-panel');
  await expect(panel.locator('.compare-summary')).toContainText('Version 2 → Your corrections');
  await expect(panel.getByTestId('diff').locator('ins', { hasText: 'antidote' })).toBeVisible();
  await expect(panel.getByTestId('diff').locator('del', { hasText: 'anti-dote' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
});

test('the offer, the version list and the diff pass axe and are kept as screenshots at 1440×900 and 1024×700, light and dark', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app.page();
  await reviewV1(page);
  await openLibrary(page);
  await importFile(page, V2);
  await page.getByRole('dialog', { name: 'A new version of an article you have?' }).getByRole('button', { name: /^Add as a new version of/ }).click();
  await expect(page.getByTestId('notice')).toContainText('Version 2 added');
  const articleUrl = page.url();
  for (const theme of ['light', 'dark'] as const) {
    for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(size);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

      await openLibrary(page);
      await importFile(page, V2);
      const offer = page.getByRole('dialog', { name: 'A new version of an article you have?' });
      await expect(offer).toBeVisible();
      await axe(page, `the offer (${theme}, ${size.width})`);
      await shoot(page, 'offer');
      await offer.getByRole('button', { name: 'Cancel' }).click();

      await page.goto(articleUrl);
      await page.getByRole('button', { name: 'Versions (2)' }).click();
      const panel = page.getByTestId('versions-panel');
      await panel.getByText('Inline', { exact: true }).click();
      await expect(panel.getByTestId('diff').locator('ins', { hasText: 'six' })).toBeVisible();
      await axe(page, `the diff, inline (${theme}, ${size.width})`);
      await shoot(page, 'diff-inline');
      await panel.getByText('Side by side').click();
      await expect(panel.getByTestId('diff').locator('.diff-new ins', { hasText: 'six' })).toBeVisible();
      await axe(page, `the diff, side by side (${theme}, ${size.width})`);
      await shoot(page, 'diff-split');
      await panel.getByRole('button', { name: /Open version 1/ }).click();
      await expect(panel.getByTestId('read-only-version').locator('h1')).toContainText(HEADLINE_V1);
      await axe(page, `the version list (${theme}, ${size.width})`);
      await shoot(page, 'version-list');
    }
  }
});

test('two desks with different current texts: the version conflict shows both side by side, and taking theirs moves the claims onto their text', async ({ app, browser }, testInfo) => {
  test.setTimeout(120_000);
  const ana = app.page();
  await reviewV1(ana);
  const fromAna = await exportBundle(ana, testInfo.outputDir, 'ana.claimdesk-review');

  // Ben opens Ana's bundle and imports the publisher's newer text as version 2.
  const benDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-ben-'));
  const benContext = await browser.newContext();
  const benApp = await launchBrowserApp(benContext, benDir);
  try {
    const ben = benApp.page();
    await setReviewerByApi(ben, 'Ben');
    await importFile(ben, fromAna);
    await expect(editor(ben).locator('h1')).toContainText(HEADLINE_V1);
    await openLibrary(ben);
    await importFile(ben, V2);
    await ben.getByRole('dialog', { name: 'A new version of an article you have?' }).getByRole('button', { name: /^Add as a new version of/ }).click();
    await expect(editor(ben).locator('h1')).toContainText(HEADLINE_V2);
    const fromBen = await exportBundle(ben, testInfo.outputDir, 'ben.claimdesk-review');

    // Ana opens Ben's bundle: her text is version 1, his is a version she never imported.
    await openLibrary(ana);
    await importFile(ana, fromBen);
    const conflict = ana.getByTestId('version-conflict');
    await expect(conflict).toContainText('Two current texts');
    await expect(conflict).toContainText(`“${HEADLINE_V1}`);
    await expect(conflict).toContainText(`“${HEADLINE_V2}`);
    await expect(editor(ana).locator('h1')).toContainText(HEADLINE_V1);
    await axe(ana, 'the version conflict');
    await shoot(ana, 'version-conflict');
    await conflict.getByRole('button', { name: "Take Ben's text" }).click();
    await expect(editor(ana).locator('h1')).toContainText(HEADLINE_V2);
    await expect(ana.getByTestId('version-conflict')).toHaveCount(0);
    expect(await highlightedTexts(ana)).toContain(FIGURE_V2);
    expect(await highlightedTexts(ana)).toContain(UNCHANGED);
  } finally {
    await benApp.stop();
    await benContext.close();
    rmSync(benDir, { recursive: true, force: true });
  }
});
