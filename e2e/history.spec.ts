/**
 * Issue 12: a claim's and an article's history in the app, from the audit trail: who changed what and
 * when, in words; long values clipped with the rest behind a disclosure; older pages on demand.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openLibrary, startReview, TITLE, waitSaved } from './helpers';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';

const claimHistory = (page: Page) => page.getByRole('region', { name: 'History' }).getByRole('list', { name: 'History' }).getByRole('listitem');
const WHEN = String.raw`\d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}`;

async function verdict(page: Page, label: string) {
  await page.getByLabel('Verdict', { exact: true }).selectOption({ label });
  await waitSaved(page);
}

async function renameReviewer(page: Page, name: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name (signs every claim, comment and change)').fill(name);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await openLibrary(page);
  await page.getByTestId('article-row').getByRole('link', { name: TITLE }).click();
  await page.getByRole('list', { name: 'Claim list' }).getByRole('button').first().click();
}

test("a claim's history says who set the verdict from what to what, and when; older changes on demand", async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await waitSaved(page);
  await expect(claimHistory(page).first()).toHaveText(new RegExp(`^Ana Reviewer marked the claim “${A}” — ${WHEN}$`));

  await verdict(page, 'Mixed');
  await verdict(page, 'False');
  await expect(claimHistory(page).first()).toHaveText(new RegExp(`^Ana Reviewer set the verdict from Mixed to False — ${WHEN}$`));
  await expect(claimHistory(page).nth(1)).toHaveText(new RegExp(`^Ana Reviewer set the verdict to Mixed — ${WHEN}$`));
  // The time is the machine-readable moment of the change.
  const at = await claimHistory(page).first().locator('time').getAttribute('datetime');
  expect(Date.now() - Date.parse(at!)).toBeLessThan(5 * 60_000);

  // A long rationale is clipped at a word; the whole of it is behind "Show in full".
  const rationale = 'The interior ministry gave ten injured on Tuesday, but the observatory counted fourteen, and neither says how it counted.';
  const field = page.getByLabel('Rationale', { exact: true });
  await field.fill(rationale);
  await field.press('Tab');
  await waitSaved(page);
  const latest = claimHistory(page).first();
  await expect(latest).toContainText('set the rationale to “The interior ministry gave ten injured on Tuesday, but the observatory counted…”');
  await latest.getByText('Show in full').click();
  await expect(latest.getByRole('definition')).toHaveText(rationale);

  // Another reviewer's change names them.
  await renameReviewer(page, 'Ben Second');
  await verdict(page, 'Mostly false');
  await expect(claimHistory(page).first()).toHaveText(new RegExp(`^Ben Second set the verdict from False to Mostly false — ${WHEN}$`));

  // More than a page: the oldest come with "Show older".
  for (const label of ['Misleading', 'Mixed', 'True', 'Mostly true', 'False']) await verdict(page, label);
  await expect(claimHistory(page)).toHaveCount(8);
  const older = page.getByRole('button', { name: /^Show older \(\d+ more\)$/ });
  await older.click();
  await expect(claimHistory(page).last()).toHaveText(new RegExp(`^Ana Reviewer marked the claim`));
  await expect(older).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the article's history lists imports, text, details, claims and comments, filterable by person", async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await verdict(page, 'Mixed');
  await page.getByLabel('Publisher', { exact: true }).fill('Enab Baladi');
  await page.getByLabel('Publisher', { exact: true }).press('Tab');
  await waitSaved(page);
  await renameReviewer(page, 'Ben Second');
  await page.getByLabel('Add a comment').fill('The toll rose later.');
  await page.getByLabel('Add a comment').press('Control+Enter');
  await waitSaved(page);

  await page.getByText('Article history').click();
  const list = page.getByRole('list', { name: 'Article history' }).getByRole('listitem');
  await expect(list.first()).toHaveText(new RegExp(`^Claim 1: Ben Second commented “The toll rose later.” — ${WHEN}$`));
  await expect(list.last()).toHaveText(new RegExp(`^Unnamed reviewer imported the article from “tartous-ambush.txt” — ${WHEN}$`));
  await expect(list.filter({ hasText: 'set the publisher to “Enab Baladi”' })).toHaveCount(1);

  await page.getByLabel('Person').selectOption('Ben Second');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('Ben Second commented');
  await page.getByLabel('Person').selectOption('Ana Reviewer');
  await page.getByLabel('Changes').selectOption({ label: 'Claims' });
  await expect(list).toHaveText([new RegExp('Ana Reviewer set the verdict to Mixed'), new RegExp('Ana Reviewer marked the claim')]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
