import type { ArticleSummary } from '../../shared/schema/article';

type Props = { article: ArticleSummary; confirming: boolean; tabIndex: number; onAsk: () => void; onCancel: () => void; onRemove: () => void };

/** An article whose file and backup are unreadable: it cannot open, but it must not be a dead end. */
export function DamagedEntry({ article, confirming, tabIndex, onAsk, onCancel, onRemove }: Props) {
  const title = article.title || '(untitled)';
  return (
    <div className="damaged-entry">
      <span className="damaged-title">{title}</span> <span className="badge badge-damaged">Damaged</span>
      <p className="damaged-reason">{article.damaged}</p>
      {confirming ? (
        <p role="group" aria-label={`Remove ${title}`}>
          Remove “{title}” from the library? The damaged files stay in the quarantine folder.{' '}
          <button type="button" className="danger" tabIndex={tabIndex} onClick={onRemove}>
            Remove
          </button>{' '}
          <button type="button" className="secondary" tabIndex={tabIndex} onClick={onCancel}>
            Cancel
          </button>
        </p>
      ) : (
        <button type="button" className="secondary" tabIndex={tabIndex} onClick={onAsk}>
          Remove from library…
        </button>
      )}
    </div>
  );
}
