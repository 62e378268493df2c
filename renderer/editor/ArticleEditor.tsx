import { useEffect, useRef } from 'react';
import { sanitisePastedHtml } from './pasteHtml';
import type { EditorState, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { snapshotClaimRanges } from './snapshotClaimRanges';

type Props = {
  /** The state to open with; read once per mount (the editor owns the state afterwards). */
  initialState: EditorState;
  onTransaction: (state: EditorState, tr: Transaction) => void;
  onView: (view: EditorView | null) => void;
};

/** The ProseMirror editor for one article. Remount it (React key) to open another. */
export function ArticleEditor({ initialState, onTransaction, onView }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onTransaction, onView });
  callbacks.current = { onTransaction, onView };
  const initial = useRef(initialState);

  useEffect(() => {
    if (!host.current) return;
    const view: EditorView = new EditorView(host.current, {
      state: initial.current,
      attributes: { class: 'article-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Article text', spellcheck: 'true' },
      transformPastedHTML: sanitisePastedHtml,
      dispatchTransaction(given) {
        const tr = snapshotClaimRanges(view.state, given);
        const next = view.state.apply(tr);
        view.updateState(next);
        callbacks.current.onTransaction(next, tr);
      },
      handleDOMEvents: {
        // Ctrl/Cmd-click opens a link in the system browser (the desktop app routes window.open there).
        click(_view, event) {
          const link = (event.target as HTMLElement | null)?.closest('a[href]');
          if (!link || !(event.ctrlKey || event.metaKey)) return false;
          window.open(link.getAttribute('href') ?? '', '_blank', 'noopener,noreferrer');
          event.preventDefault();
          return true;
        },
      },
    });
    callbacks.current.onView(view);
    return () => {
      callbacks.current.onView(null);
      view.destroy();
    };
  }, []);

  return <div ref={host} className="editor-host" data-testid="editor" />;
}
