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

test('R rejects a proposal; after a reload Find claims does not propose it again, and says one was left out', async ({ app }) => {
  const page = app.page();
  await openSample(page);
  await findClaims(page);
  const victim = card(page, 'Former officers are reportedly withholding weapons');
  await victim.focus();
  await page.keyboard.press('r');
  await giveName(page);
  await expect(victim).toHaveCount(0);
  // The focus moves to the next card, so the next key decides the next proposal.
  await expect(proposals(page).locator('[data-proposal-card]:focus')).toHaveCount(1);
  await page.reload();
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  await findClaims(page);
  await expect(page.locator('.proposals-status')).toContainText('1 rejected before, not proposed again');
  await expect(card(page, 'Former officers are reportedly withholding weapons')).toHaveCount(0);
  await page.getByText('Article history').click();
  await expect(page.getByRole('list', { name: 'Article history' })).toContainText('rejected a claim proposed by detection');
});

test('accept all vague: every vague proposal becomes a claim with a vague attribution, flagged as weak sourcing', async ({ app }) => {
  const page = app.page();
  await openSample(page);
  await findClaims(page);
  await page.locator('.proposal-strengths').getByText('Vague').click();
  const vague = await proposals(page).getByRole('group').count();
  expect(vague).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: `Accept all ${vague} vague` }).click();
  await giveName(page);
  await expect(claimList(page).getByRole('option')).toHaveCount(vague);
  await expect(proposals(page).getByRole('group')).toHaveCount(0);
  await expect(claimList(page).locator('.flag-weak')).toHaveCount(vague);
  await waitSaved(page);
  const claims = storedClaims(app.dataDir);
  expect(claims).toHaveLength(vague);
  expect(claims.every((c) => c.data.attribution.kind === 'vague' && c.data.proposal?.strength === 'vague' && c.data.verification.verdict === null)).toBe(true);
  // Weak sourcing is drawn on the text too (a highlight over the claims' words).
  expect(await page.evaluate(() => (CSS.highlights.get('weak-sourcing') as unknown as Set<unknown> | undefined)?.size ?? 0)).toBe(vague);
});

test('Adjust selects the words; a narrower selection marked with the key accepts the proposal with those words', async ({ app }) => {
  const page = app.page();
  await openSample(page);
  await findClaims(page);
  const words = 'security forces subsequently called for reinforcements';
  await card(page, words).focus();
  await page.keyboard.press('e');
  await expect(page.locator('.proposals-adjust')).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(words);
  // The reviewer narrows the selection by a word.
  await page.evaluate((w) => {
    const root = document.querySelector('.ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(w);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 'security forces subsequently called'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(r);
      return;
    }
  }, words);
  await page.waitForTimeout(50);
  await page.keyboard.press('Control+Alt+m');
  await giveName(page);
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText('security forces subsequently called');
  await expect(claimDetail(page).getByLabel('Source name', { exact: true })).toHaveValue('Syrian Observatory for Human Rights');
  await expect(card(page, words)).toHaveCount(0);
});

test('a table of figures and a text that is not English get detection’s notice, and nothing is proposed', async ({ app }) => {
  const page = app.page();
  const table = ['Casualties by district', '', ...Array.from({ length: 25 }, (_, i) => `${2000 + i}\t${i * 37}\t${(i * 11.5).toFixed(1)}\t${i % 7}`)].join('\n');
  await importFile(page, { name: 'figures.txt', mimeType: 'text/plain', buffer: Buffer.from(table) });
  await expect(editor(page).locator('h1')).toHaveText('Casualties by district');
  await findClaims(page);
  await expect(page.locator('.proposals-notice')).toContainText('No sentences were found');
  await expect(proposals(page)).toHaveCount(0);

  await page.getByRole('button', { name: '← Library' }).click();
  const german = [
    'Hinterhalt an der Küste',
    '',
    'Nach Angaben des Innenministeriums wurden am Dienstag vierzehn Soldaten bei einem Hinterhalt in der Nähe der Stadt getötet. Die Behörden verhängten eine nächtliche Ausgangssperre, und viele Menschen blieben zu Hause.',
    '',
    'Berichten zufolge wurden zehn weitere Soldaten verletzt, als sie versuchten, einen ehemaligen Offizier festzunehmen.',
  ].join('\n');
  await importFile(page, { name: 'kueste.txt', mimeType: 'text/plain', buffer: Buffer.from(german) });
  await expect(editor(page).locator('h1')).toHaveText('Hinterhalt an der Küste');
  await findClaims(page);
  await expect(page.locator('.proposals-notice')).toContainText('does not read as English');
  await expect(proposals(page)).toHaveCount(0);
});

test('the palette and Alt+Shift+F find claims; with proposals shown the workbench passes axe', async ({ app }) => {
  const page = app.page();
  await openSample(page);
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('Find claims');
  await page.keyboard.press('Enter');
  await expect(page.locator('.proposals-status')).toContainText('proposed');
  const count = await proposals(page).getByRole('group').count();
  await card(page, SOHR_CLAIM.slice(0, 30)).focus();
  await page.keyboard.press('Delete');
  await giveName(page);
  await expect(proposals(page).getByRole('group')).toHaveCount(count - 1);
  await editor(page).click();
  await page.keyboard.press('Alt+Shift+F');
  await expect(page.locator('.proposals-status')).toContainText('1 rejected before');
  await expect(proposals(page).getByRole('group')).toHaveCount(count - 1);
  await card(page, 'ten additional troops').focus();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('with the desk setting on, an article opened for the first time after import shows its proposals', async ({ app }) => {
  const page = app.page();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Find claims when an article is first opened after import').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await page.getByRole('link', { name: 'Library' }).click();
  await openSample(page);
  await expect(page.locator('.proposals-status')).toContainText('proposed');
  expect(await proposals(page).getByRole('group').count()).toBeGreaterThan(10);
});
