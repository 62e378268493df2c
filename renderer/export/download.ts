import type { ExportResult } from '../../shared/api';

/** Saves an export as a file: a download in the browser, the save dialog in the desktop app. */
export function download(result: ExportResult): void {
  const bytes =
    result.encoding === 'base64' ? Uint8Array.from(atob(result.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(result.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: result.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
