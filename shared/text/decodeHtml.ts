/**
 * Turns a saved web page's bytes into text by the charset it declares, or explains in one sentence why it
 * cannot. Order of trust, as browsers do it (WHATWG encoding sniffing, simplified): a byte-order mark, then
 * `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes, then
 * UTF-8 when the bytes are valid UTF-8, then windows-1252 (the web's default for undeclared pages).
 * Pure code: TextDecoder knows windows-125x, ISO-8859-x, Shift_JIS, EUC-JP, GBK, Big5, KOI8… in Node
 * (full ICU) and every browser.
 */
import { formatBytes, MAX_IMPORT_BYTES } from '../limits';
import { displayName, knownFileKind, looksBinary, type DecodeResult } from './decodeText';

type Decoder = { decode(input: Uint8Array): string; readonly encoding: string };
type DecoderConstructor = new (label: string, options?: { fatal?: boolean }) => Decoder;
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

export const HTML_EXTENSIONS = /\.(html?|xhtml)$/i;

/** Browsers look for the charset declaration in the first 1,024 bytes; saved pages put long comments first, so we look further. */
const SNIFF_BYTES = 8192;
/**
 * A page that declares UTF-8 but has a few stray bytes (a CMS pasting Latin-1 into a template) is read with
 * them replaced, as a browser shows it; past this share of replaced characters it is not the declared encoding.
 */
const MAX_REPLACED_SHARE = 0.001;

/** The charset a page declares in its first bytes, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so ASCII markup is found whatever the real encoding.
  let head = '';
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i] as number);
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

function bomEncoding(b: Uint8Array): { label: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return null;
}

/**
 * windows-1252's characters for bytes 0x80-0x9F (undefined bytes stay as they are). Node 20's TextDecoder
 * decodes "windows-1252" (and "iso-8859-1", which WHATWG makes the same encoding) as plain Latin-1, turning
 * curly quotes and dashes into C1 control characters; browsers do not. Measured: 0x93 came out as U+0093.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function decoderFor(label: string, fatal: boolean): Decoder | null {
  let d: Decoder;
  try {
    d = new TextDecoderImpl(label, { fatal });
  } catch {
    return null; // an encoding TextDecoder does not know
  }
  if (d.encoding !== 'windows-1252') return d;
  return { encoding: d.encoding, decode: (input) => fixCp1252(d.decode(input)) };
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  const strict = decoderFor(label, true);
  if (!strict) return null;
  try {
    return strict.decode(bytes);
  } catch {
    const text = decoderFor(label, false)!.decode(bytes);
    let replaced = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) replaced++;
    return replaced / Math.max(1, text.length) <= MAX_REPLACED_SHARE ? text : null;
  }
}

/**
 * Decodes a saved page. Checks, in order: size, extension, known binary formats, binary content,
 * the declared or sniffed charset, emptiness.
 */
export function decodeHtmlFile(bytes: Uint8Array, fileName: string): DecodeResult {
  const name = `“${displayName(fileName)}”`;
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { ok: false, code: 'too_large', message: `${name} is ${formatBytes(bytes.length)}; Claimdesk imports pages up to ${formatBytes(MAX_IMPORT_BYTES)}.` };
  }
  if (!HTML_EXTENSIONS.test(displayName(fileName))) {
    return { ok: false, code: 'bad_file', message: `${name} is not a web page (.html or .htm).` };
  }
  const magic = knownFileKind(bytes);
  if (magic) return { ok: false, code: 'bad_file', message: `${name} is not a web page: it looks like ${magic}.` };
  const bom = bomEncoding(bytes);
  // UTF-16 is full of zero bytes, so the binary test only applies without its byte-order mark.
  if (!bom?.label.startsWith('utf-16') && looksBinary(bytes)) {
    return { ok: false, code: 'bad_file', message: `${name} contains binary data, so it is not a web page Claimdesk can import.` };
  }
  const body = bom ? bytes.subarray(bom.skip) : bytes;
  const declared = bom ? bom.label : declaredCharset(bytes);
  let text: string | null;
  if (declared) {
    if (!decoderFor(declared, false)) {
      return { ok: false, code: 'bad_file', message: `${name} says it is in the “${declared}” encoding, which Claimdesk cannot read. Open it in a browser and save it again as UTF-8.` };
    }
    text = tryDecode(declared, body);
    if (text === null) {
      return { ok: false, code: 'bad_file', message: `${name} says it is in the “${declared}” encoding but its bytes do not read as that. Open it in a browser and save it again as UTF-8.` };
    }
  } else {
    text = tryDecode('utf-8', body) ?? decoderFor('windows-1252', false)!.decode(body);
  }
  if (text.trim() === '') return { ok: false, code: 'bad_file', message: `${name} is empty: there is no page to import.` };
  return { ok: true, text };
}
