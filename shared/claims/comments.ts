import type { Claim, Comment } from '../schema/claim';
import type { ClaimIssue } from './checkClaims';
import { deepEqual } from './fields';

/** The comment a reply answers, or undefined when it is not (or no longer) among the claim's comments. */
export function parentOf(comments: readonly Comment[], reply: Comment): Comment | undefined {
  return reply.replyTo === undefined ? undefined : comments.find((c) => c.id === reply.replyTo);
}

export type CommentThread = {
  comment: Comment;
  replies: Comment[];
  /** A reply whose comment was deleted: shown at the top level, saying so. */
  parentDeleted: boolean;
};

/**
 * A claim's comments as threads, in the order stored (time order): each top-level comment with its
 * replies under it, and each reply whose comment was deleted as a thread of its own. The app and the
 * reports show comments this way.
 */
export function threadComments(comments: readonly Comment[]): CommentThread[] {
  const ids = new Set(comments.map((c) => c.id));
  const threads: CommentThread[] = [];
  const byId = new Map<string, CommentThread>();
  for (const c of comments) {
    const parent = c.replyTo !== undefined && ids.has(c.replyTo) ? byId.get(c.replyTo) : undefined;
    if (parent) {
      parent.replies.push(c);
      continue;
    }
    const thread: CommentThread = { comment: c, replies: [], parentDeleted: c.replyTo !== undefined && !ids.has(c.replyTo) };
    threads.push(thread);
    byId.set(c.id, thread);
  }
  return threads;
}

/**
 * What a save may do to comments, beyond their schema: ids are unique within a claim; a new reply
 * answers a top-level comment that is there (one level of threading); only a comment's author edits or
 * deletes it, an edit keeps its author, time and parent and carries `editedAt`. A claim deleted as a
 * whole takes its comments with it (that is the claim's deletion, not theirs).
 */
export function checkComments(before: readonly Claim[], after: readonly Claim[], reviewer: string): ClaimIssue[] {
  const previous = new Map(before.map((c) => [c.data.id, c.data.comments]));
  const issues: ClaimIssue[] = [];
  const you = reviewer || 'set your name in Settings';
  after.forEach((claim, i) => {
    const at = `claims.${i}.data.comments`;
    const now = claim.data.comments;
    const was = new Map((previous.get(claim.data.id) ?? []).map((c) => [c.id, c]));
    const ids = new Set<string>();
    now.forEach((c, j) => {
      const path = `${at}.${j}`;
      if (ids.has(c.id)) issues.push({ path, message: `Comment id ${c.id} is used twice.` });
      ids.add(c.id);
      const old = was.get(c.id);
      if (!old) {
        if (c.replyTo === undefined) return;
        const parent = parentOf(now, c);
        if (!parent) issues.push({ path, message: 'The comment this replies to is not there any more (deleted, or never on this claim).' });
        else if (parent.replyTo !== undefined) issues.push({ path, message: 'A reply answers a comment, not another reply.' });
        return;
      }
      if (deepEqual(old, c)) return;
      if (old.author !== reviewer) issues.push({ path, message: `Only ${old.author} can edit their comment (you are ${you}).` });
      else if (c.author !== old.author || c.at !== old.at || c.replyTo !== old.replyTo) issues.push({ path, message: 'Editing a comment changes its text only.' });
      else if (c.editedAt === undefined || c.editedAt === old.editedAt) issues.push({ path, message: 'An edited comment records when it was edited.' });
    });
    for (const [id, old] of was) {
      if (!ids.has(id) && old.author !== reviewer) issues.push({ path: at, message: `Only ${old.author} can delete their comment (you are ${you}).` });
    }
  });
  return issues;
}
