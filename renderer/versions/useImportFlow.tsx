/**
 * Every import goes through here, from the library's picker and paste box, a drop on the window, the
 * desktop app's File > Import… and the workbench's "Import new version…": a result that stored something
 * goes to `onStored`; one that asks whether it is a version opens the offer; a version refused (a
 * different article) offers a new article instead.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportResult } from '../../shared/api';
import { errorMessage } from '../api';
import { ImportOfferDialog, type ImportOffer } from './ImportOfferDialog';
import { sendImport, type ImportRequest, type ImportTarget } from './importRequest';

export type StoredImport = Exclude<ImportResult, { outcome: 'candidate' }>;

type Options = { onStored: (result: StoredImport) => void; onError: (message: string) => void };

export function useImportFlow({ onStored, onError }: Options) {
  const [offer, setOffer] = useState<ImportOffer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const callbacks = useRef({ onStored, onError });
  callbacks.current = { onStored, onError };

  /** A result of an import already sent; `request` lets the offer send it again. */
  const handle = useCallback((result: ImportResult, request?: ImportRequest) => {
    if (result.outcome !== 'candidate') return callbacks.current.onStored(result);
    if (!request) return callbacks.current.onError(`This looks like a version of “${result.candidate.article.title}” (${result.candidate.reason}). Import it again from the article to add it as a version.`);
    setError(null);
    setOffer({ kind: 'candidate', request, candidate: result.candidate });
  }, []);

  /** Sends an import; as a version (`versionOf`), a refusal offers a new article rather than only saying no. */
  const start = useCallback(
    async (request: ImportRequest, target: ImportTarget = {}) => {
      try {
        handle(await sendImport(request, target), request);
      } catch (e) {
        if ('versionOf' in target) {
          setError(null);
          setOffer({ kind: 'refused', request, message: errorMessage(e) });
        } else callbacks.current.onError(errorMessage(e));
      }
    },
    [handle],
  );

  const choose = async (target: ImportTarget) => {
    if (!offer) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sendImport(offer.request, target);
      setOffer(null);
      handle(result, offer.request);
    } catch (e) {
      if ('versionOf' in target) setOffer({ kind: 'refused', request: offer.request, message: errorMessage(e) });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const dialog = offer && <ImportOfferDialog offer={offer} busy={busy} error={error} onChoose={(t) => void choose(t)} onCancel={() => setOffer(null)} />;
  return { handle, start, dialog };
}
