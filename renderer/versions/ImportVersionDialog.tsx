import * as Dialog from '@radix-ui/react-dialog';
import { useId, useRef, useState } from 'react';
import { useReturnFocus } from '../commands/useReturnFocus';
import { readFileForImport } from '../library/readFile';
import type { ImportRequest } from './importRequest';

type Props = { title: string; onImport: (request: ImportRequest) => void; onClose: () => void };

/**
 * "Import new version…" from the article itself: a file (a saved page, Word, text) or pasted text, sent
 * as a version of this article. The back end refuses a text that is a different article; the offer then
 * proposes a new article instead (useImportFlow).
 */
export function ImportVersionDialog({ title, onImport, onClose }: Props) {
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const focus = useReturnFocus();

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readFileForImport(file);
    if (!read.ok) return setError(read.message);
    onImport({ kind: 'file', fileName: read.fileName, dataBase64: read.dataBase64 });
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content className="modal import-version" aria-modal="true" onOpenAutoFocus={focus.onOpenAutoFocus} onCloseAutoFocus={focus.onCloseAutoFocus}>
          <Dialog.Title>Import a new version of “{title}”</Dialog.Title>
          <Dialog.Description className="hint">
            The publisher&apos;s newer text of this article. It is kept as the next version; every claim is carried onto it and the ones whose words changed or vanished
            are listed. Your own corrections to the text so far stay in the article&apos;s history.
          </Dialog.Description>
          <div className="import-version-file">
            <input
              id={`${ids}-file`}
              ref={fileInput}
              className="visually-hidden"
              type="file"
              accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-label="New version from a file (a saved web page, a Word file, text or Markdown)"
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
            <label className="button" htmlFor={`${ids}-file`}>
              Choose a file…
            </label>
            <span className="hint">a saved web page, a Word file, text or Markdown</span>
          </div>
          <form
            className="import-version-paste"
            onSubmit={(e) => {
              e.preventDefault();
              onImport({ kind: 'text', text: pasted });
              onClose();
            }}
          >
            <label htmlFor={`${ids}-paste`}>Or paste the new text</label>
            <textarea id={`${ids}-paste`} rows={5} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} placeholder="Headline on the first line, then the article…" />
            {error && (
              <p className="import-offer-error" role="alert">
                {error}
              </p>
            )}
            <div className="modal-actions">
              <button type="submit" disabled={pasted.trim() === ''}>
                Import pasted text as a new version
              </button>
              <button type="button" className="secondary" onClick={onClose}>
                Cancel
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
