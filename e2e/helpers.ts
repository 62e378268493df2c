import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { Claim } from '../shared/schema/claim';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const samplePath = path.join(root, 'data', 'tartous-ambush.txt');
export const fixture = (name: string) => path.join(root, 'data', 'fixtures', name);

export const TITLE = '14 are killed by Assad supporters in a conflict with Syria’s new government';

/** Imports a file through the library's file picker. */
export async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel(/^Import file/).setInputFiles(file);
}

export function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Article text', exact: true });
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

/** Export > Review bundle, saved as `dir/name` once what is on screen is saved: the file a teammate opens. */
export async function exportBundle(page: Page, dir: string, name: string): Promise<string> {
  await waitSaved(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel(/Review bundle for a teammate/).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.claimdesk-review$/);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return file;
}

/** The reviewer's name set through the API, then the page reloaded to show it: a second desk's start. */
export async function setReviewerByApi(page: Page, reviewerName: string) {
  await page.evaluate((name) => fetch('/api/updateSettings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ settings: { reviewerName: name } }) }), reviewerName);
  await page.reload();
}

/** The article files in a data directory: what "the store is unchanged" is checked against. */
export function articleFiles(dataDir: string): string[] {
  return readdirSync(path.join(dataDir, 'articles'))
    .filter((n) => n.endsWith('.json'))
    .sort();
}

export async function openLibrary(page: Page) {
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
}

/** Selects the first occurrence of `words` in the editor, as a person dragging over them would. */
export async function selectWords(page: Page, words: string) {
  await expect(editor(page)).toContainText(words.replace(/\s+/g, ' ').slice(0, 20));
  const found = await page.evaluate((needle) => {
    const root = document.querySelector('.ProseMirror');
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      text += (n as Text).data;
    }
    const start = text.indexOf(needle);
    if (start < 0) return false;
    const locate = (offset: number, preferEnd: boolean): [Text, number] => {
      let acc = 0;
      for (const node of nodes) {
        const len = node.data.length;
        if (offset < acc + len || (preferEnd && offset === acc + len)) return [node, offset - acc];
        acc += len;
      }
      const last = nodes[nodes.length - 1]!;
      return [last, last.data.length];
    };
    const [sNode, sOff] = locate(start, false);
    const [eNode, eOff] = locate(start + needle.length, true);
    (root as HTMLElement).focus();
    const range = document.createRange();
    range.setStart(sNode, sOff);
    range.setEnd(eNode, eOff);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, words);
  expect(found, `"${words}" is in the editor`).toBe(true);
  // Let ProseMirror read the DOM selection.
  await page.waitForTimeout(50);
}

/**
 * What the editor draws as claims (CSS Custom Highlight API, no elements): the text under each
 * claim highlight, sorted; with `selected`, only the selected claim's.
 */
export async function highlightedTexts(page: Page, selected = false): Promise<string[]> {
  return page.evaluate((onlySelected) => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('claim-') || (name === 'claim-selected') !== onlySelected) return;
      highlight.forEach((range) => texts.push(range.toString()));
    });
    return texts.sort();
  }, selected);
}

/** Clicks in the middle of the `nth` occurrence of `words` in the editor's text. */
export async function clickWords(page: Page, words: string, nth = 0) {
  const box = await page.evaluate(
    ([needle, n]) => {
      const root = document.querySelector('.ProseMirror');
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        for (let i = t.data.indexOf(needle); i >= 0; i = t.data.indexOf(needle, i + 1)) {
          if (seen++ < n) continue;
          const range = document.createRange();
          range.setStart(t, i);
          range.setEnd(t, i + needle.length);
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return null;
    },
    [words, nth] as const,
  );
  expect(box, `"${words}" is in the editor`).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
}

export function claimList(page: Page) {
  return page.getByRole('listbox', { name: 'Claim list' });
}

export function claimDetail(page: Page) {
  return page.locator('.claim-detail');
}

/** Commits a claim text field the way a person does: type, then leave the field. */
export async function fillField(page: Page, label: string, value: string) {
  const field = claimDetail(page).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

export async function choose(page: Page, label: string, option: string) {
  await claimDetail(page).getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** Adds an evidence item to the selected claim through its form. */
export async function addEvidence(page: Page, url: string, title: string, stance: string) {
  await claimDetail(page).getByRole('button', { name: 'Add evidence' }).click();
  const draft = claimDetail(page).getByRole('group', { name: 'New evidence' });
  await draft.getByLabel('Evidence URL').fill(url);
  await draft.getByLabel('Evidence title').fill(title);
  await draft.getByLabel('Stance').selectOption({ label: stance });
  await draft.getByLabel('Evidence title').press('Tab');
  await claimDetail(page).getByRole('button', { name: 'Save evidence' }).click();
  await expect(claimDetail(page).getByRole('list', { name: 'Evidence' })).toContainText(title);
}

/** Marks the given words as a claim (the reviewer's name must already be set). */
export async function markClaim(page: Page, words: string) {
  await selectWords(page, words);
  await page.keyboard.press('Control+Alt+m');
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(words);
}


/**
 * The stored claim on `words` in the data directory's one article, or undefined while it is not on disk yet.
 * For expect.poll, which fails at once, without retrying, when its callback throws.
 */
export function findStoredClaim(dataDir: string, words: string): Claim | undefined {
  const [file] = articleFiles(dataDir);
  if (file === undefined) return undefined;
  const stored = JSON.parse(readFileSync(path.join(dataDir, 'articles', file), 'utf8')) as { article: { claims: Claim[] } };
  return stored.article.claims.find((c) => c.target.quote.exact === words);
}

/** The stored claim on `words` in the data directory's one article, read from its file; it must be there. */
export function storedClaim(dataDir: string, words: string): Claim {
  expect(articleFiles(dataDir)[0], 'the data directory holds an article').toBeDefined();
  const claim = findStoredClaim(dataDir, words);
  expect(claim, `a stored claim on "${words}"`).toBeDefined();
  return claim!;
}

/** Imports the sample and marks `claims` in order, giving the reviewer's name when asked; the last stays selected. */
export async function startReview(page: Page, reviewer: string, claims: string[]) {
  await importFile(page, samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);
  const [first, ...rest] = claims;
  await selectWords(page, first!);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await page.getByLabel('Your name').fill(reviewer);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(first!);
  for (const words of rest) await markClaim(page, words);
}

/** Selects the claim on `words` from the claim list, as a click on its row. */
export async function chooseInList(page: Page, words: string) {
  await claimList(page).getByRole('option', { name: new RegExp(words.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(words);
}

export function selectedQuote(page: Page) {
  return claimDetail(page).locator('.claim-quote');
}

/** Another reviewer takes over: the name is changed in Settings, then the sample's first claim is opened again. */
export async function switchReviewer(page: Page, name: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name (signs every claim, comment and change)').fill(name);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await openLibrary(page);
  await page.getByTestId('article-row').getByRole('link', { name: TITLE }).click();
  await claimList(page).getByRole('option').first().click();
}
