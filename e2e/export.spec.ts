import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';
import { addEvidence, choose, claimDetail, fillField, importFile, markClaim, openLibrary, root, samplePath, selectWords, TITLE } from './helpers';

async function annotate(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name (signs every claim, comment and change)').fill('Ana Reviewer');
  await page.getByLabel('Desk or organisation (author of published reviews)').fill('Verification Desk');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await page.getByRole('link', { name: 'Library' }).click();
  await importFile(page, samplePath);
  await page.getByLabel('URL').fill('https://example.org/tartous-ambush');
  await page.getByLabel('Publisher').fill('Example News');
  await page.getByLabel('Publisher').blur();

  await markClaim(page, 'three unidentified “armed men” lost their lives during the clashes');
  await fillField(page, 'Source name', 'Syrian Observatory for Human Rights');
  await choose(page, 'Source kind', 'NGO or monitor');
  await choose(page, 'Attribution', 'Named');
  await choose(page, 'Verdict', 'Mostly true');
  await choose(page, 'Status', 'Done');
  await addEvidence(page, 'https://www.syriahr.com/en/352000/', 'SOHR: clashes near Tartous', 'Supports');

  await markClaim(page, 'ten additional troops sustained injuries');
  await choose(page, 'Attribution', 'Vague');
  await fillField(page, 'Cue words', 'Reports indicate');
  await choose(page, 'Verdict', 'Unverifiable');
  await addEvidence(page, 'https://www.reuters.com/world/middle-east/', 'Reuters wire', 'Context only');

  await markClaim(page, 'Assad and his family have sought refuge in Russia');
  await choose(page, 'Attribution', 'None');
  await choose(page, 'Verdict', 'True');
  await choose(page, 'Status', 'Done');
  await addEvidence(page, 'https://www.bbc.com/news/world-middle-east', 'Kremlin confirms asylum', 'Supports');
}

async function exportAs(page: Page, format: RegExp, dir: string, options: (dialog: Locator) => Promise<void> = async () => undefined): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel(format).check();
  await options(dialog);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('annotate, export the HTML report from the UI, open it in the browser; ClaimReview (only done claims by default, the missing url explained, then the address from Settings) and CSV', async ({ app }, testInfo) => {
  const page = app.page();
  await page.setViewportSize({ width: 1280, height: 900 });
  await annotate(page);
  const dir = testInfo.outputDir;

  const htmlFile = await exportAs(page, /Report \(HTML\)/, dir);
  expect(path.basename(htmlFile)).toBe('14-are-killed-by-assad-supporters-in-a-conflict-with-syria-s.html');
  const report = await page.context().newPage();
  await report.goto(`file://${htmlFile}`);
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const marks = report.locator('mark.claim');
  await expect(marks.filter({ hasText: 'ten additional troops' })).toBeVisible();
  for (const text of ['Mostly true', 'Unverifiable', 'True', 'Syrian Observatory for Human Rights', 'SOHR: clashes near Tartous', 'Example News']) {
    await expect(report.locator('body')).toContainText(text);
  }
  await expect(report.locator('a[href="https://www.syriahr.com/en/352000/"]').first()).toBeVisible();
  await expect(report.locator('script')).toHaveCount(0);
  if (process.env.CLAIMDESK_README_SCREENSHOT) {
    await report.setViewportSize({ width: 1100, height: 1400 });
    await report.screenshot({ path: path.join(root, 'docs', 'report.png') });
  }
  await report.close();

  // ClaimReview by default: only the claims that are done (the vague claim is still in progress), and no
  // url, since no fact-check page address is set; the dialog says so beside the option.
  const unfinished = (dialog: Locator) => dialog.getByLabel('Include claims that are not done yet (every claim with a verdict)');
  const reviewFile = await exportAs(page, /ClaimReview/, dir, async (dialog) => {
    await expect(unfinished(dialog)).not.toBeChecked();
    await expect(dialog.getByTestId('claimreview-url-note')).toHaveText(/^Each review leaves out its url: the desk has no fact-check page address in Settings/);
  });
  const reviews = JSON.parse(readFileSync(reviewFile, 'utf8')) as Record<string, unknown>[];
  expect(reviews.map((r) => r.claimReviewed)).toEqual(['three unidentified “armed men” lost their lives during the clashes', 'Assad and his family have sought refuge in Russia']);
  const sohr = reviews.find((r) => String(r.claimReviewed).startsWith('three unidentified'))!;
  expect(sohr).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    reviewRating: { '@type': 'Rating', alternateName: 'Mostly true' },
    author: { '@type': 'Organization', name: 'Verification Desk' },
    itemReviewed: { '@type': 'Claim', author: { name: 'Syrian Observatory for Human Rights' }, appearance: [expect.objectContaining({ url: 'https://example.org/tartous-ambush' })] },
  });
  for (const r of reviews) expect(r).not.toHaveProperty('url');
  // Asked for, the unfinished one comes too.
  const allFile = await exportAs(page, /ClaimReview/, dir, (dialog) => unfinished(dialog).check());
  expect((JSON.parse(readFileSync(allFile, 'utf8')) as unknown[]).length).toBe(3);

  // The dialog's link leads to the setting; with an address set, each review has its own url.
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export' }).getByLabel(/ClaimReview/).check();
  await page.getByRole('link', { name: 'fact-check page address' }).click();
  const template = page.getByLabel('Fact-check page address (the url of each published ClaimReview)');
  await template.fill('factcheck.example.org/{article}/{claim}');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a web address starting with http:// or https://, without spaces.');
  await template.fill('https://factcheck.example.org/{article}/{claim}');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await openLibrary(page);
  await page.getByRole('link', { name: TITLE }).click();
  const withUrl = await exportAs(page, /ClaimReview/, dir, async (dialog) => {
    await expect(dialog.getByTestId('claimreview-url-note')).toHaveText("Each review's url: https://factcheck.example.org/{article}/{claim} (the desk's fact-check page address in Settings).");
  });
  for (const r of JSON.parse(readFileSync(withUrl, 'utf8')) as Record<string, unknown>[]) expect(String(r.url)).toMatch(/^https:\/\/factcheck\.example\.org\/[a-z0-9-]+\/[A-Za-z0-9_-]+$/);

  const csvFile = await exportAs(page, /Claims \(CSV\)/, dir);
  const csv = readFileSync(csvFile, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain('ten additional troops sustained injuries');
  expect(lines[1]).toContain('Unverifiable');
  expect(csv).toContain('Syrian Observatory for Human Rights');
});

test('the export dialog is reachable from the keyboard and the PDF is a real PDF', async ({ app }, testInfo) => {
  const page = app.page();
  await importFile(page, samplePath);
  await selectWords(page, 'ten additional troops');
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/Report \(PDF\)/).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = path.join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(claimDetail(page)).toHaveCount(0);
});

test('ClaimReview with no claim to publish says so instead of saving an empty file', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel(/ClaimReview/).check();
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('No claim in this article has a verdict yet, so there is no ClaimReview to publish.');
  await expect(dialog).toBeVisible();
  expect(downloaded).toBe(false);
});

