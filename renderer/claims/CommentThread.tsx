import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Comment, type ClaimData } from '../../shared/schema/claim';
import { threadComments } from '../../shared/claims/comments';
import { formatWhen } from '../../shared/audit/describe';
import type { Signer } from '../editor/claimCommands';
import { Section } from './fields';
import type { ThreadDraft } from './drafts';
import './commentThread.css';

type Props = {
  claim: ClaimData;
  /** The comment being typed; it belongs to the claim's drafts so it outlives this view. */
  draft: string;
  onDraft: (text: string) => void;
  /** Called once `text` is recorded: the box is emptied if it still holds that text. */
  onPosted: (text: string) => void;
  /** The edit or reply box open when this view was last left (kept in the claim's drafts). */
  thread?: ThreadDraft | null;
  onThread?: (thread: ThreadDraft | null) => void;
  /** Records a change signed by the reviewer; answers whether it was recorded. */
  onChange: (change: (data: ClaimData, signer: Signer) => ClaimData) => Promise<boolean>;
  /** The desk's reviewer: their own comments get Edit and Delete. Empty or absent: nobody's do. */
  reviewer?: string;
};

/** The comment schema's own message for text that cannot be posted, or null. */
function textProblem(text: string): string | null {
  const r = Comment.shape.text.safeParse(text);
  return r.success ? null : (r.error.issues[0]?.message ?? 'This comment cannot be saved.');
}

/** Ctrl+Enter (⌘+Enter) submits, Escape cancels: the keys of every comment box. */
function boxKeys(submit: () => void, cancel?: () => void) {
  return (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape' && cancel) {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };
}

type Mode = { kind: 'edit'; id: string; text: string } | { kind: 'reply'; id: string; text: string } | { kind: 'confirmDelete'; id: string } | null;

/**
 * A claim's comments as threads (replies under the comment they answer, one level), oldest first, and
 * the box to post one (Ctrl+Enter). The reviewer edits in place (Ctrl+Enter saves, Escape cancels) and
 * deletes, after confirming, their own comments; anyone replies to a comment. Every change goes through
 * `onChange`, signed, so it is saved and audited like any other claim change.
 */
export function CommentThread({ claim, draft, onDraft, onPosted, onChange, reviewer = '', thread = null, onThread }: Props) {
  const [mode, setMode] = useState<Mode>(() => (thread && claim.comments.some((c) => c.id === thread.id) ? thread : null));
  // An open edit or reply outlives this view: moving to another claim and back finds it as it was left.
  const threadOut = useRef(onThread);
  threadOut.current = onThread;
  useEffect(() => {
    threadOut.current?.(mode && mode.kind !== 'confirmDelete' ? mode : null);
  }, [mode]);
  const [error, setError] = useState<{ where: string; message: string } | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const ids = useId();
  const root = useRef<HTMLDivElement>(null);
  /** The control to focus once the view has redrawn (after a box closes, its opener). */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusNext.current)}"]`);
    if (el) {
      el.focus();
      focusNext.current = null;
    }
  });

  const byId = new Map(claim.comments.map((c) => [c.id, c]));
  const own = (c: Comment) => reviewer !== '' && c.author === reviewer;
  const close = (focusKey: string | null) => {
    setMode(null);
    setError(null);
    focusNext.current = focusKey;
  };

  const postComment = () => {
    const text = draft.trim();
    if (!text) return;
    const problem = textProblem(text);
    if (problem) return setError({ where: 'new', message: problem });
    setError(null);
    setDeleted(null);
    void onChange((d, s) => ({ ...d, comments: [...d.comments, { id: s.newId(), author: s.reviewer, at: s.now(), text }] })).then((posted) => {
      if (posted) onPosted(text);
    });
  };

  const saveEdit = (id: string, raw: string) => {
    const text = raw.trim();
    const problem = textProblem(text);
    if (problem) return setError({ where: id, message: problem });
    if (text === byId.get(id)?.text) return close(`edit:${id}`);
    // Signed by whoever records it: a comment that is not theirs is left as it is.
    void onChange((d, s) => ({ ...d, comments: d.comments.map((c) => (c.id === id && c.author === s.reviewer ? { ...c, text, editedAt: s.now() } : c)) })).then((saved) => {
      if (saved) close(`edit:${id}`);
    });
  };

  const postReply = (parentId: string, raw: string) => {
    const text = raw.trim();
    const problem = textProblem(text);
    if (problem) return setError({ where: `reply:${parentId}`, message: problem });
    void onChange((d, s) =>
      d.comments.some((c) => c.id === parentId) ? { ...d, comments: [...d.comments, { id: s.newId(), author: s.reviewer, at: s.now(), text, replyTo: parentId }] } : d,
    ).then((posted) => {
      if (posted) close(`reply:${parentId}`);
    });
  };

  const remove = (id: string) => {
    void onChange((d, s) => ({ ...d, comments: d.comments.filter((c) => !(c.id === id && c.author === s.reviewer)) })).then((done) => {
      if (!done) return;
      setMode(null);
      setDeleted(id);
      focusNext.current = 'new-comment';
    });
  };

  const errorFor = (where: string) =>
    error?.where === where ? (
      <span className="field-error" id={`${ids}-error-${where}`} role="alert">
        {error.message}
      </span>
    ) : null;

  const renderComment = (c: Comment, isReply: boolean, parentDeleted: boolean) => {
    const textId = `${ids}-text-${c.id}`;
    const editing = mode?.kind === 'edit' && mode.id === c.id;
    const confirming = mode?.kind === 'confirmDelete' && mode.id === c.id;
    const replying = mode?.kind === 'reply' && mode.id === c.id;
    const mine = own(c);
    const keepOnEscape = (e: KeyboardEvent<HTMLButtonElement>) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close(`delete:${c.id}`);
    };
    return (
      <div className="comment">
        <span className="comment-meta">
          <strong>{c.author}</strong>
          {mine && <span className="comment-you"> (you)</span>}, <time dateTime={c.at}>{formatWhen(c.at)}</time>
          {c.editedAt && (
            <>
              {' · '}
              <span className="comment-edited">
                edited <time dateTime={c.editedAt}>{formatWhen(c.editedAt)}</time>
              </span>
            </>
          )}
          {parentDeleted && <> · reply to a deleted comment</>}
        </span>
        {editing ? (
          <form
            className="comment-edit"
            onSubmit={(e) => {
              e.preventDefault();
              saveEdit(c.id, mode.text);
            }}
          >
            <label htmlFor={`${ids}-edit-${c.id}`} className="visually-hidden">
              Edit your comment
            </label>
            <textarea
              id={`${ids}-edit-${c.id}`}
              rows={3}
              value={mode.text}
              autoFocus
              aria-keyshortcuts="Control+Enter Escape"
              aria-invalid={error?.where === c.id ? true : undefined}
              aria-describedby={error?.where === c.id ? `${ids}-error-${c.id}` : undefined}
              onChange={(e) => setMode({ kind: 'edit', id: c.id, text: e.currentTarget.value })}
              onKeyDown={boxKeys(
                () => saveEdit(c.id, mode.text),
                () => close(`edit:${c.id}`),
              )}
            />
            {errorFor(c.id)}
            <div className="comment-actions">
              <button type="submit" title="Ctrl+Enter">
                Save
              </button>
              <button type="button" className="secondary" title="Escape" onClick={() => close(`edit:${c.id}`)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <p id={textId} className="comment-text">
            {c.text}
          </p>
        )}
        {confirming ? (
          <div className="comment-confirm" role="group" aria-label="Delete this comment?">
            <span>Delete this comment{claim.comments.some((r) => r.replyTo === c.id) ? '? Its replies stay.' : '?'}</span>
            <button type="button" className="danger" autoFocus onClick={() => remove(c.id)} onKeyDown={keepOnEscape}>
              Delete comment
            </button>
            <button type="button" className="secondary" onClick={() => close(`delete:${c.id}`)} onKeyDown={keepOnEscape}>
              Keep it
            </button>
          </div>
        ) : (
          !editing && (
            <div className="comment-actions">
              {!isReply && !parentDeleted && (
                <button type="button" className="link-button" data-focus-key={`reply:${c.id}`} aria-describedby={textId} onClick={() => setMode({ kind: 'reply', id: c.id, text: '' })}>
                  Reply
                </button>
              )}
              {mine && (
                <>
                  <button type="button" className="link-button" data-focus-key={`edit:${c.id}`} aria-describedby={textId} onClick={() => setMode({ kind: 'edit', id: c.id, text: c.text })}>
                    Edit
                  </button>
                  <button type="button" className="link-button danger-link" data-focus-key={`delete:${c.id}`} aria-describedby={textId} onClick={() => setMode({ kind: 'confirmDelete', id: c.id })}>
                    Delete
                  </button>
                </>
              )}
            </div>
          )
        )}
        {replying && (
          <form
            className="comment-reply"
            onSubmit={(e) => {
              e.preventDefault();
              postReply(c.id, mode.text);
            }}
          >
            <label htmlFor={`${ids}-reply-${c.id}`}>Reply to {c.author}</label>
            <textarea
              id={`${ids}-reply-${c.id}`}
              rows={2}
              value={mode.text}
              autoFocus
              aria-keyshortcuts="Control+Enter Escape"
              aria-invalid={error?.where === `reply:${c.id}` ? true : undefined}
              aria-describedby={error?.where === `reply:${c.id}` ? `${ids}-error-reply:${c.id}` : undefined}
              onChange={(e) => setMode({ kind: 'reply', id: c.id, text: e.currentTarget.value })}
              onKeyDown={boxKeys(
                () => postReply(c.id, mode.text),
                () => close(`reply:${c.id}`),
              )}
            />
            {errorFor(`reply:${c.id}`)}
            <div className="comment-actions">
              <button type="submit" disabled={mode.text.trim() === ''} title="Ctrl+Enter">
                Post reply
              </button>
              <button type="button" className="secondary" title="Escape" onClick={() => close(`reply:${c.id}`)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
    );
  };

  const threads = threadComments(claim.comments);
  return (
    <Section title={`Comments (${claim.comments.length})`}>
      <div ref={root} className="comment-thread">
        <ul className="comments" aria-label="Comments">
          {threads.map((t) => (
            <li key={t.comment.id}>
              {renderComment(t.comment, false, t.parentDeleted)}
              {t.replies.length > 0 && (
                <ul className="comment-replies" aria-label={`Replies to ${t.comment.author}`}>
                  {t.replies.map((r) => (
                    <li key={r.id}>{renderComment(r, true, false)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <p className="visually-hidden" aria-live="polite">
          {deleted && !byId.has(deleted) ? 'Comment deleted.' : ''}
        </p>
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            postComment();
          }}
        >
          <label htmlFor="new-comment">Add a comment</label>
          <textarea
            id="new-comment"
            data-focus-key="new-comment"
            rows={2}
            value={draft}
            aria-keyshortcuts="Control+Enter"
            aria-invalid={error?.where === 'new' ? true : undefined}
            aria-describedby={error?.where === 'new' ? `${ids}-error-new` : undefined}
            onChange={(e) => {
              if (error?.where === 'new') setError(null);
              onDraft(e.currentTarget.value);
            }}
            onKeyDown={boxKeys(postComment)}
          />
          {errorFor('new')}
          <button type="submit" disabled={draft.trim() === ''} title="Ctrl+Enter">
            Post comment
          </button>
        </form>
      </div>
    </Section>
  );
}
