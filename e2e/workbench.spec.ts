/**
 * Issue 12, the workbench: the claim list, the text and the claim inspector side by side (a drawer over the
 * text below 1200px), resizable remembered panes, the listbox and its one-key verdicts, Done asking for its
 * verdict, the caret's announcement, conflicts decided in the inspector, the core loop in 8 actions.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowserApp, test, expect } from './fixtures';
import { chooseInList, claimDetail, claimList, clickWords, editor, exportBundle, importFile, markClaim, openLibrary, samplePath, selectWords, selectedQuote, setReviewerByApi, startReview, storedClaim, waitSaved } from './helpers';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';
const B = 'three unidentified “armed men” lost their lives during the clashes';
const C = 'Assad and his family have sought refuge in Russia';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim inspector' });
const option = (page: Page, words: string) => claimList(page).getByRole('option', { name: new RegExp(words.slice(0, 25)) });
const verdictChip = (page: Page) => claimDetail(page).getByRole('button', { name: /^Verdict: / });
const statusChip = (page: Page) => claimDetail(page).getByRole('button', { name: /^Status: / });

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

async function axeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Puts the caret in the text just before `needle`, as a click there would. */
async function caretBefore(page: Page, needle: string) {
  const found = await page.evaluate((words) => {
    const root = document.querySelector<HTMLElement>('.ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(words);
      if (i < 0) continue;
      root.focus();
      window.getSelection()!.collapse(n, i);
      return true;
    }
    return false;
  }, needle);
  expect(found).toBe(true);
}

async function dismissNotice(page: Page) {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  if (await dismiss.isVisible()) await dismiss.click();
}

test('at 1440×900 the list, the text and the inspector stand side by side; selecting a claim shows it without scrolling the text away', async ({ app }) => {
  const page = app.page();
  await page.setViewportSize({ width: 1440, height: 900 });
  await startReview(page, 'Ana Reviewer', [A, B, C]);
  await dismissNotice(page);
  const list = await page.locator('.claims-pane').boundingBox();
  const text = await editor(page).boundingBox();
  const side = await inspector(page).boundingBox();
  expect(list && text && side).toBeTruthy();
  expect(list!.x + list!.width).toBeLessThanOrEqual(text!.x);
  expect(text!.x + text!.width).toBeLessThanOrEqual(side!.x);
  await noHorizontalScroll(page);

  // A claim chosen in the list: its words are scrolled into view in the text, its details in the inspector.
  await chooseInList(page, A);
  await expect(claimDetail(page).getByRole('heading', { name: /Claim 1 of 3/ })).toBeVisible();
  const inView = async (words: string) =>
    page.evaluate((needle) => {
      const main = document.querySelector('.article-main')!.getBoundingClientRect();
      const walker = document.createTreeWalker(document.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(needle);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        const box = r.getBoundingClientRect();
        return box.top >= main.top && box.bottom <= main.bottom;
      }
      return false;
    }, words);
  await expect.poll(() => inView('ten additional troops')).toBe(true);
  await chooseInList(page, C);
  await expect.poll(() => inView('sought refuge in Russia')).toBe(true);
  // Clicking a claim in the text keeps the text where it is.
  const before = await page.locator('.article-main').evaluate((el) => el.scrollTop);
  await clickWords(page, 'sought refuge');
  await expect(selectedQuote(page)).toHaveText(C);
  expect(await page.locator('.article-main').evaluate((el) => el.scrollTop)).toBe(before);
  // The verdict and status chips are in view.
  await expect(verdictChip(page)).toHaveText(/No verdict/);
  await expect(statusChip(page)).toHaveText(/Unreviewed/);
  await axeClean(page);
});

test('at 1024×700 the list starts collapsed and the inspector is a drawer: opened by a claim, closed by Escape or its button, the focus back in the text', async ({ app }) => {
  const page = app.page();
  await page.setViewportSize({ width: 1024, height: 700 });
  await startReview(page, 'Ana Reviewer', [A, B]);
  await dismissNotice(page);
  await expect(page.getByRole('button', { name: 'Claim list' })).toHaveAttribute('aria-expanded', 'false');
  await expect(claimList(page)).toBeHidden();
  // Just marked: the drawer shows the claim.
  await expect(inspector(page)).toBeVisible();
  await noHorizontalScroll(page);
  await axeClean(page);

  await statusChip(page).focus();
  await page.keyboard.press('Escape');
  await expect(inspector(page)).toBeHidden();
  await expect(editor(page)).toBeFocused();

  await clickWords(page, 'additional troops');
  await expect(inspector(page)).toBeVisible();
  await expect(selectedQuote(page)).toHaveText(A);
  await inspector(page).getByRole('button', { name: 'Close the claim inspector' }).click();
  await expect(inspector(page)).toBeHidden();
  await expect(editor(page)).toBeFocused();
  // The same claim clicked again opens the drawer again.
  await clickWords(page, 'additional troops');
  await expect(inspector(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(inspector(page)).toBeHidden();
  await noHorizontalScroll(page);

  // The list opens with its button; the drawer still opens over the text.
  await page.getByRole('button', { name: 'Claim list' }).click();
  await expect(claimList(page)).toBeVisible();
  await option(page, B).click();
  await expect(inspector(page)).toBeVisible();
  await noHorizontalScroll(page);
  await axeClean(page);
});

test('the splitters resize by keys and by dragging, and the sizes and the collapsed list are remembered over a reload', async ({ app }) => {
  const page = app.page();
  await page.setViewportSize({ width: 1440, height: 900 });
  await startReview(page, 'Ana Reviewer', [A]);
  const listSplitter = page.getByRole('separator', { name: 'Resize the claim list' });
  const inspectorSplitter = page.getByRole('separator', { name: 'Resize the claim inspector' });
  const start = Number(await listSplitter.getAttribute('aria-valuenow'));
  await expect(listSplitter).toHaveAttribute('aria-valuemin', '200');
  await expect(listSplitter).toHaveAttribute('aria-valuemax', '440');
  await listSplitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(listSplitter).toHaveAttribute('aria-valuenow', String(start + 32));
  expect(Math.round((await page.locator('.claims-pane').boundingBox())!.width)).toBe(start + 32);

  // Dragging the inspector's splitter 60px to the left widens the inspector by 60px.
  const was = Number(await inspectorSplitter.getAttribute('aria-valuenow'));
  const box = (await inspectorSplitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + 200);
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200);
  await page.mouse.up();
  await expect(inspectorSplitter).toHaveAttribute('aria-valuenow', String(was + 60));

  // Alt+Shift+B hides the list.
  await editor(page).focus();
  await page.keyboard.press('Alt+Shift+B');
  await expect(claimList(page)).toBeHidden();
  await page.reload();
  await expect(editor(page)).toBeVisible();
  await expect(claimList(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Claim list' })).toHaveAttribute('aria-expanded', 'false');
  await expect(inspectorSplitter).toHaveAttribute('aria-valuenow', String(was + 60));
  await page.getByRole('button', { name: 'Claim list' }).click();
  await expect(listSplitter).toHaveAttribute('aria-valuenow', String(start + 32));
  await page.reload();
  await expect(claimList(page)).toBeVisible();
});

test('the claim list is a listbox: arrows move, Enter opens the inspector, digits set the verdict, Alt+digits the status', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B, C]);
  await page.keyboard.press('Alt+Shift+L');
  await expect(option(page, C)).toBeFocused();
  await expect(option(page, C)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(option(page, B)).toBeFocused();
  await expect(option(page, B)).toHaveAttribute('aria-selected', 'true');
  await expect(selectedQuote(page)).toHaveText(B);
  await page.keyboard.press('Home');
  await expect(option(page, A)).toBeFocused();
  await expect(selectedQuote(page)).toHaveText(A);
  await expect(claimList(page).locator('[aria-selected="true"]')).toHaveCount(1);

  // One key: the 6th verdict of the default scale is False; 0 clears it; Alt+2 is In progress.
  await page.keyboard.press('6');
  await expect(option(page, A)).toContainText('False');
  await expect(verdictChip(page)).toHaveText(/False/);
  await page.keyboard.press('0');
  await expect(verdictChip(page)).toHaveText(/No verdict/);
  await page.keyboard.press('2');
  await page.keyboard.press('Alt+2');
  await expect(statusChip(page)).toHaveText(/In progress/);
  await expect(option(page, A)).toContainText('Mostly true');
  await expect(option(page, A)).toBeFocused();

  // Enter opens the claim in the inspector; a digit there works too, but not while typing in a field.
  await page.keyboard.press('Enter');
  await expect(claimDetail(page).getByRole('heading', { name: /Claim 1 of 3/ })).toBeFocused();
  await page.keyboard.press('3');
  await expect(verdictChip(page)).toHaveText(/Mixed/);
  const cue = claimDetail(page).getByLabel('Cue words', { exact: true });
  await cue.click();
  await page.keyboard.type('7');
  await expect(cue).toHaveValue('7');
  await expect(verdictChip(page)).toHaveText(/Mixed/);
  await cue.fill('');
  await page.keyboard.press('Escape');
  await expect(option(page, A)).toBeFocused();
  await waitSaved(page);
  expect(storedClaim(app.dataDir, A).data.verification).toMatchObject({ verdict: 'Mixed', status: 'in_progress' });
});

test('Done without a verdict asks for the verdict there and then; choosing one makes the claim done', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  // From the text, with the keyboard.
  await clickWords(page, 'additional troops');
  await page.keyboard.press('Alt+4');
  const chooser = claimDetail(page).getByRole('group', { name: 'Choose a verdict' });
  await expect(chooser.getByRole('alert')).toHaveText('A claim cannot be done without a verdict: choose one now and the claim is done.');
  await expect(chooser).toBeInViewport();
  await expect(statusChip(page)).toHaveText(/Unreviewed/);
  await page.keyboard.press('6');
  await expect(chooser).toHaveCount(0);
  await expect(statusChip(page)).toHaveText(/Done/);
  await expect(verdictChip(page)).toHaveText(/False/);

  // From the status chip, with the mouse; Escape puts the question away and changes nothing.
  await chooseInList(page, B);
  await statusChip(page).click();
  await claimDetail(page).getByRole('group', { name: 'Choose a status' }).getByRole('button', { name: 'Done' }).click();
  await expect(chooser.getByRole('alert')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(statusChip(page)).toHaveText(/Unreviewed/);
  await expect(verdictChip(page)).toBeFocused();
  await statusChip(page).click();
  await claimDetail(page).getByRole('group', { name: 'Choose a status' }).getByRole('button', { name: 'Done' }).click();
  await chooser.getByRole('button', { name: 'Unverifiable', exact: true }).click();
  await expect(statusChip(page)).toHaveText(/Done/);
  await waitSaved(page);
  expect(storedClaim(app.dataDir, A).data.verification).toMatchObject({ verdict: 'False', status: 'done' });
  expect(storedClaim(app.dataDir, B).data.verification).toMatchObject({ verdict: 'Unverifiable', status: 'done' });
});

test('moving the caret into a claim in the text announces it politely', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, B);
  await page.keyboard.press('6');
  const announcer = page.getByTestId('claim-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await clickWords(page, 'In a recent development');
  await expect(announcer).toHaveText('');
  await clickWords(page, 'additional troops');
  await expect(announcer).toHaveText('Claim 1 of 2: ten additional troops sustained injuries during the clashes…, no verdict, unreviewed, weak sourcing: no attribution');
  // By the keyboard: the caret one character before claim 2's words, then one step right, into them.
  await caretBefore(page, ' three unidentified');
  await expect(announcer).toHaveText('');
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toHaveText('Claim 2 of 2: three unidentified “armed men” lost their lives during the…, False, unreviewed, weak sourcing: no attribution');
});

test('after marking, the words are not left selected, the focus is on the source name, and a known source fills its kind', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [B]);
  const sourceName = claimDetail(page).getByLabel('Source name', { exact: true });
  await expect(sourceName).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true);
  await page.keyboard.type('Syrian Observatory for Human Rights');
  await page.keyboard.press('Tab');
  await claimDetail(page).getByLabel('Source kind', { exact: true }).selectOption({ label: 'NGO or monitor' });
  await waitSaved(page);
  await markClaim(page, 'security forces subsequently called for reinforcements');
  await expect(sourceName).toBeFocused();
  await page.keyboard.type('Syrian Observatory for Human Rights');
  await page.keyboard.press('Tab');
  await expect(claimDetail(page).getByLabel('Source kind', { exact: true })).toHaveValue('ngo_monitor');
});

test('the core loop, mark → source → verdict → one evidence item → done, takes 8 actions and no scrolling at 1440×900', async ({ app }) => {
  const page = app.page();
  await page.setViewportSize({ width: 1440, height: 900 });
  await startReview(page, 'Ana Reviewer', [B]);
  await dismissNotice(page);
  const scrolls = () => page.evaluate(() => [...document.querySelectorAll('.claims-pane, .article-main, .claim-inspector, html')].map((el) => el.scrollTop));
  const words = 'security forces subsequently called for reinforcements';
  const at = await scrolls();
  await selectWords(page, words); // 1: select the words
  await page.keyboard.press('Control+Alt+m'); // 2: mark them
  await page.keyboard.type('Syrian Observatory for Human Rights'); // 3: the source
  await page.keyboard.press('Alt+Shift+1'); // 4: the verdict, True
  await page.keyboard.press('Alt+Shift+E'); // 5: add evidence
  await page.keyboard.type('https://www.syriahr.com/en/352000/'); // 6: its address
  await page.keyboard.press('Enter'); // 7: save it
  await page.keyboard.press('Alt+4'); // 8: done
  await expect(selectedQuote(page)).toHaveText(words);
  await expect(statusChip(page)).toHaveText(/Done/);
  await expect(verdictChip(page)).toHaveText(/True/);
  await expect(claimDetail(page).getByRole('list', { name: 'Evidence' }).getByRole('listitem')).toHaveCount(1);
  await expect(claimDetail(page).getByRole('list', { name: 'Evidence' })).toBeInViewport();
  expect(await scrolls()).toEqual(at);
  await waitSaved(page);
  const stored = storedClaim(app.dataDir, words).data;
  expect(stored.attribution.sourceName).toBe('Syrian Observatory for Human Rights');
  expect(stored.verification).toMatchObject({ verdict: 'True', status: 'done' });
  expect(stored.verification.evidence.map((e) => e.url)).toEqual(['https://www.syriahr.com/en/352000/']);
});

test('a conflict from a merged bundle is flagged on its row and decided in the inspector', async ({ app, browser }, testInfo) => {
  const ana = app.page();
  await setReviewerByApi(ana, 'Ana');
  await importFile(ana, samplePath);
  await markClaim(ana, A);
  await ana.keyboard.press('Alt+Shift+7');
  const fromAna = await exportBundle(ana, testInfo.outputDir, 'ana.claimdesk-review');

  const benDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-ben-'));
  const benContext = await browser.newContext();
  const benApp = await launchBrowserApp(benContext, benDir);
  try {
    const ben = benApp.page();
    await setReviewerByApi(ben, 'Ben');
    await importFile(ben, fromAna);
    await chooseInList(ben, A);
    await ben.keyboard.press('5');
    await expect(verdictChip(ben)).toHaveText(/Mostly false/);
    const fromBen = await exportBundle(ben, testInfo.outputDir, 'ben.claimdesk-review');

    await chooseInList(ana, A);
    await ana.keyboard.press('6');
    await expect(verdictChip(ana)).toHaveText(/False/);
    await waitSaved(ana);
    await openLibrary(ana);
    await importFile(ana, fromBen);
    await expect(option(ana, A)).toContainText('Conflict');
    await expect(ana.getByTestId('handoff-conflicts')).toContainText('1 conflict to decide');
    await ana.getByTestId('handoff-conflicts').getByRole('button', { name: 'Show claim 1' }).click();
    const conflict = claimDetail(ana).getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await expect(conflict).toContainText('Verdict');
    await expect(conflict).toContainText('False');
    await expect(conflict).toContainText('Mostly false');
    await conflict.getByRole('button', { name: 'Keep yours for Verdict: False' }).click();
    await expect(ana.getByTestId('handoff-conflicts')).toHaveCount(0);
    await expect(option(ana, A)).not.toContainText('Conflict');
    await chooseInList(ana, A);
    await expect(verdictChip(ana)).toHaveText(/False/);
    await axeClean(ana);
  } finally {
    await benApp.stop();
    await benContext.close();
    rmSync(benDir, { recursive: true, force: true });
  }
});
