/**
 * Issue 10, item 15: undo and redo work with the focus in the claims panel, and a deleted claim says so
 * with an Undo button.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { choose, chooseInList, claimDetail, claimList, highlightedTexts, selectedQuote, startReview, storedClaim, waitSaved } from './helpers';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';
const B = 'security forces subsequently called for reinforcements';
const C = 'Assad and his family have sought refuge in Russia';

const rows = (page: Page) => claimList(page).getByRole('option');
const toast = (page: Page) => page.getByRole('status').filter({ hasText: 'Claim deleted' });
const rowOf = (page: Page, words: string) => claimList(page).getByRole('option', { name: new RegExp(words.slice(0, 25)) });

test('a claim deleted from the panel says so, and Ctrl+Z / Ctrl+Shift+Z undo and redo it with the focus still in the panel', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B, C]);
  await chooseInList(page, B);
  await expect(rowOf(page, B)).toBeFocused();

  await page.keyboard.press('Control+Shift+Backspace');
  await expect(rows(page)).toHaveCount(2);
  await expect(toast(page)).toContainText(`Claim deleted: “${B}”.`);
  await expect(toast(page).getByRole('button', { name: 'Undo' })).toBeVisible();
  // The focus stays in the list, on the claim that took the deleted one's place.
  await expect(rowOf(page, C)).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(3);
  await expect(toast(page)).toHaveCount(0);
  // The claim is back on its words, selected, its row focused.
  await expect(selectedQuote(page)).toHaveText(B);
  await expect(rowOf(page, B)).toBeFocused();
  await expect.poll(() => highlightedTexts(page)).toEqual([A, B, C].sort());

  await page.keyboard.press('Control+Shift+z');
  await expect(rows(page)).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(3);
  await waitSaved(page);
  expect(storedClaim(app.dataDir, B).target.quote.exact).toBe(B);
});

test('the toast’s Undo is reachable by keyboard and brings the claim back; deleting with the button says so too', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B, C]);
  await chooseInList(page, C);
  await claimDetail(page).getByRole('button', { name: 'Delete claim' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(toast(page)).toContainText(`Claim deleted: “${C}”.`);
  // C was last: the focus goes to the claim before it.
  await expect(rowOf(page, B)).toBeFocused();

  // Tab reaches the toast's Undo from the list.
  const undo = toast(page).getByRole('button', { name: 'Undo' });
  for (let i = 0; i < 12 && !(await undo.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(3);
  await expect(selectedQuote(page)).toHaveText(C);
  await expect(rowOf(page, C)).toBeFocused();

  // Escape dismisses a toast; any other change takes the offer away too.
  await page.keyboard.press('Control+Shift+Backspace');
  await expect(toast(page)).toBeVisible();
  await toast(page).getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Escape');
  await expect(toast(page)).toHaveCount(0);
  await chooseInList(page, A);
  await page.keyboard.press('Control+Shift+Backspace');
  await expect(toast(page)).toBeVisible();
  await chooseInList(page, B);
  await choose(page, 'Verdict', 'Mostly true');
  await expect(toast(page)).toHaveCount(0);
});

test('in the panel Ctrl+Z undoes claim changes from a list or a select, but in a text field it is the field’s own', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  const verdict = claimDetail(page).getByLabel('Verdict', { exact: true });
  await verdict.focus();
  await choose(page, 'Verdict', 'Mostly true');
  await expect(verdict).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(verdict).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(verdict).toHaveValue('Mostly true');

  // Typing in Cue words: Ctrl+Z takes back typing in the field, and leaves the verdict alone.
  const cue = claimDetail(page).getByLabel('Cue words', { exact: true });
  await cue.click();
  await page.keyboard.type('reported');
  await page.keyboard.press('Control+z');
  await expect(cue).toHaveValue('');
  await expect(verdict).toHaveValue('Mostly true');
  await expect(rows(page)).toHaveCount(2);
});
