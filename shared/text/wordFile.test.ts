import { describe, expect, it } from 'vitest';
import { checkWordFile } from './wordFile';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => Array.from(s).flatMap((c) => [c.charCodeAt(0), 0]);
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());

describe('checkWordFile', () => {
  it('lets a ZIP package through to be unzipped', () => {
    expect(checkWordFile(bytes([0x50, 0x4b, 0x03, 0x04], [0, 0]), 'a.docx')).toEqual({ ok: true });
  });

  it('tells a password-protected .docx from an old .doc, both compound files', () => {
    const enc = checkWordFile(bytes(OLE, new Array(100).fill(0), utf16('EncryptedPackage')), 'a.docx');
    expect(enc.ok === false && enc.message).toMatch(/“a\.docx” cannot be opened: this Word file is password-protected/);
    const doc = checkWordFile(bytes(OLE, utf16('WordDocument')), 'b.docx');
    expect(doc.ok === false && doc.message).toMatch(/old Word document/);
    const xls = checkWordFile(bytes(OLE, utf16('Workbook')), 'c.docx');
    expect(xls.ok === false && xls.message).toMatch(/older Office file/);
  });

  it('names what a renamed file looks like, and says so when it cannot', () => {
    const pdf = checkWordFile(new TextEncoder().encode('%PDF-1.7'), 'folder/report.docx');
    expect(pdf.ok === false && pdf.message).toBe('“report.docx” is not a Word file: it looks like a PDF document. It may be another kind of file renamed .docx.');
    const text = checkWordFile(new TextEncoder().encode('just text'), 'notes.docx');
    expect(text.ok === false && text.message).toMatch(/does not start as a \.docx does/);
  });
});
