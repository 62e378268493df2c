import { useEffect, useId, useRef, useState } from 'react';
import { noticeLifetimeMs, removedSummary, type NoticeData } from './noticeRules';

export type { NoticeData } from './noticeRules';

/**
 * Errors are announced assertively (role=alert), results politely (role=status). An information notice goes
 * by itself (noticeRules.ts), but not while the pointer or the focus is on it; the list of removed text is
 * folded behind its count, in a box of bounded height.
 */
export function Notice({ notice, onDismiss }: { notice: NoticeData | null; onDismiss: () => void }) {
  if (!notice) return null;
  return <NoticeBox notice={notice} onDismiss={onDismiss} />;
}

/** Keyed by its showing (App), so the same text shown again starts its own timer and folds its list again. */
function NoticeBox({ notice, onDismiss }: { notice: NoticeData; onDismiss: () => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const lifetime = noticeLifetimeMs(notice);
  useEffect(() => {
    if (lifetime === null || hovered || focused) return;
    const timer = setTimeout(() => dismiss.current(), lifetime);
    return () => clearTimeout(timer);
  }, [lifetime, hovered, focused]);
  const removed = notice.removed ?? [];
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
    >
      <div className="notice-body">
        <p>
          {notice.text}
          {notice.action && (
            <>
              {' '}
              <button type="button" className="link-button notice-action" onClick={notice.action.run}>
                {notice.action.label}
              </button>
            </>
          )}
        </p>
        {removed.length > 0 && (
          <p className="notice-removed">
            {removedSummary(removed.length)} —{' '}
            <button type="button" className="link-button" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded((x) => !x)}>
              {expanded ? 'Hide' : 'Show'}
            </button>
          </p>
        )}
        {removed.length > 0 && (
          <ul id={listId} className="removed-list" aria-label="Removed from the article text" hidden={!expanded} tabIndex={expanded ? 0 : undefined}>
            {removed.map((r, i) => (
              <li key={i}>
                <q>{r.text}</q> <span className="reason">— {r.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="link-button notice-dismiss" onClick={onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}

/** A passing message about what was just done, with the way to take it back ("Claim deleted" · Undo). */
export type ToastData = { id: number; text: string; action?: { label: string; keys?: string; run: () => void } };

/**
 * Always in the page and polite (role=status), so a toast is announced when it appears. It goes after
 * `timeoutMs`, but not while the pointer or the focus is on it; Escape dismisses it.
 */
export function ToastRegion({ toast, onDismiss, timeoutMs = 10_000 }: { toast: ToastData | null; onDismiss: () => void; timeoutMs?: number }) {
  return (
    <div className="toast-region" role="status" data-testid="toast">
      {toast && <Toast key={toast.id} toast={toast} onDismiss={onDismiss} timeoutMs={timeoutMs} />}
    </div>
  );
}

function Toast({ toast, onDismiss, timeoutMs }: { toast: ToastData; onDismiss: () => void; timeoutMs: number }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // The parent redraws often (typing); the timer must not restart with each new callback.
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (hovered || focused) return;
    const timer = setTimeout(() => dismiss.current(), timeoutMs);
    return () => clearTimeout(timer);
  }, [hovered, focused, timeoutMs]);
  return (
    <div
      className="toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onDismiss();
      }}
    >
      <span className="toast-text">{toast.text}</span>
      {toast.action && (
        <button type="button" onClick={toast.action.run} aria-keyshortcuts={toast.action.keys} title={toast.action.keys}>
          {toast.action.label}
        </button>
      )}
      <button type="button" className="link-button toast-dismiss" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
