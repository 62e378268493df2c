import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { addEvidence, choose, claimDetail, claimList, clickWords, editor, fillField, highlightedTexts, importFile, markClaim, samplePath, selectWords, TITLE, waitSaved } from './helpers';

const NAMED = 'three unidentified “armed men” lost their lives during the clashes';
const VAGUE = 'ten additional troops sustained injuries during the clashes on Tuesday';
const UNATTRIBUTED = 'Assad and his family have sought refuge in Russia';

test('mark three claims, record attribution, verification and comments; edits, orphaning, undo, reload and restart keep them', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await expect(editor(page).locator('h1')).toHaveText(TITLE);

  // First claim: the reviewer's name is asked once, then the claim is made.
  await selectWords(page, NAMED);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await page.getByLabel('Your name').fill('Ana Reviewer');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText(NAMED);
  await expect(claimDetail(page)).toContainText('Marked by Ana Reviewer');

  await fillField(page, 'Source name', 'Syrian Observatory for Human Rights');
  await choose(page, 'Source kind', 'NGO or monitor');
  await choose(page, 'Attribution', 'Named');
  await fillField(page, 'Cue words', 'reported');
  await claimDetail(page).getByText('Traced original source').click();
  await fillField(page, 'Original URL', 'ftp://not-a-web-address');
  await expect(claimDetail(page).getByRole('alert')).toContainText('Enter a web address starting with http:// or https://');
  await fillField(page, 'Original URL', 'https://www.syriahr.com/en/');
  await expect(claimDetail(page).getByRole('alert')).toHaveCount(0);
  // Not done without a verdict.
  await choose(page, 'Status', 'Done');
  await expect(claimDetail(page).getByRole('alert')).toContainText('cannot be done without a verdict');
  // The verdict is asked for there and then; choosing it completes Done.
  await claimDetail(page).getByRole('group', { name: 'Choose a verdict' }).getByRole('button', { name: 'Mostly true', exact: true }).click();
  await expect(claimDetail(page).getByLabel('Status', { exact: true })).toHaveValue('done');
  await expect(claimDetail(page).getByLabel('Verdict', { exact: true })).toHaveValue('Mostly true');
  await expect(claimDetail(page).getByRole('alert')).toHaveCount(0);
  await choose(page, 'Confidence', 'Medium');
  await fillField(page, 'Rationale', 'SOHR reported three gunmen killed; no independent count.');
  await addEvidence(page, 'https://www.syriahr.com/en/352000/', 'SOHR: clashes near Tartous', 'Supports');
  await claimDetail(page).getByLabel('Add a comment').fill('Check the SOHR Arabic page for the later toll.');
  await claimDetail(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(claimDetail(page).getByRole('list', { name: 'Comments' })).toContainText('Check the SOHR Arabic page');
  await expect(claimDetail(page).getByRole('list', { name: 'Comments' })).toContainText('Ana Reviewer');

  // Second claim: vague attribution ("Reports indicate").
  await markClaim(page, VAGUE);
  await choose(page, 'Attribution', 'Vague');
  await fillField(page, 'Cue words', 'Reports indicate');
  await choose(page, 'Verdict', 'Unverifiable');
  await choose(page, 'Status', 'In progress');
  await addEvidence(page, 'https://www.reuters.com/world/middle-east/', 'Reuters wire, 26 Dec', 'Context only');

  // Third claim: no attribution at all.
  await markClaim(page, UNATTRIBUTED);
  await choose(page, 'Attribution', 'None');
  await choose(page, 'Verdict', 'True');
  await page.keyboard.press('Alt+4'); // status: done, from the keyboard
  await expect(claimDetail(page).getByLabel('Status', { exact: true })).toHaveValue('done');
  await addEvidence(page, 'https://www.bbc.com/news/world-middle-east', 'Kremlin confirms asylum', 'Supports');

  const list = claimList(page);
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(page.getByTestId('claims-progress')).toHaveText('2 of 3 done');
  await page.getByLabel('Weak sourcing').check();
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.getByLabel('Weak sourcing').uncheck();
  // The editor draws each claim over exactly its words.
  await expect.poll(() => highlightedTexts(page)).toEqual([NAMED, VAGUE, UNATTRIBUTED].sort());

  await waitSaved(page);
  await page.reload();
  await expect(claimList(page).getByRole('option')).toHaveCount(3);
  await claimList(page).getByRole('option', { name: /three unidentified/ }).click();
  await expect(claimDetail(page).getByLabel('Source name', { exact: true })).toHaveValue('Syrian Observatory for Human Rights');
  await expect(claimDetail(page).getByLabel('Verdict', { exact: true })).toHaveValue('Mostly true');
  await expect(claimDetail(page).getByRole('list', { name: 'Evidence' })).toContainText('SOHR: clashes near Tartous');
  await expect(claimDetail(page).getByRole('list', { name: 'Comments' })).toContainText('Check the SOHR Arabic page');
  // Selecting a claim in the list selects and highlights its words.
  await expect.poll(() => highlightedTexts(page, true)).toEqual([NAMED]);
  await expect.poll(() => highlightedTexts(page)).toEqual([NAMED, VAGUE, UNATTRIBUTED].sort());

  // Type inside the vague claim: it stays on its words, which now include the typed ones.
  await selectWords(page, 'additional');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('more ');
  // Delete all the words of the unattributed claim: it becomes orphaned, not lost.
  await selectWords(page, UNATTRIBUTED);
  await page.keyboard.press('Backspace');
  await expect(claimList(page).getByRole('option', { name: /Orphaned/ })).toContainText(UNATTRIBUTED);
  await expect(claimList(page).getByRole('option', { name: /ten more additional troops/ })).toBeVisible();
  await expect.poll(() => highlightedTexts(page)).toEqual([NAMED, VAGUE.replace('ten ', 'ten more ')].sort());
  // Undo brings the words, and the claim on them, back.
  await page.keyboard.press('Control+z');
  await expect(claimList(page).getByRole('option', { name: /Orphaned/ })).toHaveCount(0);
  await expect(claimList(page).getByRole('option', { name: new RegExp(UNATTRIBUTED) })).toBeVisible();
  await expect(claimList(page).getByRole('option', { name: /ten more additional troops/ })).toBeVisible();
  await expect.poll(() => highlightedTexts(page)).toEqual([NAMED, VAGUE.replace('ten ', 'ten more '), UNATTRIBUTED].sort());

  await waitSaved(page);
  await app.restart();
  const p2 = app.page();
  await p2.getByTestId('article-row').getByRole('link').click();
  await expect(claimList(p2).getByRole('option')).toHaveCount(3);
  await expect(claimList(p2).getByRole('option', { name: /ten more additional troops sustained injuries during the clashes on Tuesday/ })).toBeVisible();
  await expect.poll(() => highlightedTexts(p2)).toEqual([NAMED, VAGUE.replace('ten ', 'ten more '), UNATTRIBUTED].sort());
  await claimList(p2).getByRole('option', { name: new RegExp(UNATTRIBUTED) }).click();
  await expect(claimDetail(p2).getByLabel('Verdict', { exact: true })).toHaveValue('True');
  await expect(claimDetail(p2).getByRole('list', { name: 'Evidence' })).toContainText('Kremlin confirms asylum');
});

test('claims can overlap and nest; a click on the words selects the inner claim; delete has undo', async ({ app }) => {
  const page = app.page();
  await importFile(page, samplePath);
  await selectWords(page, 'Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday');
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await page.getByLabel('Your name').fill('Ben');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText('Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday');
  await markClaim(page, 'ten additional troops');
  await markClaim(page, 'on Tuesday in proximity to the Mediterranean port of Tartous');
  await expect(claimList(page).getByRole('option')).toHaveCount(3);
  const OUTER = 'Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday';
  const INNER = 'ten additional troops';
  const AFTER = 'on Tuesday in proximity to the Mediterranean port of Tartous';
  await expect.poll(() => highlightedTexts(page)).toEqual([OUTER, AFTER, INNER].sort());

  // Edits in the paragraph the three claims share: each claim's highlight follows its words.
  await selectWords(page, 'Reports indicate');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('Now: ');
  await selectWords(page, 'additional');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' wounded');
  const typed = (t: string) => t.replace('additional', 'additional wounded');
  await expect.poll(() => highlightedTexts(page)).toEqual([typed(OUTER), AFTER, typed(INNER)].sort());
  await selectWords(page, 'in proximity to the');
  await page.keyboard.press('Backspace');
  await expect.poll(() => highlightedTexts(page)).toEqual([typed(OUTER), 'on Tuesday  Mediterranean port of Tartous', typed(INNER)].sort());
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(editor(page)).toContainText('that ten additional troops');
  await expect.poll(() => highlightedTexts(page)).toEqual([OUTER, AFTER, INNER].sort());

  await clickWords(page, 'additional');
  await expect(claimDetail(page).locator('.claim-quote')).toHaveText('ten additional troops');

  await page.keyboard.press('Control+Shift+Backspace');
  await expect(claimList(page).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(claimList(page).getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(claimList(page).locator('[aria-selected="true"]')).toHaveCount(1);
});

test('the rating scale is a desk setting, and the source directory keeps names, aliases and kinds across articles', async ({ app }) => {
  const page = app.page();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name (signs every claim, comment and change)').fill('Chloé');
  await page.getByLabel('Rating scale, best to worst, one verdict per line').fill('Correct\nCorrect\nWrong');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Each verdict on the rating scale must be different');
  await page.getByLabel('Rating scale, best to worst, one verdict per line').fill('Correct\nPartly correct\nWrong\nCannot say');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');

  await page.getByRole('link', { name: 'Library' }).click();
  await importFile(page, samplePath);
  await markClaim(page, NAMED);
  await expect(claimDetail(page).getByLabel('Verdict', { exact: true }).locator('option')).toHaveText(['— no verdict yet —', 'Correct', 'Partly correct', 'Wrong', 'Cannot say']);
  await fillField(page, 'Source name', 'Syrian Observatory for Human Rights');
  await choose(page, 'Source kind', 'NGO or monitor');
  await waitSaved(page);

  await page.getByRole('link', { name: 'Settings' }).click();
  const sources = page.getByRole('table', { name: 'Sources' });
  await expect(sources.getByLabel('Name of Syrian Observatory for Human Rights')).toHaveValue('Syrian Observatory for Human Rights');
  await expect(sources.getByLabel('Kind of Syrian Observatory for Human Rights')).toHaveValue('ngo_monitor');
  await sources.getByLabel('Aliases of Syrian Observatory for Human Rights').fill('SOHR, the Observatory');
  await sources.getByLabel('Aliases of Syrian Observatory for Human Rights').blur();
  // The aliases are in the desk file before the next claim asks the directory (no blind wait).
  const deskSources = () => (JSON.parse(readFileSync(path.join(app.dataDir, 'desk.json'), 'utf8')) as { desk: { sources: { name: string; aliases: string[] }[] } }).desk.sources;
  await expect.poll(() => deskSources().find((s) => s.name === 'Syrian Observatory for Human Rights')?.aliases).toEqual(['SOHR', 'the Observatory']);

  // Another claim naming the source by its alias gets the directory's name and kind.
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('article-row').getByRole('link').click();
  await markClaim(page, 'security forces subsequently called for reinforcements');
  await fillField(page, 'Source name', 'SOHR');
  await expect(claimDetail(page).getByLabel('Source name', { exact: true })).toHaveValue('Syrian Observatory for Human Rights');
  await expect(claimDetail(page).getByLabel('Source kind', { exact: true })).toHaveValue('ngo_monitor');
});
