import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, launchBrowserApp } from './fixtures';
import { choose, claimDetail, claimList, exportBundle, importFile, markClaim, openLibrary, samplePath, waitSaved } from './helpers';

const NAMED = 'three unidentified “armed men” lost their lives during the clashes';
const VAGUE = 'ten additional troops sustained injuries during the clashes on Tuesday';
const BENS = 'security forces subsequently called for reinforcements';

async function setName(page: Page, name: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name (signs every claim, comment and change)').fill(name);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await page.getByRole('link', { name: 'Library' }).click();
}

async function selectClaim(page: Page, words: string) {
  await claimList(page).getByRole('option', { name: new RegExp(words.slice(0, 30)) }).click();
}

test('two reviewers hand a review back and forth: add, merge, conflict shown and decided, nothing lost, twice is a no-op', async ({ app, browser }, testInfo) => {
  const dir = testInfo.outputDir;
  const ana = app.page();
  await setName(ana, 'Ana');
  await importFile(ana, samplePath);
  await markClaim(ana, NAMED);
  await choose(ana, 'Verdict', 'Mostly true');
  await markClaim(ana, VAGUE);
  await choose(ana, 'Verdict', 'Unverifiable');
  await waitSaved(ana);
  const fromAna = await exportBundle(ana, dir, 'from-ana.claimdesk-review');

  // Ben, on another desk (own data directory, own server).
  const benDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-ben-'));
  const benContext = await browser.newContext();
  const benApp = await launchBrowserApp(benContext, benDir);
  try {
    const ben = benApp.page();
    await setName(ben, 'Ben');
    await importFile(ben, fromAna);
    await expect(ben.getByRole('status').first()).toContainText("Opened Ana's review");
    await expect(claimList(ben).getByRole('option')).toHaveCount(2);
    await selectClaim(ben, VAGUE);
    await choose(ben, 'Verdict', 'Mostly false');
    await markClaim(ben, BENS);
    await selectClaim(ben, NAMED);
    await claimDetail(ben).getByLabel('Add a comment').fill('SOHR later raised the toll; check the Arabic page.');
    await claimDetail(ben).getByRole('button', { name: 'Post comment' }).click();
    await waitSaved(ben);
    const fromBen = await exportBundle(ben, dir, 'from-ben.claimdesk-review');

    // Ana gives the same claim a different verdict, then opens Ben's bundle.
    await selectClaim(ana, VAGUE);
    await choose(ana, 'Verdict', 'False');
    await waitSaved(ana);
    await openLibrary(ana);
    await importFile(ana, fromBen);
    await expect(ana.getByRole('status').first()).toContainText("Merged Ben's review");
    const handoff = ana.getByRole('region', { name: 'Review handoff' });
    await expect(handoff.getByTestId('handoff-conflicts')).toContainText('1 conflict to decide');
    await expect(handoff.getByTestId('agreement')).toContainText('Agreement with Ben: 1 of 2 verdicts equal (50%)');
    // The conflict is flagged on its claim's row, and only there.
    await expect(claimList(ana).getByRole('option').filter({ hasText: 'Conflict' })).toHaveCount(1);
    await expect(claimList(ana).getByRole('option', { name: new RegExp(VAGUE.slice(0, 30)) })).toContainText('Conflict');
    // Both reviewers' claims and comments are here.
    await expect(claimList(ana).getByRole('option')).toHaveCount(3);
    await selectClaim(ana, NAMED);
    await expect(claimDetail(ana).getByRole('list', { name: 'Conflicts' })).toHaveCount(0);
    await expect(claimDetail(ana).getByRole('list', { name: 'Comments' })).toContainText('SOHR later raised the toll');

    // The conflict is decided in the claim's inspector: both sides side by side, Ana chooses Ben's verdict.
    await selectClaim(ana, VAGUE);
    const conflict = claimDetail(ana).getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Verdict');
    await expect(conflict).toContainText('False');
    await expect(conflict).toContainText('Mostly false');
    await conflict.getByRole('button', { name: /Take Ben's/ }).click();
    await expect(handoff.getByTestId('handoff-conflicts')).toHaveCount(0);
    await expect(claimList(ana).getByRole('option').filter({ hasText: 'Conflict' })).toHaveCount(0);
    await selectClaim(ana, VAGUE);
    await expect(claimDetail(ana).getByLabel('Verdict', { exact: true })).toHaveValue('Mostly false');

    // Opening Ben's bundle again changes nothing.
    await openLibrary(ana);
    await importFile(ana, fromBen);
    await expect(ana.getByRole('status').first()).toContainText('already opened here; nothing changed');
    await expect(claimList(ana).getByRole('option')).toHaveCount(3);

    // The report lists both reviewers.
    await ana.getByRole('button', { name: 'Export…' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel(/Report \(HTML\)/).check();
    const [download] = await Promise.all([ana.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const report = path.join(dir, 'report.html');
    await download.saveAs(report);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/Reviewers[\s\S]{0,400}Ana[\s\S]{0,200}Ben|Reviewers[\s\S]{0,400}Ben[\s\S]{0,200}Ana/);
  } finally {
    await benApp.stop();
    await benContext.close();
    rmSync(benDir, { recursive: true, force: true });
  }
});

test('a second review is signed off only by a different reviewer, and shows in the app', async ({ app }) => {
  const page = app.page();
  await setName(page, 'Ana');
  await importFile(page, samplePath);
  await markClaim(page, VAGUE);
  await choose(page, 'Verdict', 'Unverifiable');
  await choose(page, 'Status', 'Needs second review');
  await expect(claimDetail(page).getByTestId('second-review')).toContainText('asked for by Ana');
  await expect(claimDetail(page).getByRole('button', { name: /Sign off/ })).toHaveCount(0);
  await waitSaved(page);

  await setName(page, 'Ben');
  await page.getByTestId('article-row').getByRole('link').click();
  await selectClaim(page, VAGUE);
  await claimDetail(page).getByRole('button', { name: 'Sign off as Ben' }).click();
  await expect(claimDetail(page).getByLabel('Status', { exact: true })).toHaveValue('done');
  await expect(claimDetail(page).getByTestId('second-review')).toContainText('signed off by Ben');
  await waitSaved(page);
  await page.reload();
  await selectClaim(page, VAGUE);
  await expect(claimDetail(page).getByTestId('second-review')).toContainText('signed off by Ben');
});

test('bad bundles get a clear message and leave the library as it was', async ({ app }, testInfo) => {
  const page = app.page();
  await importFile(page, samplePath);
  await expect(page.getByTestId('save-state')).toBeVisible();
  await openLibrary(page);
  const bad = path.join(testInfo.outputDir, 'broken.claimdesk-review');
  (await import('node:fs')).mkdirSync(testInfo.outputDir, { recursive: true });
  (await import('node:fs')).writeFileSync(bad, '{"format":"claimdesk-review-bundle","bundleVersion":3,"schemaVersion":99}');
  await importFile(page, bad);
  await expect(page.getByRole('alert')).toContainText('made by a newer version of Claimdesk');
  await expect(page.getByTestId('article-row')).toHaveCount(1);
});
