/**
 * Whether bytes given as a Word file can be a .docx at all, and if not, why, in one sentence for the user:
 * too big, empty, password-protected, an old .doc, or another kind of file renamed. Checked before the
 * file is unzipped, so a wrong file never reaches mammoth. Pure code: runs in Node and in the browser.
 */
import { formatBytes, MAX_IMPORT_BYTES } from '../limits';
import { knownFileKind } from './decodeText';

/** Word files by name; `.doc` too, so an old-format file gets its own message rather than a text-file refusal. */
export const WORD_EXTENSIONS = /\.(docx|doc)$/i;

export type WordFileCheck = { ok: true } | { ok: false; code: 'bad_file' | 'too_large'; message: string };

/** The signature of an OLE compound file: old .doc, and also a .docx Word has encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A .docx starts as every ZIP's first local file header does. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return b.length >= sig.length && sig.every((byte, i) => b[i] === byte);
}

/** Whether a stream name occurs in the file: compound-file directory entries hold names in UTF-16LE. */
function hasStreamName(b: Uint8Array, name: string): boolean {
  const sig = Array.from(name).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + sig.length <= b.length; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return true;
  }
  return false;
}

export function checkWordFile(bytes: Uint8Array, fileName: string): WordFileCheck {
  const name = `“${fileName.split(/[\\/]/).pop() || 'file'}”`;
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { ok: false, code: 'too_large', message: `${name} is ${formatBytes(bytes.length)}; Claimdesk imports Word files up to ${formatBytes(MAX_IMPORT_BYTES)}.` };
  }
  if (bytes.length === 0) return { ok: false, code: 'bad_file', message: `${name} is empty.` };
  if (startsWith(bytes, OLE_MAGIC)) {
    // Word keeps a password-protected .docx as an encrypted package inside a compound file.
    if (hasStreamName(bytes, 'EncryptedPackage') || hasStreamName(bytes, 'EncryptionInfo')) {
      return {
        ok: false,
        code: 'bad_file',
        message: `${name} cannot be opened: this Word file is password-protected. Open it in Word, remove the password (File > Info > Protect Document), save it and import it again.`,
      };
    }
    if (hasStreamName(bytes, 'WordDocument') || /\.doc$/i.test(fileName)) {
      return {
        ok: false,
        code: 'bad_file',
        message: `${name} is an old Word document (.doc, Word 97–2003), which Claimdesk cannot read. Open it in Word or LibreOffice, save it as .docx and import that.`,
      };
    }
    return { ok: false, code: 'bad_file', message: `${name} is an older Office file (not a Word .docx), which Claimdesk cannot read.` };
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const kind = knownFileKind(bytes);
    return {
      ok: false,
      code: 'bad_file',
      message: `${name} is not a Word file${kind ? `: it looks like ${kind}` : ': it does not start as a .docx does'}. It may be another kind of file renamed .docx.`,
    };
  }
  return { ok: true };
}
