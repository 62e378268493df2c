import { describe, expect, it } from 'vitest';
import { Comment, newClaimData, type Claim } from '../schema/claim';
import { checkComments, threadComments } from './comments';

const target: Claim['target'] = { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 }, orphaned: false };
const withComments = (...comments: Comment[]): Claim[] => [{ data: { ...newClaimData('claim-1', 'Ana', '2026-12-01T09:00:00.000Z'), comments }, target }];
const ana: Comment = { id: 'cm-ana-1', author: 'Ana', at: '2026-12-01T09:00:00.000Z', text: 'Check the ministry figure.' };
const ben: Comment = { id: 'cm-ben-1', author: 'Ben', at: '2026-12-01T09:05:00.000Z', text: 'SOHR says 14.' };
const messages = (before: Claim[], after: Claim[], reviewer = 'Ana') => checkComments(before, after, reviewer).map((i) => i.message);

describe('Comment schema', () => {
  it('loads comments written before replies and edits existed, and refuses empty or too-long text', () => {
    expect(Comment.parse({ id: 'cm-old-01', author: 'Ana', at: '2026-12-01T09:00:00.000Z', text: 'Old' })).toEqual({ id: 'cm-old-01', author: 'Ana', at: '2026-12-01T09:00:00.000Z', text: 'Old' });
    expect(Comment.safeParse({ ...ana, text: '   ' }).error?.issues[0]?.message).toBe('A comment needs some text.');
    expect(Comment.safeParse({ ...ana, text: 'x'.repeat(10_001) }).error?.issues[0]?.message).toBe('A comment can be at most 10,000 characters.');
    expect(Comment.safeParse({ ...ana, replyTo: 'no' }).success).toBe(false);
  });
});

describe('checkComments', () => {
  it('lets the author edit (with editedAt) and delete their own comment', () => {
    const before = withComments(ana, ben);
    expect(messages(before, withComments({ ...ana, text: 'Edited.', editedAt: '2026-12-01T10:00:00.000Z' }, ben))).toEqual([]);
    expect(messages(before, withComments(ben))).toEqual([]);
  });

  it("refuses an edit or a delete of someone else's comment", () => {
    const before = withComments(ana, ben);
    expect(messages(before, withComments(ana, { ...ben, text: 'Changed', editedAt: '2026-12-01T10:00:00.000Z' }))).toEqual(['Only Ben can edit their comment (you are Ana).']);
    expect(messages(before, withComments(ana))).toEqual(['Only Ben can delete their comment (you are Ana).']);
  });

  it('refuses an edit that changes more than the text, or does not say when', () => {
    const before = withComments(ana);
    expect(messages(before, withComments({ ...ana, text: 'x', editedAt: '2026-12-01T10:00:00.000Z', author: 'Ana2' }))).toEqual(['Editing a comment changes its text only.']);
    expect(messages(before, withComments({ ...ana, text: 'x' }))).toEqual(['An edited comment records when it was edited.']);
  });

  it('accepts a reply to a comment that is there, refuses one to a missing comment or to a reply', () => {
    const before = withComments(ana, ben);
    const reply: Comment = { id: 'cm-ana-2', author: 'Ana', at: '2026-12-01T10:00:00.000Z', text: 'Thanks', replyTo: ben.id };
    expect(messages(before, withComments(ana, ben, reply))).toEqual([]);
    expect(messages(before, withComments(ana, ben, { ...reply, replyTo: 'cm-missing' }))).toEqual(['The comment this replies to is not there any more (deleted, or never on this claim).']);
    const withReply = withComments(ana, ben, reply);
    expect(messages(withReply, withComments(ana, ben, reply, { ...reply, id: 'cm-ana-3', replyTo: reply.id }))).toEqual(['A reply answers a comment, not another reply.']);
    // Replies stay when their parent is deleted (by its author).
    expect(messages(withComments(ana, { ...reply, replyTo: ana.id, author: 'Ben' }), withComments({ ...reply, replyTo: ana.id, author: 'Ben' }))).toEqual([]);
  });

  it('refuses the same comment id twice, and ignores claims deleted as a whole', () => {
    expect(messages([], withComments(ana, ana))).toEqual([`Comment id ${ana.id} is used twice.`]);
    expect(messages(withComments(ben), [])).toEqual([]);
  });
});

describe('threadComments', () => {
  it('puts replies under their comment and a reply to a deleted comment at the top level', () => {
    const reply: Comment = { id: 'cm-ana-2', author: 'Ana', at: '2026-12-01T10:00:00.000Z', text: 'Thanks', replyTo: ben.id };
    const orphan: Comment = { id: 'cm-ben-2', author: 'Ben', at: '2026-12-01T10:05:00.000Z', text: 'See above', replyTo: 'cm-gone-1' };
    const threads = threadComments([ana, ben, reply, orphan]);
    expect(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id), t.parentDeleted])).toEqual([
      [ana.id, [], false],
      [ben.id, [reply.id], false],
      [orphan.id, [], true],
    ]);
  });
});
