/**
 * Issue 10, item 13: text typed into a claim field is never lost, however the field is left, and the
 * focus stays where the next shortcut works.
 */
import type { Page } from '@playwright/test';
import { test, expect, type AppHandle } from './fixtures';
import { chooseInList, claimDetail, claimList, clickWords, findStoredClaim, openLibrary, selectedQuote, startReview, storedClaim, TITLE, waitSaved } from './helpers';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';
const B = 'Assad and his family have sought refuge in Russia';
const CUE = 'Reports indicate';
const RATIONALE = 'No casualty figure from the interior ministry yet; SOHR says ten.';

const field = (page: Page, label: string) => claimDetail(page).getByLabel(label, { exact: true });

/** Types as a person does: click into the field, type, and do not leave it. */
async function typeInto(page: Page, label: string, text: string) {
  await field(page, label).click();
  await page.keyboard.type(text);
  await expect(field(page, label)).toHaveValue(text);
}

async function reopenArticle(page: Page) {
  await page.getByTestId('article-row').getByRole('link', { name: TITLE }).click();
  await expect(claimList(page).getByRole('option')).toHaveCount(2);
}

type Way = {
  name: string;
  /** Leaves the field being typed in (claim A's) by this way. */
  leave: (page: Page, label: string) => Promise<void>;
  /** Comes back to claim A. */
  back: (page: Page, label: string) => Promise<void>;
};

const WAYS: Way[] = [
  {
    name: 'Alt+↓ to the next claim and Alt+↑ back',
    async leave(page, label) {
      await page.keyboard.press('Alt+ArrowDown');
      await expect(selectedQuote(page)).toHaveText(B);
      // The focus follows to the same field of the next claim, so the next shortcut works.
      await expect(field(page, label)).toBeFocused();
    },
    async back(page, label) {
      await page.keyboard.press('Alt+ArrowUp');
      await expect(selectedQuote(page)).toHaveText(A);
      await expect(field(page, label)).toBeFocused();
    },
  },
  {
    name: 'choosing another claim in the list',
    leave: (page) => chooseInList(page, B),
    back: (page) => chooseInList(page, A),
  },
  {
    name: 'clicking another claim in the text',
    async leave(page) {
      await clickWords(page, 'sought refuge');
      await expect(selectedQuote(page)).toHaveText(B);
    },
    async back(page) {
      await clickWords(page, 'additional troops');
      await expect(selectedQuote(page)).toHaveText(A);
    },
  },
  {
    name: 'Escape',
    async leave(page) {
      await page.keyboard.press('Escape');
      // The focus is on the claim's row: the claim shortcuts go on from there.
      await expect(claimList(page).locator('[aria-selected="true"]')).toBeFocused();
      await page.keyboard.press('Alt+ArrowDown');
      await expect(selectedQuote(page)).toHaveText(B);
      await expect(claimList(page).locator('[aria-selected="true"]')).toBeFocused();
    },
    async back(page) {
      await page.keyboard.press('Alt+ArrowUp');
      await expect(selectedQuote(page)).toHaveText(A);
    },
  },
  {
    name: 'closing the article with ← Library',
    async leave(page) {
      await page.getByRole('button', { name: '← Library' }).click();
      await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    },
    async back(page) {
      await reopenArticle(page);
      await chooseInList(page, A);
    },
  },
  {
    // The browser's Back (or Alt+←) closes the article without the field ever losing the focus first.
    name: 'closing the article with the browser’s Back',
    async leave(page) {
      await page.goBack();
      await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    },
    async back(page) {
      await reopenArticle(page);
      await chooseInList(page, A);
    },
  },
  {
    name: 'going to Settings',
    async leave(page) {
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    },
    async back(page) {
      await openLibrary(page);
      await reopenArticle(page);
      await chooseInList(page, A);
    },
  },
];

async function checkKept(page: Page, app: AppHandle) {
  await expect(field(page, 'Cue words')).toHaveValue(CUE);
  await expect(field(page, 'Rationale')).toHaveValue(RATIONALE);
  await waitSaved(page);
  const stored = storedClaim(app.dataDir, A).data;
  expect(stored.attribution.cue).toBe(CUE);
  expect(stored.verification.rationale).toBe(RATIONALE);
}

for (const way of WAYS) {
  test(`typed text in Cue words and Rationale is kept and saved when left by ${way.name}`, async ({ app }) => {
    const page = app.page();
    await startReview(page, 'Ana Reviewer', [A, B]);
    await chooseInList(page, A);

    await typeInto(page, 'Cue words', CUE);
    await way.leave(page, 'Cue words');
    await way.back(page, 'Cue words');
    await expect(field(page, 'Cue words')).toHaveValue(CUE);

    await typeInto(page, 'Rationale', RATIONALE);
    await way.leave(page, 'Rationale');
    await way.back(page, 'Rationale');
    await checkKept(page, app);
    // Claim B got nothing of what was typed for A.
    expect(storedClaim(app.dataDir, B).data.attribution.cue).toBe('');

    await page.reload();
    await chooseInList(page, A);
    await checkKept(page, app);
  });
}

test('a field edit left by closing the article survives a restart of the app', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  await typeInto(page, 'Cue words', CUE);
  await page.keyboard.press('Alt+ArrowDown');
  await typeInto(page, 'Rationale', RATIONALE);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect.poll(() => findStoredClaim(app.dataDir, B)?.data.verification.rationale).toBe(RATIONALE);

  await app.restart();
  const again = app.page();
  await reopenArticle(again);
  await chooseInList(again, A);
  await expect(field(again, 'Cue words')).toHaveValue(CUE);
  await chooseInList(again, B);
  await expect(field(again, 'Rationale')).toHaveValue(RATIONALE);
});

test('text a field refuses is kept in the field, and the reviewer is told, when the claim is left', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  await claimDetail(page).getByText('Traced original source').click();
  await typeInto(page, 'Original URL', 'www.syriahr.com/en');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(selectedQuote(page)).toHaveText(B);
  await expect(page.getByTestId('notice')).toContainText('Original URL of claim 1 was not saved: Enter a web address starting with http:// or https://');

  await page.keyboard.press('Alt+ArrowUp');
  await expect(selectedQuote(page)).toHaveText(A);
  await claimDetail(page).getByText('Traced original source').click();
  await expect(field(page, 'Original URL')).toHaveValue('www.syriahr.com/en');
  await expect(claimDetail(page).getByRole('alert')).toContainText('Enter a web address starting with http:// or https://');
  await field(page, 'Original URL').fill('https://www.syriahr.com/en');
  await field(page, 'Original URL').press('Enter');
  await expect(claimDetail(page).getByRole('alert')).toHaveCount(0);
  await waitSaved(page);
  expect(storedClaim(app.dataDir, A).data.attribution.traced.url).toBe('https://www.syriahr.com/en');
});

test('a comment typed but not posted stays with its claim when the reviewer moves to another', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  await typeInto(page, 'Add a comment', 'Ask the desk in Beirut about the toll.');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(field(page, 'Add a comment')).toHaveValue('');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(field(page, 'Add a comment')).toHaveValue('Ask the desk in Beirut about the toll.');
  await expect(claimDetail(page).getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(0);
  // Ctrl+Enter posts it.
  await field(page, 'Add a comment').press('Control+Enter');
  await expect(claimDetail(page).getByRole('list', { name: 'Comments' })).toContainText('Ask the desk in Beirut about the toll.');
  await expect(field(page, 'Add a comment')).toHaveValue('');
});

test('text typed into a field and not yet left is saved when the page is reloaded at once', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  await waitSaved(page);
  await typeInto(page, 'Rationale', RATIONALE);
  // Unsaved work makes the browser ask before leaving; the reviewer says leave.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect.poll(() => findStoredClaim(app.dataDir, A)?.data.verification.rationale).toBe(RATIONALE);
  await page.reload();
  await chooseInList(page, A);
  await expect(field(page, 'Rationale')).toHaveValue(RATIONALE);
});
