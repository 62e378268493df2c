import { formatBytes, MAX_IMPORT_BYTES } from '../../shared/limits';

/** Reads a picked file for import, refusing one over the limit before any bytes cross to the back end. */
export async function readFileForImport(file: File): Promise<{ ok: true; fileName: string; dataBase64: string } | { ok: false; message: string }> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, message: `“${file.name}” is ${formatBytes(file.size)}; Claimdesk imports files up to ${formatBytes(MAX_IMPORT_BYTES)}.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { ok: true, fileName: file.name, dataBase64: toBase64(bytes) };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
