/**
 * Turns the bytes of an imported file (or a pasted string) into text, or explains in one plain
 * sentence why it cannot: too big, not a text file, binary content, not UTF-8, or empty.
 * Pure code: runs in Node and in the browser.
 */
import { MAX_IMPORT_BYTES, formatBytes } from '../limits';

/**
 * TextDecoder exists in every runtime this code runs in (Node, Electron, browsers), but the shared
 * tsconfig has neither DOM nor Node types, so the little we use is typed here.
 */
type Decoder = { decode(input: Uint8Array): string };
type DecoderConstructor = new (label: string, options?: { fatal?: boolean }) => Decoder;
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

export type DecodeResult = { ok: true; text: string } | { ok: false; code: 'bad_file' | 'too_large'; message: string };

const TEXT_EXTENSIONS = /\.(txt|text|md|markdown)$/i;

/** Share of control characters above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.02;

type Magic = { what: string; test: (b: Uint8Array) => boolean };

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

/** Whether an ASCII string occurs within the first `limit` bytes (used to tell .docx from other ZIPs). */
function containsAscii(b: Uint8Array, s: string, limit: number): boolean {
  const sig = ascii(s);
  const end = Math.min(b.length, limit) - sig.length;
  for (let i = 0; i <= end; i++) if (startsWith(b, sig, i)) return true;
  return false;
}

const MAGICS: Magic[] = [
  { what: 'a PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'a JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { what: 'a GIF image', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { what: 'a PDF document', test: (b) => startsWith(b, ascii('%PDF-')) },
  {
    what: 'a Word document (.docx)',
    test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(b, 'word/', 64 * 1024),
  },
  {
    what: 'a ZIP archive (or an Office document)',
    test: (b) =>
      startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) || startsWith(b, [0x50, 0x4b, 0x07, 0x08]),
  },
  { what: 'a gzip-compressed file', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { what: 'a WebP image', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { what: 'an audio or video file', test: (b) => startsWith(b, ascii('RIFF')) },
  { what: 'an older Word or Office document (.doc)', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { what: 'a Rich Text (RTF) document', test: (b) => startsWith(b, ascii('{\\rtf')) },
];

/** What kind of file the bytes look like ("a PNG image", "a PDF document"), or null when no signature matches. */
export function knownFileKind(bytes: Uint8Array): string | null {
  return MAGICS.find((m) => m.test(bytes))?.what ?? null;
}

/** Whether the bytes hold a NUL or more control characters than text has. */
export function looksBinary(bytes: Uint8Array): boolean {
  return looksBinaryBytes(bytes);
}

/** The file's own name, without any folder path, for messages. */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.trim() || 'file';
}

function quoted(fileName: string): string {
  return `“${displayName(fileName)}”`;
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function isControlCode(c: number): boolean {
  // Tab, line feed, form feed and carriage return are ordinary in text files.
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;
}

function looksBinaryBytes(b: Uint8Array): boolean {
  let controls = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c === 0) return true;
    if (isControlCode(c)) controls++;
  }
  return controls > 0 && controls / b.length > MAX_CONTROL_SHARE;
}

function looksBinaryText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isControlCode(c)) controls++;
  }
  return controls > 0 && controls / text.length > MAX_CONTROL_SHARE;
}

/** Offset of the first byte that breaks UTF-8, or -1 if the bytes are valid UTF-8. */
export function firstInvalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function finish(text: string, emptyMessage: string): DecodeResult {
  const clean = normaliseNewlines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (clean.trim() === '') return { ok: false, code: 'bad_file', message: emptyMessage };
  return { ok: true, text: clean };
}

/**
 * Decodes an imported file's bytes. Checks, in order: size, file extension, known binary formats,
 * binary content, UTF-16 (with a byte-order mark), UTF-8, emptiness. Line endings become "\n".
 */
export function decodeTextFile(bytes: Uint8Array, fileName: string): DecodeResult {
  const name = quoted(fileName);

  if (bytes.length > MAX_IMPORT_BYTES) {
    const size = formatBytes(bytes.length);
    const limit = formatBytes(MAX_IMPORT_BYTES);
    const sizeText = size === limit ? `over ${limit}` : size;
    return { ok: false, code: 'too_large', message: `${name} is ${sizeText}; Claimdesk imports text files up to ${limit}.` };
  }

  if (!TEXT_EXTENSIONS.test(displayName(fileName))) {
    return {
      ok: false,
      code: 'bad_file',
      message: `${name} is not a file Claimdesk can import: choose a plain-text file ending in .txt or .md (save the article as plain text first if it is in another format).`,
    };
  }

  const kind = knownFileKind(bytes);
  if (kind) {
    return { ok: false, code: 'bad_file', message: `${name} is not a text file: it looks like ${kind}.` };
  }

  const binaryMessage = `${name} contains binary data, so it is not a text file Claimdesk can import.`;
  const emptyMessage = `${name} is empty: there is no text to import.`;

  // UTF-16 with a byte-order mark is unambiguous; check it before the NUL test, since UTF-16 text is full of zero bytes.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoderImpl(utf16, { fatal: true }).decode(bytes);
    } catch {
      return {
        ok: false,
        code: 'bad_file',
        message: `${name} says it is UTF-16 text but cannot be read as such: open it in a text editor, save it as UTF-8 and import it again.`,
      };
    }
    if (looksBinaryText(text)) return { ok: false, code: 'bad_file', message: binaryMessage };
    return finish(text, emptyMessage);
  }

  if (looksBinaryBytes(bytes)) return { ok: false, code: 'bad_file', message: binaryMessage };

  let text: string;
  try {
    text = new TextDecoderImpl('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8Offset(bytes);
    const where = at >= 0 ? ` (the first unreadable byte is at offset ${at})` : '';
    return {
      ok: false,
      code: 'bad_file',
      message: `${name} is not UTF-8 text${where}: open it in a text editor, save it with UTF-8 encoding and import it again.`,
    };
  }
  return finish(text, emptyMessage);
}

/** The number of bytes the text takes as UTF-8 (a lone surrogate counts as the 3-byte replacement character). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Checks pasted text: not empty, within the import limit (counted as UTF-8 bytes), no binary data. */
export function decodePastedText(text: string): DecodeResult {
  if (text.trim() === '' || text.replace(/\uFEFF/g, '').trim() === '') {
    return { ok: false, code: 'bad_file', message: 'The pasted text is empty.' };
  }
  // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length * 3 > MAX_IMPORT_BYTES) {
    const size = utf8Length(text);
    if (size > MAX_IMPORT_BYTES) {
      const limit = formatBytes(MAX_IMPORT_BYTES);
      const sizeText = formatBytes(size) === limit ? `over ${limit}` : formatBytes(size);
      return { ok: false, code: 'too_large', message: `The pasted text is ${sizeText}; Claimdesk imports up to ${limit} of text.` };
    }
  }
  if (text.includes('\u0000')) {
    return { ok: false, code: 'bad_file', message: 'The pasted text contains binary data, so it cannot be imported.' };
  }
  return finish(text, 'The pasted text is empty.');
}
