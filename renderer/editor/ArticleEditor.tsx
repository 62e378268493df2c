import { useEffect, useRef } from 'react';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { articleSchema } from '../../shared/doc/schema';
import type { DocNodeJson } from '../../shared/schema/doc';
import { editorPlugins } from './setup';

type Props = {
  /** The stored document; read once per mount (the editor owns the document afterwards). */
  initialDoc: DocNodeJson;
  onDocChange: (doc: Node) => void;
};

/** The ProseMirror editor for one article. Remount it (React key) to open another. */
export function ArticleEditor({ initialDoc, onDocChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const onChange = useRef(onDocChange);
  onChange.current = onDocChange;
  const initial = useRef(initialDoc);

  useEffect(() => {
    if (!host.current) return;
    const view: EditorView = new EditorView(host.current, {
      state: EditorState.create({ doc: articleSchema.nodeFromJSON(initial.current), plugins: editorPlugins() }),
      attributes: { class: 'article-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Article text', spellcheck: 'true' },
      dispatchTransaction(tr) {
        const next = view.state.apply(tr);
        view.updateState(next);
        if (tr.docChanged) onChange.current(next.doc);
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
    return () => view.destroy();
  }, []);

  return <div ref={host} className="editor-host" data-testid="editor" />;
}
