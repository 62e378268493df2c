import * as Dialog from '@radix-ui/react-dialog';
import { useRef } from 'react';
import type { VersionCandidate } from '../../shared/api';
import { clipQuote } from '../../shared/claims/clipQuote';
import { useReturnFocus } from '../commands/useReturnFocus';
import { requestName, type ImportRequest, type ImportTarget } from './importRequest';
import './versions.css';

/** What the dialog asks: whether an import is a version of an article the desk has, or what to do with one refused as a version. */
export type ImportOffer =
  | { kind: 'candidate'; request: ImportRequest; candidate: VersionCandidate }
  | { kind: 'refused'; request: ImportRequest; message: string };

type Props = { offer: ImportOffer; busy: boolean; error: string | null; onChoose: (target: ImportTarget) => void; onCancel: () => void };

/**
 * The import offer: a modal dialog (Radix, like the export dialog). Nothing is stored until a choice is
 * made; Cancel or Escape leaves the desk as it was.
 */
export function ImportOfferDialog({ offer, busy, error, onChoose, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  const focus = useReturnFocus();
  const title = offer.kind === 'candidate' ? offer.candidate.article.title || 'Untitled article' : null;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className="modal import-offer"
          aria-modal="true"
          onOpenAutoFocus={(e) => {
            focus.onOpenAutoFocus();
            e.preventDefault();
            first.current?.focus();
          }}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        >
          {offer.kind === 'candidate' ? (
            <>
              <Dialog.Title>A new version of an article you have?</Dialog.Title>
              <Dialog.Description className="import-offer-lead">
                This looks like a version of <strong>“{title}”</strong> ({offer.candidate.reason}).
              </Dialog.Description>
              <dl className="import-offer-facts">
                <div>
                  <dt>Article in the desk</dt>
                  <dd>
                    {title}
                    {offer.candidate.article.publisher && <span className="hint"> · {offer.candidate.article.publisher}</span>}
                  </dd>
                </div>
                <div>
                  <dt>Words in common</dt>
                  <dd>{Math.round(offer.candidate.similarity * 100)} %</dd>
                </div>
                <div>
                  <dt>Importing</dt>
                  <dd>{requestName(offer.request)}</dd>
                </div>
              </dl>
              <p className="hint">
                A new version keeps the article&apos;s claims: each is carried onto the new text, and the ones whose words changed or vanished are listed. Nothing is
                stored until you choose.
              </p>
            </>
          ) : (
            <>
              <Dialog.Title>Not added as a new version</Dialog.Title>
              <Dialog.Description className="import-offer-lead" role="alert">
                {offer.message}
              </Dialog.Description>
              <p className="hint">Importing: {requestName(offer.request)}</p>
            </>
          )}
          {error && (
            <p className="import-offer-error" role="alert">
              {error}
            </p>
          )}
          <div className="modal-actions">
            {offer.kind === 'candidate' && (
              <button ref={first} type="button" disabled={busy} onClick={() => onChoose({ versionOf: offer.candidate.article.id })}>
                Add as a new version of “{clipQuote(title ?? '', 44)}”
              </button>
            )}
            <button
              ref={offer.kind === 'refused' ? first : undefined}
              type="button"
              className={offer.kind === 'candidate' ? 'secondary' : undefined}
              disabled={busy}
              onClick={() => onChoose({ asNewArticle: true })}
            >
              Import as a new article
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
