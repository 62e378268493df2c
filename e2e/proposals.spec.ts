/**
 * Issue 13 in the workbench: Find claims proposes claims and their sourcing on the sample article, drawn
 * apart from claims and listed apart; a key accepts one as a real claim with its attribution filled (the
 * history says it was proposed), a key rejects one for good (after a reload too), all of a kind are
 * accepted at once, and a table or a text that is not English gets detection's notice.
 */
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { claimDetail, claimList, editor, importFile, root, samplePath, storedClaim, TITLE, waitSaved, articleFiles } from './helpers';
import { readFileSync } from 'node:fs';
import type { Claim } from '../shared/schema/claim';

const proposals = (page: Page) => page.getByRole('list', { name: 'Proposals' });
const card = (page: Page, words: string) => proposals(page).getByRole('group', { name: new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
const onText = (page: Page) => editor(page).locator('.proposal');
const SOHR_CLAIM = 'three unidentified “armed men” lost their lives during the clashes';

async function openSample(page: Page) {
  await importFile(page, samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
}

async function findClaims(page: Page) {
  await page.getByRole('button', { name: /^Find (claims|again)$/ }).click();
  await expect(page.locator('.proposals-status')).toContainText(/proposed|Nothing new/);
}

async function giveName(page: Page, name = 'Ana Reviewer') {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
}

const storedClaims = (dataDir: string): Claim[] =>
  (JSON.parse(readFileSync(path.join(dataDir, 'articles', articleFiles(dataDir)[0]!), 'utf8')) as { article: { claims: Claim[] } }).article.claims;

test('Find claims draws proposals on the text and lists them; A accepts one as a claim with its sourcing, and the history says it was proposed', async ({ app }) => {
  const page = app.page();
  await openSample(page);
  await findClaims(page);
  const count = await proposals(page).getByRole('group').count();
  expect(count).toBeGreaterThan(10);
  await expect(page.getByRole('heading', { name: `Proposals (${count})` })).toBeVisible();
  expect(await onText(page).count()).toBeGreaterThanOrEqual(count);
  // Drawn apart from claims: no claim highlight yet, and weak ones say so on the text.
  await expect(claimList(page).getByRole('option')).toHaveCount(0);
  await expect(editor(page).locator('.proposal-weak').first()).toHaveAttribute('title', /Weak sourcing: (vague|no) attribution/);

  const sohr = card(page, SOHR_CLAIM.slice(0, 30));
  await expect(sohr).toContainText('Syrian Observatory for Human Rights');
  await expect(sohr).toContainText('Named');
  await sohr.focus();
  await page.keyboard.press('a');
  await giveName(page);
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(SOHR_CLAIM);
  await expect(claimDetail(page).getByLabel('Source name', { exact: true })).toHaveValue('Syrian Observatory for Human Rights');
  await expect(claimDetail(page).getByLabel('Source kind', { exact: true })).toHaveValue('ngo_monitor');
  await expect(claimDetail(page).getByLabel('Attribution', { exact: true })).toHaveValue('named');
  await expect(claimDetail(page).getByLabel('Cue words', { exact: true })).toHaveValue('reported');
  await expect(card(page, SOHR_CLAIM.slice(0, 30))).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `Proposals (${count - 1})` })).toBeVisible();
  await waitSaved(page);
  const stored = storedClaim(app.dataDir, SOHR_CLAIM);
  expect(stored.data.proposal).toMatchObject({ strength: 'named', acceptedBy: 'Ana Reviewer' });
  expect(stored.data.verification.verdict).toBeNull();
  await claimDetail(page).locator('details.claim-history > summary').click();
  await expect(claimDetail(page).locator('details.claim-history')).toContainText(/Ana Reviewer\s*accepted a claim proposed by detection/);
});
