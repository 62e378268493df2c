import * as Dialog from '@radix-ui/react-dialog';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../shared/api';
import { EXPORT_FORMAT_LABELS } from '../../shared/report/formatLabels';
import { client, errorMessage } from '../api';
import { useReturnFocus } from '../commands/useReturnFocus';
import { download } from './download';
import './exportDialog.css';

type Choice = ExportFormat | 'bundle';

const FORMATS: { value: Choice; label: string; hint: string }[] = [
  { value: 'bundle', label: 'Review bundle for a teammate (.claimdesk-review)', hint: 'The article with its whole review; they open it in their Claimdesk, and yours merges theirs back.' },
  { value: 'html', label: EXPORT_FORMAT_LABELS.html, hint: 'One self-contained file: opens in any browser, prints well.' },
  { value: 'pdf', label: EXPORT_FORMAT_LABELS.pdf, hint: 'The same report, printed to PDF.' },
  { value: 'md', label: EXPORT_FORMAT_LABELS.md, hint: 'For wikis and chat.' },
  { value: 'csv', label: EXPORT_FORMAT_LABELS.csv, hint: 'One row per claim, for spreadsheets.' },
  { value: 'claimreview', label: EXPORT_FORMAT_LABELS.claimreview, hint: 'schema.org markup for publishing fact-checks: the claims that are done.' },
  { value: 'w3c', label: EXPORT_FORMAT_LABELS.w3c, hint: 'W3C Web Annotation collection for other annotation tools.' },
  { value: 'json', label: EXPORT_FORMAT_LABELS.json, hint: 'Everything, for archiving or re-importing.' },
];

type Props = {
  articleId: string;
  beforeExport: () => Promise<void>;
  onClose: () => void;
  /**
   * Not called: while the dialog is open the page behind it is hidden from assistive technology, so an error is
   * shown (and announced) in the dialog itself. Kept optional until ArticleView stops passing it.
   */
  onError?: (m: string) => void;
  onDone: (m: string) => void;
};

/**
 * Export the open article: pick a format and options; the file is saved through the browser or desktop. A modal
 * dialog (Radix): the focus stays in it, the page behind is hidden from assistive technology and the pointer,
 * Escape or Cancel closes it and the focus goes back to what opened it (the Export… button, or the text).
 */
export function ExportDialog({ articleId, beforeExport, onClose, onDone }: Props) {
  const [format, setFormat] = useState<Choice>('html');
  const [includeComments, setIncludeComments] = useState(true);
  const [includeAudit, setIncludeAudit] = useState(false);
  const [includeUnfinished, setIncludeUnfinished] = useState(false);
  // The desk's fact-check page address (ClaimReview url); null until the desk is read.
  const [reviewUrlTemplate, setReviewUrlTemplate] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const focus = useReturnFocus();
  useEffect(() => {
    client.getDesk({}).then(
      (d) => setReviewUrlTemplate(d.desk.settings.reviewUrlTemplate ?? ''),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeExport();
      const result =
        format === 'bundle' ? await client.exportBundle({ id: articleId }) : await client.exportArticle({ id: articleId, format, includeComments, includeAudit, includeUnfinished });
      download(result);
      onDone(`Exported ${result.fileName}.`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className="modal export-dialog"
          aria-modal="true"
          aria-describedby={undefined}
          onOpenAutoFocus={(e) => {
            focus.onOpenAutoFocus();
            // The format chosen, not the first radio button of the group.
            e.preventDefault();
            first.current?.focus();
          }}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        >
          <Dialog.Title>Export</Dialog.Title>
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <Fragment key={f.value}>
                <label className="export-format">
                  <input ref={f.value === 'html' ? first : undefined} type="radio" name="export-format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
                  <span>
                    {f.label} <span className="hint">{f.hint}</span>
                  </span>
                </label>
                {f.value === 'claimreview' && format === 'claimreview' && (
                  <ClaimReviewOptions includeUnfinished={includeUnfinished} onIncludeUnfinished={setIncludeUnfinished} reviewUrlTemplate={reviewUrlTemplate} />
                )}
              </Fragment>
            ))}
          </fieldset>
          <fieldset>
            <legend>Options</legend>
            <label>
              <input type="checkbox" checked={includeComments} onChange={(e) => setIncludeComments(e.currentTarget.checked)} /> Include comments
            </label>
            <label>
              <input type="checkbox" checked={includeAudit} onChange={(e) => setIncludeAudit(e.currentTarget.checked)} /> Include the audit trail as an appendix
            </label>
          </fieldset>
          {error && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={() => void run()} disabled={busy}>
              {busy ? 'Exporting…' : 'Export'}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type ClaimReviewOptionsProps = { includeUnfinished: boolean; onIncludeUnfinished: (v: boolean) => void; reviewUrlTemplate: string | null };

/** ClaimReview publishes: only finished claims unless asked, and a url only where the desk has said where its checks live. */
function ClaimReviewOptions({ includeUnfinished, onIncludeUnfinished, reviewUrlTemplate }: ClaimReviewOptionsProps) {
  return (
    <div className="export-format-options">
      <label>
        <input type="checkbox" checked={includeUnfinished} onChange={(e) => onIncludeUnfinished(e.currentTarget.checked)} /> Include claims that are not done yet (every claim
        with a verdict)
      </label>
      {reviewUrlTemplate === '' && (
        <p className="hint" data-testid="claimreview-url-note">
          Each review leaves out its url: the desk has no <a href="#/settings">fact-check page address</a> in Settings, and the reviewed article&apos;s own
          address is not the fact-check. Google shows a ClaimReview only with the url of the page that publishes it.
        </p>
      )}
      {reviewUrlTemplate && (
        <p className="hint" data-testid="claimreview-url-note">
          Each review&apos;s url: <code>{reviewUrlTemplate}</code> (the desk&apos;s <a href="#/settings">fact-check page address</a> in Settings).
        </p>
      )}
    </div>
  );
}
