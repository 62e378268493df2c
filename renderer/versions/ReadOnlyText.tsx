import { useEffect, useRef } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';

/**
 * An old version's text in a ProseMirror view that cannot be edited: the same schema, node views and
 * styles as the editor, so it reads exactly like the article did, and words can be selected and copied.
 */
export function ReadOnlyText({ doc, label }: { doc: Node; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView(host.current, {
      state: EditorState.create({ doc }),
      editable: () => false,
      attributes: { class: 'article-editor read-only-text', role: 'region', 'aria-label': label },
    });
    return () => view.destroy();
  }, [doc, label]);
  return <div ref={host} className="editor-host read-only-host" data-testid="read-only-version" />;
}
