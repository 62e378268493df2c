import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtmlFile } from './decodeHtml';

const page = (head: string, body: number[]) => new Uint8Array([...Buffer.from(`<html><head>${head}</head><body><p>`, 'latin1'), ...body, ...Buffer.from('</p></body></html>', 'latin1')]);
const text = (r: ReturnType<typeof decodeHtmlFile>) => (r.ok ? r.text : `ERR ${r.message}`);

describe('decodeHtmlFile', () => {
  it('reads the charset a page declares', () => {
    expect(text(decodeHtmlFile(page('<meta charset="windows-1252">', [0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]), 'a.html'))).toContain('Café “q”');
    expect(text(decodeHtmlFile(page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">', [0xa3, 0xf3, 0x64, 0xbc]), 'a.html'))).toContain('Łódź');
    expect(text(decodeHtmlFile(page('<meta charset=Shift_JIS>', [0x93, 0xfa, 0x96, 0x7b]), 'a.htm'))).toContain('日本');
    expect(text(decodeHtmlFile(page("<meta charset='koi8-r'>", [0xf2, 0xc1, 0xc4]), 'a.html'))).toContain('Рад');
  });

  it('trusts a byte-order mark over the declaration', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>Olá</p>', 'utf16le')]);
    expect(text(decodeHtmlFile(utf16, 'a.html'))).toBe('<p>Olá</p>');
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<meta charset="windows-1252"><p>Olá</p>', 'utf8')]);
    expect(text(decodeHtmlFile(utf8, 'a.html'))).toContain('Olá');
  });

  it('undeclared pages: UTF-8 when valid, else windows-1252 (the web default)', () => {
    expect(text(decodeHtmlFile(new Uint8Array(Buffer.from('<p>Olá</p>', 'utf8')), 'a.html'))).toBe('<p>Olá</p>');
    expect(text(decodeHtmlFile(new Uint8Array(Buffer.from('<p>Ol\xe1</p>', 'latin1')), 'a.html'))).toBe('<p>Olá</p>');
  });

  it('refuses an encoding it cannot read, and bytes that are not the declared encoding', () => {
    expect(text(decodeHtmlFile(page('<meta charset="x-klingon">', [0x41]), 'k.html'))).toMatch(/“k\.html” says it is in the “x-klingon” encoding, which Claimdesk cannot read/);
    const junk = Array.from({ length: 200 }, () => 0xff);
    expect(text(decodeHtmlFile(page('<meta charset="utf-8">', junk), 'u.html'))).toMatch(/“utf-8” encoding but its bytes do not read as that/);
  });

  it('finds the declaration and nothing else', () => {
    expect(declaredCharset(new Uint8Array(Buffer.from('<!-- x --><META CHARSET = "UTF-8" >'))),).toBe('utf-8');
    expect(declaredCharset(new Uint8Array(Buffer.from('<p>charset is a word</p>')))).toBeNull();
  });
});
