import type { RemovedText } from '../shared/schema/article';

export type NoticeData = { kind: 'error' | 'info'; text: string; removed?: RemovedText[] };

/** Errors are announced assertively (role=alert), results politely (role=status). */
export function Notice({ notice, onDismiss }: { notice: NoticeData | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <p>{notice.text}</p>
      {notice.removed && notice.removed.length > 0 && (
        <details open>
          <summary>Removed from the article text ({notice.removed.length})</summary>
          <ul className="removed-list" aria-label="Removed from the article text">
            {notice.removed.map((r, i) => (
              <li key={i}>
                <q>{r.text}</q> <span className="reason">— {r.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
