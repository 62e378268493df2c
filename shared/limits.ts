/** Limits the desk promises; both sides check them so a bad file is refused before it can do harm. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * The largest store file Claimdesk reads. A 20,000-word article with 5,000 claims and a long audit trail
 * is about 15 MB; anything past this is damage (or not ours), and reading it could exhaust memory.
 */
export const MAX_STORE_FILE_BYTES = 256 * 1024 * 1024;
/** HTTP bodies carry base64 files (4/3 of the bytes, review bundles up to 20 MB) plus JSON framing. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
