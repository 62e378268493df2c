import { useRef, useState } from 'react';
import type { ImportResult } from '../../shared/api';
import { errorMessage } from '../api';
import { openFile, type BundleOpened } from './openFile';
import { sendImport, type ImportRequest } from '../versions/importRequest';

type Props = { onImported: (result: ImportResult, request?: ImportRequest) => void; onBundle: (result: BundleOpened) => void; onError: (message: string) => void };

/** Import from a file (.txt, .md, a saved web page) or from pasted text, rich or plain. */
export function ImportControls({ onImported, onBundle, onError }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  // The clipboard's HTML from the last paste, imported with its structure; cleared as soon as the text is edited.
  const [pastedHtml, setPastedHtml] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(request: ImportRequest) {
    setBusy(true);
    try {
      onImported(await sendImport(request), request);
      setPasted('');
      setPastedHtml(null);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (fileInput.current) fileInput.current.value = '';
    setBusy(true);
    try {
      const opened = await openFile(file);
      if (opened.kind === 'bundle') onBundle(opened.result);
      else onImported(opened.result, opened.request);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import an article</h2>
      <div className="import-file">
        {/* The input comes first so its keyboard focus can draw the ring on the label that stands for it (library.css). */}
        <input
          id="import-file-input"
          ref={fileInput}
          className="visually-hidden import-file-input"
          type="file"
          accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.doc,.json,.claimdesk-review,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/json"
          aria-label="Import file (.txt, .md, a saved web page or a Word file) or open a review bundle"
          disabled={busy}
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        <label className="button" htmlFor="import-file-input">
          Import file…
        </label>
        <span className="hint">A saved web page (.html, .htm), a Word file (.docx), plain text (.txt), Markdown (.md), a Claimdesk JSON export (up to 5 MB), or a teammate's review bundle (.claimdesk-review). You can also drop a file on the window.</span>
      </div>
      <form
        className="import-paste"
        onSubmit={(e) => {
          e.preventDefault();
          void run(pastedHtml !== null ? { kind: 'text', text: pasted, html: pastedHtml } : { kind: 'text', text: pasted });
        }}
      >
        <label htmlFor="paste-text">Or paste the article text</label>
        <textarea
          id="paste-text"
          rows={3}
          value={pasted}
          aria-describedby={pastedHtml !== null ? 'paste-rich-note' : undefined}
          onPaste={(e) => {
            const html = e.clipboardData.getData('text/html');
            if (!html.trim()) return; // plain text: the textarea's own paste
            e.preventDefault();
            setPasted(e.clipboardData.getData('text/plain') || html.replace(/<[^>]*>/g, ' '));
            setPastedHtml(html);
          }}
          onChange={(e) => {
            setPasted(e.currentTarget.value);
            setPastedHtml(null);
          }}
          placeholder="Headline on the first line, then the article…"
        />
        {pastedHtml !== null && (
          <p id="paste-rich-note" className="hint" role="status">
            Formatted text pasted: its headings, paragraphs, quotes, lists, links and emphasis are kept (scripts, styles and images are not). Edit it to import it as plain text instead.
          </p>
        )}
        <button type="submit" disabled={busy || pasted.trim() === ''}>
          Import pasted text
        </button>
      </form>
    </section>
  );
}
