import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_IMPORT_BYTES } from '../limits';
import { decodePastedText, decodeTextFile, firstInvalidUtf8Offset } from './decodeText';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const withText = (head: number[], tail = 'some text after the signature'): Uint8Array => {
  const t = utf8(tail);
  const out = new Uint8Array(head.length + t.length);
  out.set(head, 0);
  out.set(t, head.length);
  return out;
};

function expectError(r: ReturnType<typeof decodeTextFile>, code: 'bad_file' | 'too_large'): string {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected an error');
  expect(r.code).toBe(code);
  return r.message;
}

describe('decodeTextFile', () => {
  it('decodes the sample article', () => {
    const file = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url));
    const r = decodeTextFile(new Uint8Array(file), 'tartous-ambush.txt');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text.startsWith('14 are killed by Assad supporters')).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(expectError(decodeTextFile(new Uint8Array(0), 'x.txt'), 'bad_file')).toBe('“x.txt” is empty: there is no text to import.');
  });

  it('refuses a whitespace-only file', () => {
    expect(expectError(decodeTextFile(utf8('  \n\t\r\n  '), 'x.txt'), 'bad_file')).toBe('“x.txt” is empty: there is no text to import.');
  });

  it('refuses a file over the size limit before looking at it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const message = expectError(decodeTextFile(big, 'big.txt'), 'too_large');
    expect(message).toContain('“big.txt”');
    expect(message).toContain('up to 5.0 MB');
  });

  it('gives the size of a much bigger file', () => {
    const message = expectError(decodeTextFile(new Uint8Array(6 * 1024 * 1024), 'big.txt'), 'too_large');
    expect(message).toBe('“big.txt” is 6.0 MB; Claimdesk imports text files up to 5.0 MB.');
  });

  it('accepts a file of exactly the limit', () => {
    const exact = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    expect(decodeTextFile(exact, 'a.txt').ok).toBe(true);
  });

  it('refuses other file extensions, case-insensitively accepting the text ones', () => {
    const message = expectError(decodeTextFile(utf8('Hello'), 'report.docx'), 'bad_file');
    expect(message).toContain('“report.docx”');
    expect(message).toContain('.txt');
    expect(expectError(decodeTextFile(utf8('Hello'), 'noextension'), 'bad_file')).toContain('“noextension”');
    for (const name of ['a.TXT', 'a.text', 'a.md', 'a.Markdown']) expect(decodeTextFile(utf8('Hello'), name).ok).toBe(true);
  });

  it('names the file without its folder', () => {
    expect(expectError(decodeTextFile(new Uint8Array(0), 'C:\\Users\\me\\x.txt'), 'bad_file')).toBe('“x.txt” is empty: there is no text to import.');
  });

  it('recognises a PNG image', () => {
    const png = withText([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(expectError(decodeTextFile(png, 'photo.txt'), 'bad_file')).toBe('“photo.txt” is not a text file: it looks like a PNG image.');
  });

  it('recognises ZIP archives and Word documents', () => {
    expect(expectError(decodeTextFile(withText([0x50, 0x4b, 0x03, 0x04]), 'a.txt'), 'bad_file')).toContain('ZIP archive');
    const docx = withText([0x50, 0x4b, 0x03, 0x04], '\u0014\u0000[Content_Types].xml word/document.xml');
    expect(expectError(decodeTextFile(docx, 'a.txt'), 'bad_file')).toContain('Word document');
  });

  it('recognises other binary formats', () => {
    expect(expectError(decodeTextFile(withText([0xff, 0xd8, 0xff, 0xe0]), 'a.txt'), 'bad_file')).toContain('JPEG image');
    expect(expectError(decodeTextFile(utf8('GIF89a....'), 'a.txt'), 'bad_file')).toContain('GIF image');
    expect(expectError(decodeTextFile(utf8('%PDF-1.7\n...'), 'a.md'), 'bad_file')).toContain('PDF document');
    expect(expectError(decodeTextFile(withText([0x1f, 0x8b, 0x08]), 'a.txt'), 'bad_file')).toContain('gzip');
    expect(expectError(decodeTextFile(utf8('RIFF\u0001\u0002\u0003\u0004WEBPVP8 '), 'a.txt'), 'bad_file')).toContain('WebP image');
  });

  it('refuses NUL bytes as binary data', () => {
    const r = decodeTextFile(bytes(0x48, 0x69, 0x00, 0x21), 'nul.txt');
    expect(expectError(r, 'bad_file')).toBe('“nul.txt” contains binary data, so it is not a text file Claimdesk can import.');
  });

  it('refuses a high share of control characters but allows tabs and form feeds', () => {
    const noisy = utf8('abc\u0001\u0002\u0003\u0004def\u0005\u0006');
    expect(expectError(decodeTextFile(noisy, 'a.txt'), 'bad_file')).toContain('binary data');
    expect(decodeTextFile(utf8('a\tb\fc\n'), 'a.txt').ok).toBe(true);
  });

  it('refuses Latin-1 text, saying where the first bad byte is and how to fix it', () => {
    const latin1 = bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b); // "café ok" in Latin-1
    const message = expectError(decodeTextFile(latin1, 'cafe.txt'), 'bad_file');
    expect(message).toContain('“cafe.txt” is not UTF-8 text');
    expect(message).toContain('offset 3');
    expect(message).toContain('save it with UTF-8');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = decodeTextFile(bytes(0xef, 0xbb, 0xbf, 0x48, 0x69), 'bom.txt');
    expect(r).toEqual({ ok: true, text: 'Hi' });
  });

  it('decodes UTF-16LE and UTF-16BE with a byte-order mark', () => {
    const le = bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00, 0x19, 0x20, 0x0d, 0x00, 0x0a, 0x00, 0x21, 0x00);
    expect(decodeTextFile(le, 'le.txt')).toEqual({ ok: true, text: 'Hi\u2019\n!' });
    const be = bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0x69);
    expect(decodeTextFile(be, 'be.txt')).toEqual({ ok: true, text: 'Hi' });
  });

  it('normalises CRLF and lone CR line endings', () => {
    expect(decodeTextFile(utf8('a\r\nb\rc\nd'), 'a.txt')).toEqual({ ok: true, text: 'a\nb\nc\nd' });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8Offset(utf8('Syria’s é 😀'))).toBe(-1);
    expect(firstInvalidUtf8Offset(bytes(0x61, 0xe2, 0x80))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8Offset(bytes(0xc0, 0xaf))).toBe(0); // overlong
    expect(firstInvalidUtf8Offset(bytes(0x61, 0x62, 0x80))).toBe(2); // stray continuation byte
    expect(firstInvalidUtf8Offset(bytes(0xed, 0xa0, 0x80))).toBe(0); // surrogate
  });
});

describe('decodePastedText', () => {
  it('accepts text and normalises line endings', () => {
    expect(decodePastedText('Title\r\n\r\nBody')).toEqual({ ok: true, text: 'Title\n\nBody' });
  });

  it('refuses empty and whitespace-only text', () => {
    expect(decodePastedText('')).toEqual({ ok: false, code: 'bad_file', message: 'The pasted text is empty.' });
    expect(decodePastedText(' \n\t ')).toEqual({ ok: false, code: 'bad_file', message: 'The pasted text is empty.' });
  });

  it('refuses text over the limit', () => {
    const r = decodePastedText('a'.repeat(MAX_IMPORT_BYTES + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('too_large');
      expect(r.message).toContain('5.0 MB');
    }
  });

  it('counts the limit in UTF-8 bytes', () => {
    // 2 million curly apostrophes are 6 million UTF-8 bytes.
    const r = decodePastedText('\u2019'.repeat(2_000_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('The pasted text is 5.7 MB; Claimdesk imports up to 5.0 MB of text.');
  });

  it('refuses NUL characters', () => {
    const r = decodePastedText('abc\u0000def');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('bad_file');
  });
});
