import { useRef, useState } from 'react';
import type { ImportResult } from '../../shared/api';
import { client, errorMessage } from '../api';
import { openFile, type BundleOpened } from './openFile';

type Props = { onImported: (result: ImportResult) => void; onBundle: (result: BundleOpened) => void; onError: (message: string) => void };

/** Import from a .txt/.md file or from pasted text. */
export function ImportControls({ onImported, onBundle, onError }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<ImportResult>) {
    setBusy(true);
    try {
      onImported(await work());
      setPasted('');
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
      else onImported(opened.result);
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
        <label className="button" htmlFor="import-file-input">
          Import file…
        </label>
        <input
          id="import-file-input"
          ref={fileInput}
          className="visually-hidden"
          type="file"
          accept=".txt,.text,.md,.markdown,.json,.claimdesk-review,text/plain,text/markdown,application/json"
          aria-label="Import file (.txt or .md) or open a review bundle"
          disabled={busy}
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        <span className="hint">Plain text (.txt), Markdown (.md), a Claimdesk JSON export (up to 5 MB), or a teammate's review bundle (.claimdesk-review). You can also drop a file on the window.</span>
      </div>
      <form
        className="import-paste"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => client.importText({ text: pasted }));
        }}
      >
        <label htmlFor="paste-text">Or paste the article text</label>
        <textarea id="paste-text" rows={5} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} placeholder="Headline on the first line, then the article…" />
        <button type="submit" disabled={busy || pasted.trim() === ''}>
          Import pasted text
        </button>
      </form>
    </section>
  );
}
