import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
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

/**
 * A PDF's dictionaries as text: the file itself plus every FlateDecode stream inflated, since Chromium may
 * put the catalog and the structure tree in compressed object streams.
 */
function pdfObjects(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const parts = [raw];
  const streamStart = /\/FlateDecode[^]*?>>\s*stream\r?\n/g;
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    // Page content streams and fonts inflate too; only the dictionaries matter here, so a stream that is
    // not zlib data (none is expected) is kept out rather than failing the whole read.
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      parts.push('');
    }
    streamStart.lastIndex = end;
  }
  return parts.join('\n');
}

/** A PDF string as text: a literal "(...)" with its escapes, or "<FEFF...>" UTF-16BE hex. */
function pdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1);
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1');
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
  // Cut at the last whole word within 60 characters; "Syria’s" is one word.
  expect(path.basename(htmlFile)).toBe('14-are-killed-by-assad-supporters-in-a-conflict-with-syrias.html');
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
  // For a look: the report's first screen at the two sizes the workbench is checked at.
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await report.setViewportSize({ width, height });
    await report.screenshot({ path: testInfo.outputPath(`report-${width}x${height}.png`) });
  }
  if (process.env.CLAIMDESK_README_SCREENSHOT) {
    await report.setViewportSize({ width: 1100, height: 1400 });
    await report.screenshot({ path: path.join(root, 'docs', 'report.png') });
  }
  // The summary says how many claims are done, not that every marked claim is checked.
  await expect(report.locator('#summary p.lead')).toHaveText('3 claims marked, 2 checked (done), 1 not done yet.');
  await expect(report.locator('.kicker')).toHaveText('Verification Desk · Fact-check report');

  // Copying a paragraph gives the article's words, without the claim numbers shown before the claims;
  // the numbers are still shown, and a screen reader still gets each as a link named "Claim N".
  const paragraph = report.locator('#article-text p', { hasText: 'ten additional troops' });
  const copied = await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  expect(copied).toBe('Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday in proximity to the Mediterranean port of Tartous, a key stronghold for Assad’s minority Alawite Muslim sect.');
  expect(copied).not.toMatch(/\d(?=ten)/);
  // "ten additional troops" is the first claim in the text.
  const ref = paragraph.getByRole('link', { name: 'Claim 1', exact: true });
  await expect(ref).toBeVisible();
  expect(await ref.evaluate((a) => getComputedStyle(a, '::before').content)).toBe('"1"');
  await ref.click();
  await expect(report.locator('#claim-1')).toBeInViewport();
  // The whole article text copies clean too: no digit glued to the start of a claim's words.
  const all = await report.locator('#article-text .article-body').evaluate((body) => {
    const range = document.createRange();
    range.selectNodeContents(body);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  for (const words of ['three unidentified “armed men”', 'ten additional troops', 'Assad and his family']) expect(all).toMatch(new RegExp(`[^\\d]${words}`));
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

test('the export dialog is reachable from the keyboard and the PDF is a real, tagged PDF with a title, a language and an outline', async ({ app }, testInfo) => {
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
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(claimDetail(page)).toHaveCount(0);

  // Tagged: a structure tree with the report's headings, paragraphs and tables, marked content, the
  // document's language and title (from <html lang> and <title>), and the headings as an outline.
  const pdf = pdfObjects(bytes);
  expect(/\/StructTreeRoot\s+\d+\s+0\s+R/.test(pdf), 'a structure tree').toBe(true);
  expect(/\/MarkInfo\s*<<[^>]*\/Marked\s+true/.test(pdf), 'marked content').toBe(true);
  for (const tag of ['H1', 'H2', 'P', 'Table']) expect(new RegExp(`/S\\s*/${tag}\\b`).test(pdf), `structure element /${tag}`).toBe(true);
  expect(/\/Lang\s*\(en\)/.test(pdf), 'the language').toBe(true);
  const PDF_STRING = /\/Title\s*(<[0-9A-Fa-f]+>|\((?:\\.|[^\\)])*\))/;
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(pdf);
  expect(info, 'a document information dictionary').not.toBeNull();
  const infoObject = new RegExp(`(?:^|\\s)${info![1]}\\s+0\\s+obj([^]*?)endobj`).exec(pdf);
  expect(pdfString(PDF_STRING.exec(infoObject?.[1] ?? '')?.[1] ?? '()')).toBe(`${TITLE} — Fact-check report`);
  expect(/\/Outlines\s+\d+\s+0\s+R/.test(pdf), 'an outline').toBe(true);
  const titles = [...pdf.matchAll(new RegExp(PDF_STRING, 'g'))].map((m) => pdfString(m[1]!));
  // Bookmarks read as the headings' words: a heading that wraps keeps the space at the wrap, h2 is not
  // upper-cased, and the headline (which wraps on A4) is whole.
  expect(titles).toEqual(expect.arrayContaining(['Summary', 'Article text', 'Findings', TITLE]));
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

