/**
 * Issue 12: a reviewer edits and deletes their own comments and replies to anyone's, all saved and
 * audited; another reviewer's comment has no Edit or Delete; bad input changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { articleFiles, chooseInList, startReview, switchReviewer, waitSaved } from './helpers';
import type { AuditEvent } from '../shared/schema/audit';
import type { Claim } from '../shared/schema/claim';

const A = 'ten additional troops sustained injuries during the clashes on Tuesday';

const comments = (page: Page) => page.getByRole('list', { name: 'Comments' });
const commentItem = (page: Page, text: string) => comments(page).getByRole('listitem').filter({ hasText: text }).last();

type Stored = { article: { id: string; claims: Claim[]; audit: AuditEvent[] } };
const stored = (dataDir: string): Stored['article'] => {
  const [file] = articleFiles(dataDir);
  return (JSON.parse(readFileSync(path.join(dataDir, 'articles', file!), 'utf8')) as Stored).article;
};
const storedComments = (dataDir: string) => stored(dataDir).claims[0]?.data.comments ?? [];

async function renameReviewer(page: Page, name: string) {
  await switchReviewer(page, name);
  await expect(comments(page)).toBeVisible();
}

async function post(page: Page, text: string) {
  await page.getByLabel('Add a comment').fill(text);
  await page.getByLabel('Add a comment').press('Control+Enter');
  await expect(commentItem(page, text)).toBeVisible();
}

/** The API as a script calls it: the launch's token as a bearer. */
async function call(request: APIRequestContext, appUrl: string, method: string, payload: unknown) {
  const url = new URL(appUrl);
  return request.post(`${url.origin}/api/${method}`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' }, data: payload });
}

test('edit and delete your own comments, reply to anyone; others cannot edit yours; every step audited', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await post(page, 'Check the ministry figure.');
  await waitSaved(page);

  // Edit in place: Escape cancels and gives focus back to Edit; Ctrl+Enter saves.
  const mine = commentItem(page, 'Check the ministry figure.');
  await mine.getByRole('button', { name: 'Edit' }).click();
  const box = page.getByLabel('Edit your comment');
  await expect(box).toBeFocused();
  await box.fill('Changed my mind');
  await box.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(mine.getByRole('button', { name: 'Edit' })).toBeFocused();
  await expect(mine).toContainText('Check the ministry figure.');
  await page.keyboard.press('Enter');
  await page.getByLabel('Edit your comment').fill('Check the ministry figure against SOHR.');
  await page.getByLabel('Edit your comment').press('Control+Enter');
  const edited = commentItem(page, 'Check the ministry figure against SOHR.');
  await expect(edited).toContainText('edited');
  await waitSaved(page);
  expect(storedComments(app.dataDir)).toEqual([expect.objectContaining({ author: 'Ana Reviewer', text: 'Check the ministry figure against SOHR.', editedAt: expect.any(String) })]);

  // Another reviewer: Ana's comment has Reply but no Edit or Delete.
  await renameReviewer(page, 'Ben Second');
  const anas = commentItem(page, 'Check the ministry figure against SOHR.');
  await expect(anas.getByRole('button', { name: 'Reply' })).toBeVisible();
  await expect(anas.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(anas.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await anas.getByRole('button', { name: 'Reply' }).click();
  await page.getByLabel('Reply to Ana Reviewer').fill('SOHR says 14; the ministry 10.');
  await page.getByLabel('Reply to Ana Reviewer').press('Control+Enter');
  const replies = page.getByRole('list', { name: 'Replies to Ana Reviewer' });
  await expect(replies.getByRole('listitem')).toHaveText([/Ben Second \(you\).*SOHR says 14; the ministry 10\./]);
  await waitSaved(page);

  // Ben deletes his reply: asked first, "Keep it" keeps it.
  const reply = replies.getByRole('listitem').first();
  await reply.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Keep it' }).click();
  await expect(reply).toContainText('SOHR says 14');
  await reply.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete comment' }).click();
  await expect(replies).toHaveCount(0);
  await waitSaved(page);
  await anas.getByRole('button', { name: 'Reply' }).click();
  await page.getByLabel('Reply to Ana Reviewer').fill('Second try: both figures are in the text.');
  await page.getByRole('button', { name: 'Post reply' }).click();
  await expect(replies.getByRole('listitem')).toHaveCount(1);
  await waitSaved(page);

  // Ana deletes her comment: Ben's reply stays, shown as a reply to a deleted comment.
  await renameReviewer(page, 'Ana Reviewer');
  await commentItem(page, 'Check the ministry figure against SOHR.').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('group', { name: 'Delete this comment?' })).toContainText('Its replies stay.');
  await page.getByRole('button', { name: 'Delete comment' }).click();
  await expect(comments(page).getByRole('listitem')).toHaveText([/Ben Second.*reply to a deleted comment.*Second try/]);
  await waitSaved(page);
  expect(storedComments(app.dataDir).map((c) => [c.author, c.text])).toEqual([['Ben Second', 'Second try: both figures are in the text.']]);

  const audit = stored(app.dataDir).audit.filter((e) => e.action.startsWith('comment_'));
  expect(audit.map((e) => [e.action, e.who, e.old ?? null, e.new ?? null])).toEqual([
    ['comment_added', 'Ana Reviewer', null, 'Check the ministry figure.'],
    ['comment_edited', 'Ana Reviewer', 'Check the ministry figure.', 'Check the ministry figure against SOHR.'],
    ['comment_replied', 'Ben Second', null, 'SOHR says 14; the ministry 10.'],
    ['comment_deleted', 'Ben Second', 'SOHR says 14; the ministry 10.', null],
    ['comment_replied', 'Ben Second', null, 'Second try: both figures are in the text.'],
    ['comment_deleted', 'Ana Reviewer', 'Check the ministry figure against SOHR.', null],
  ]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('bad comments change nothing: empty, too long, an empty edit, and a reply to a missing comment through the API', async ({ app }) => {
  const page = app.page();
  await startReview(page, 'Ana Reviewer', [A]);
  await post(page, 'A first note.');
  await waitSaved(page);
  const before = readFileSync(path.join(app.dataDir, 'articles', articleFiles(app.dataDir)[0]!), 'utf8');

  await page.getByLabel('Add a comment').fill('   ');
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeDisabled();
  await page.getByLabel('Add a comment').fill('x'.repeat(10_001));
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A comment can be at most 10,000 characters.' })).toBeVisible();
  await expect(page.getByLabel('Add a comment')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Add a comment').fill('');

  await commentItem(page, 'A first note.').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Edit your comment').fill('  ');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A comment needs some text.' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(commentItem(page, 'A first note.')).toBeVisible();

  const article = stored(app.dataDir);
  const getArticle = await call(page.request, app.url(), 'getArticle', { id: article.id });
  const current = (await getArticle.json()) as { value: { doc: unknown; claims: Claim[]; revision: number } };
  const claims = current.value.claims.map((c) => ({
    ...c,
    data: { ...c.data, comments: [...c.data.comments, { id: 'cm-reply-0001', author: 'Ana Reviewer', at: '2026-12-01T12:00:00.000Z', text: 'A reply to nothing.', replyTo: 'cm-missing-0001' }] },
  }));
  const refused = await call(page.request, app.url(), 'saveArticle', { id: article.id, baseRevision: current.value.revision, doc: current.value.doc, claims });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('The comment this replies to is not there any more (deleted, or never on this claim).');
  expect(readFileSync(path.join(app.dataDir, 'articles', articleFiles(app.dataDir)[0]!), 'utf8')).toBe(before);
});

test('an open edit or reply is still there, as typed, after looking at another claim', async ({ app }) => {
  const page = app.page();
  const B = 'the Syrian authorities had implemented an overnight curfew';
  await startReview(page, 'Ana Reviewer', [A, B]);
  await chooseInList(page, A);
  await post(page, 'Check the ministry figure.');
  await commentItem(page, 'Check the ministry figure.').getByRole('button', { name: 'Reply' }).click();
  await page.getByLabel('Reply to Ana Reviewer').fill('Half a reply');

  await chooseInList(page, B);
  await expect(page.getByLabel('Reply to Ana Reviewer')).toHaveCount(0);
  await chooseInList(page, A);
  await expect(page.getByLabel('Reply to Ana Reviewer')).toHaveValue('Half a reply');

  await page.getByLabel('Reply to Ana Reviewer').press('Escape');
  await commentItem(page, 'Check the ministry figure.').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Edit your comment').fill('Check the ministry figure against');
  await chooseInList(page, B);
  await chooseInList(page, A);
  await expect(page.getByLabel('Edit your comment')).toHaveValue('Check the ministry figure against');
  // Nothing was saved by moving about: the comment is as posted.
  await waitSaved(page);
  expect(stored(app.dataDir).claims.find((c) => c.target.quote.exact === A)?.data.comments.map((c) => c.text)).toEqual(['Check the ministry figure.']);
});
