import type { ClaimData } from '../../shared/schema/claim';
import type { Signer } from '../editor/claimCommands';
import { Section } from './fields';

type Props = {
  claim: ClaimData;
  /** The comment being typed; it belongs to the claim's drafts so it outlives this view. */
  draft: string;
  onDraft: (text: string) => void;
  /** Called once `text` is recorded: the box is emptied if it still holds that text. */
  onPosted: (text: string) => void;
  /** Records a change signed by the reviewer; answers whether it was recorded. */
  onChange: (change: (data: ClaimData, signer: Signer) => ClaimData) => Promise<boolean>;
};

/** A claim's comments, oldest first, and the box to post one (Ctrl+Enter). */
export function CommentThread({ claim, draft, onDraft, onPosted, onChange }: Props) {
  const postComment = () => {
    const text = draft.trim();
    if (!text) return;
    void onChange((d, s) => ({ ...d, comments: [...d.comments, { id: s.newId(), author: s.reviewer, at: s.now(), text }] })).then((posted) => {
      if (posted) onPosted(text);
    });
  };

  return (
    <Section title={`Comments (${claim.comments.length})`}>
      <ul className="comments" aria-label="Comments">
        {claim.comments.map((c) => (
          <li key={c.id}>
            <p>{c.text}</p>
            <span className="comment-meta">
              {c.author}, <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
            </span>
          </li>
        ))}
      </ul>
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
          rows={2}
          value={draft}
          aria-keyshortcuts="Control+Enter"
          onChange={(e) => {
            onDraft(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              postComment();
            }
          }}
        />
        <button type="submit" disabled={draft.trim() === ''} title="Ctrl+Enter">
          Post comment
        </button>
      </form>
    </Section>
  );
}
