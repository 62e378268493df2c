/**
 * Issue 10, item 14: nothing is recorded unsigned (the reviewer's name is asked first), and a save that
 * fails says what is wrong in words, with the technical details behind a disclosure.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { choose, chooseInList, claimDetail, claimList, openLibrary, startReview, storedClaim, TITLE, waitSaved } from './helpers';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';
const B = 'Assad and his family have sought refuge in Russia';

async function settings(page: Page, change: { name?: string; scale?: string }) {
  await page.getByRole('link', { name: 'Settings' }).click();
  if (change.name !== undefined) await page.getByLabel('Your name (signs every claim, comment and change)').fill(change.name);
  if (change.scale !== undefined) await page.getByLabel('Rating scale, best to worst, one verdict per line').fill(change.scale);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await openLibrary(page);
  await page.getByTestId('article-row').getByRole('link', { name: TITLE }).click();
  await expect(claimList(page).getByRole('option').first()).toBeVisible();
}

const prompt = (page: Page) => page.getByRole('dialog', { name: 'Who is reviewing?' });
const comments = (page: Page) => claimDetail(page).getByRole('list', { name: 'Comments' }).getByRole('listitem');

test('a comment or a claim change made before the name is set asks for it; dismissed, nothing is recorded; given, all is signed and saved', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await waitSaved(page);
  // A desk whose name was cleared (or a teammate's claims opened on a new desk): claims, and no name.
  await settings(page, { name: '' });
  await chooseInList(page, A);

  // A claim change: the name is asked; Escape dismisses the prompt and records nothing.
  await choose(page, 'Verdict', 'Mostly true');
  await expect(prompt(page)).toBeVisible();
  await expect(prompt(page).getByLabel('Your name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(prompt(page)).toHaveCount(0);
  await expect(claimDetail(page).getByLabel('Verdict', { exact: true })).toHaveValue('');

  // A comment: asked again; Cancel keeps the comment's text unposted.
  await claimDetail(page).getByLabel('Add a comment').fill('The ministry has not confirmed ten.');
  await claimDetail(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(prompt(page)).toBeVisible();
  await prompt(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(prompt(page)).toHaveCount(0);
  await expect(comments(page)).toHaveCount(0);
  await expect(claimDetail(page).getByLabel('Add a comment')).toHaveValue('The ministry has not confirmed ten.');
  await expect(claimDetail(page).getByRole('button', { name: 'Post comment' })).toBeFocused();
  await waitSaved(page);
  expect(storedClaim(app.dataDir, A).data.comments).toEqual([]);
  expect(storedClaim(app.dataDir, A).data.verification.verdict).toBeNull();

  // Posted again and the name given: the comment goes ahead, signed with it.
  await claimDetail(page).getByRole('button', { name: 'Post comment' }).click();
  await prompt(page).getByLabel('Your name').fill('Dana Editor');
  await prompt(page).getByLabel('Your name').press('Enter');
  await expect(prompt(page)).toHaveCount(0);
  await expect(comments(page)).toHaveCount(1);
  await expect(comments(page)).toContainText('The ministry has not confirmed ten.');
  await expect(comments(page)).toContainText('Dana Editor');
  await expect(claimDetail(page).getByLabel('Add a comment')).toHaveValue('');
  await waitSaved(page);

  // Later changes are signed without asking, and keep saving.
  await choose(page, 'Verdict', 'Mostly true');
  await expect(prompt(page)).toHaveCount(0);
  await waitSaved(page);
  await expect(page.getByTestId('save-failure')).toHaveCount(0);
  const stored = storedClaim(app.dataDir, A).data;
  expect(stored.comments.map((c) => [c.author, c.text])).toEqual([['Dana Editor', 'The ministry has not confirmed ten.']]);
  expect(stored.verification.verdict).toBe('Mostly true');
  expect(stored.updatedBy).toBe('Dana Editor');
});

test('a save that fails says which claim and what is wrong, in words, with the details behind a disclosure', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  await choose(page, 'Verdict', 'Mostly true');
  await waitSaved(page);
  // The desk changes its rating scale: claim 1's verdict is no longer on it.
  await settings(page, { scale: 'Correct\nWrong' });
  await chooseInList(page, A);
  await expect(claimDetail(page).getByLabel('Verdict', { exact: true }).locator('option:checked')).toHaveText("Mostly true (not on the desk's scale)");

  const cue = claimDetail(page).getByLabel('Cue words', { exact: true });
  await cue.fill('Reports indicate');
  await cue.press('Enter');
  const failure = page.getByTestId('save-failure');
  await expect(failure).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(failure).toHaveAttribute('role', 'alert');
  await expect(failure.locator('p').first()).toHaveText(
    'Not saved: Claim 1 (“ten additional troops sustained injuries during the clashes…”): ' +
      "Verdict: “Mostly true” is not on the desk's rating scale (Correct, Wrong). Correct it in the claim, or undo the change (Ctrl+Z).",
  );
  // The back end's own words are there for whoever needs them, folded away.
  const details = failure.locator('details');
  await expect(details).not.toHaveAttribute('open');
  await expect(details.locator('pre')).toBeHidden();
  await details.getByText('Technical details').click();
  await expect(details.locator('pre')).toContainText('invalid_request');
  await expect(details.locator('pre')).toContainText(/claims\.\d\.data\.verification\.verdict/);

  // Going to the claim and correcting it saves everything, the cue words too.
  await chooseInList(page, B);
  await failure.getByRole('button', { name: 'Show claim 1' }).click();
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(A);
  await choose(page, 'Verdict', 'Correct');
  await waitSaved(page);
  await expect(failure).toHaveCount(0);
  const stored = storedClaim(app.dataDir, A).data;
  expect(stored.verification.verdict).toBe('Correct');
  expect(stored.attribution.cue).toBe('Reports indicate');
});

test('a save that cannot reach the server says so and goes through with Try again', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await waitSaved(page);
  await page.route('**/api/saveArticle', (route) => route.abort('connectionrefused'));
  const cue = claimDetail(page).getByLabel('Cue words', { exact: true });
  await cue.fill('according to');
  await cue.press('Enter');
  const failure = page.getByTestId('save-failure');
  await expect(failure).toContainText("Not saved: Claimdesk's server cannot be reached. Your changes are still on screen.");
  await page.unroute('**/api/saveArticle');
  await failure.getByRole('button', { name: 'Try again' }).click();
  await waitSaved(page);
  await expect(failure).toHaveCount(0);
  expect(storedClaim(app.dataDir, A).data.attribution.cue).toBe('according to');
});
