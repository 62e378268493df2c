/**
 * Issue 12: a claim's and an article's history in the app, from the audit trail: who changed what and
 * when, in words; long values clipped with the rest behind a disclosure; older pages on demand.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { claimDetail, startReview, switchReviewer, waitSaved } from './helpers';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';

const claimHistory = (page: Page) => page.getByRole('region', { name: 'History' }).getByRole('list', { name: 'History' }).getByRole('listitem');
const WHEN = String.raw`\d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}`;

/** The inspector keeps a claim's history folded until asked for. */
async function openClaimHistory(page: Page) {
  await claimDetail(page).locator('details.claim-history > summary').click();
}

async function verdict(page: Page, label: string) {
  await page.getByLabel('Verdict', { exact: true }).selectOption({ label });
  await waitSaved(page);
}

async function renameReviewer(page: Page, name: string) {
  await switchReviewer(page, name);
  await openClaimHistory(page);
}

test("a claim's history says who set the verdict from what to what, and when; older changes on demand", async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await waitSaved(page);
  await openClaimHistory(page);
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

test('an article with 5,000 audit events opens its history a page at a time', async ({ app }) => {
  const page = app.page();
  const url = new URL(app.url());
  const call = async (method: string, payload: unknown) => {
    const r = await page.request.post(`${url.origin}/api/${method}`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' }, data: payload });
    const body = (await r.json()) as { ok: boolean; value: unknown };
    expect(body.ok, method).toBe(true);
    return body.value;
  };
  // The sample, exported in full and brought back under a new id with a long trail of verdict changes.
  const { article } = (await call('importSample', {})) as { article: { id: string } };
  const exported = (await call('exportArticle', { id: article.id, format: 'json' })) as { content: string };
  const json = JSON.parse(exported.content) as { article: { id: string; audit: object[] } };
  json.article.id = 'big-audit-article-0001';
  const verdicts = ['Mixed', 'False', 'True'];
  for (let i = 0; i < 5000; i++) {
    json.article.audit.push({ id: `event-${String(i).padStart(6, '0')}`, at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), who: i % 2 ? 'Ana Reviewer' : 'Ben Second', action: 'claim_updated', claimId: 'claim-gone-0001', field: 'verification.verdict', old: verdicts[i % 3], new: verdicts[(i + 1) % 3] });
  }
  await call('importFile', { fileName: 'big.json', dataBase64: Buffer.from(JSON.stringify(json)).toString('base64') });
  await page.goto(`${url.origin}/#/article/big-audit-article-0001`);
  await page.getByText('Article history').click();
  const list = page.getByRole('list', { name: 'Article history' }).getByRole('listitem');
  await expect(list).toHaveCount(50);
  await expect(page.getByText('5,001 changes')).toBeVisible();
  // The newest of them (4 Nov, or with the year outside this one), on a claim no longer in the article.
  await expect(list.first()).toHaveText(/^Deleted claim: Ana Reviewer set the verdict from False to True — \d{1,2} Nov( \d{4})?, \d{2}:\d{2}$/);
  await page.getByRole('button', { name: 'Show older (4,951 more)' }).click();
  await expect(list).toHaveCount(100);
  await page.getByLabel('Person').selectOption('Ben Second');
  await expect(page.getByText('2,500 changes match')).toBeVisible();
  await expect(list).toHaveCount(50);
});
