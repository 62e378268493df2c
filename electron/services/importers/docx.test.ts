import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import { MAX_IMPORT_BYTES } from '../../../shared/limits';
import { docxToHtml } from './docx';

// Made by scripts/fixtures/make-docx.mjs (the docx package, LibreOffice): see data/fixtures/README.md.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../data/fixtures/docx/${name}`, import.meta.url)));

async function refusal(bytes: Uint8Array, name: string): Promise<ApiError> {
  const e = await docxToHtml(bytes, name).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('docxToHtml: a report written in Word (ambush-report.docx)', async () => {
  const result = await docxToHtml(fixture('ambush-report.docx'), 'ambush-report.docx');

  it('takes the Title style, the byline, the publisher and the date line as metadata, and not the file\'s "created" date', () => {
    // The file's docProps say created 2019-06-01: that is the file, not the article.
    expect(result.meta).toEqual({
      title: 'Ambush near Tartous kills 14 troops',
      byline: 'Jane Doe and John Roe',
      publisher: 'Reuters',
      publishedAt: '2025-03-03',
      modifiedAt: '',
      url: '',
    });
    expect(result.html).not.toMatch(/Ambush near Tartous kills|Jane Doe|<p>Reuters|3 March 2025|2019/);
    expect(result.removed).toEqual(
      expect.arrayContaining([
        { text: 'By Jane Doe and John Roe', reason: 'moved to metadata (byline)' },
        { text: 'Reuters', reason: 'moved to metadata (publisher)' },
        { text: '3 March 2025', reason: 'moved to metadata (date)' },
      ]),
    );
  });

  it('keeps headings (from level 2), bold, italic, lists and http links', () => {
    expect(result.html).toMatch(/^<p>Rebel-led authorities in Syria said <strong>14 interior ministry troops<\/strong> were killed in an ambush\[1\], according to <em>state media<\/em>\.<\/p>/);
    expect(result.html).toContain('<h2>What the ministry said</h2>');
    expect(result.html).not.toContain('<h1');
    expect(result.html).toContain('<a href="https://example.org/ministry-statement">the ministry said</a>');
    expect(result.html).toContain('<ul><li>Security forces were deployed to the area.</li><li>A curfew was imposed in Homs.</li></ul>');
    expect(result.html).toContain('<ol><li>The ministry opened an inquiry.</li><li>Three suspects were arrested.</li></ol>');
  });

  it('drops the javascript: link but keeps its words, and lists it', () => {
    expect(result.html).not.toMatch(/javascript|<a href="(?!https:)/i);
    expect(result.html).toContain(' and a video shared online showed the convoy[3].');
    expect(result.removed).toContainEqual({ text: 'a video shared online (javascript:alert(document.cookie))', reason: 'link to an unsafe address (the words are kept)' });
  });

  it('turns the table into paragraphs of text', () => {
    expect(result.html).not.toMatch(/<t(able|r|d)/);
    expect(result.html).toContain('<p>Side | Killed</p><p>Interior ministry | 14</p><p>Gunmen | 3</p>');
  });

  it('keeps footnotes and endnotes as notes at the end, numbered as their markers', () => {
    expect(result.notes).toEqual([
      '[1] Figure from the interior ministry statement of 2 March 2025.',
      '[2] The Syrian Observatory for Human Rights gave a higher toll.',
      '[3] Translated from Arabic by the desk.',
    ]);
    expect(result.html).toMatch(/<p>The clashes came two weeks after the new government took office\.<\/p><h2>Notes<\/h2><p>\[1\] Figure from the interior ministry statement of 2 March 2025\.<\/p><p>\[2\] .*<p>\[3\] Translated from Arabic by the desk\.<\/p>$/);
    expect(result.html).not.toContain('↑');
  });

  it('drops the image and lists it by its description; leaves no attribute but href', () => {
    expect(result.html).not.toMatch(/<img|data:|src=|id=|class=/);
    expect(result.removed).toContainEqual({ text: 'Burnt-out convoy on the coast road', reason: 'image (not imported)' });
  });
});

describe('docxToHtml: a file LibreOffice wrote (curfew-homs.docx)', async () => {
  const result = await docxToHtml(fixture('curfew-homs.docx'), 'curfew-homs.docx');

  it('takes the first heading as the title, "Written by" as the byline and "Updated:" as the modified date', () => {
    expect(result.meta).toEqual({
      title: 'Curfew lifted in Homs after three days',
      byline: 'Ana Lima and Omar Haddad',
      publisher: '',
      publishedAt: '',
      modifiedAt: '2025-03-04',
      url: '',
    });
    expect(result.html).toMatch(/^<p>The overnight curfew in Homs was lifted on Monday/);
    expect(result.html).toContain('<h2>What the governor said</h2>');
    expect(result.html).toContain('<em>state media</em>');
    expect(result.notes).toEqual([]);
  });
});

describe('docxToHtml: bad input, each with a clear message', () => {
  it('a PNG renamed .docx', async () => {
    const e = await refusal(fixture('photo.docx'), 'photo.docx');
    expect(e.code).toBe('bad_file');
    expect(e.message).toMatch(/“photo\.docx” is not a Word file: it looks like a PNG image/);
  });

  it('a corrupt (truncated) zip', async () => {
    const e = await refusal(fixture('truncated.docx'), 'truncated.docx');
    expect(e.code).toBe('bad_file');
    expect(e.message).toMatch(/“truncated\.docx” is damaged and cannot be read as a Word file/);
  });

  it('a password-protected .docx', async () => {
    const e = await refusal(fixture('password.docx'), 'password.docx');
    expect(e.message).toMatch(/this Word file is password-protected/);
  });

  it('an old .doc, by its content whatever its name', async () => {
    expect((await refusal(fixture('curfew-homs.doc'), 'curfew-homs.doc')).message).toMatch(/old Word document \(\.doc, Word 97–2003\)/);
    expect((await refusal(fixture('curfew-homs.doc'), 'renamed.docx')).message).toMatch(/old Word document/);
  });

  it('a file over the size limit', async () => {
    const e = await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.docx');
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/“huge\.docx” is 5\.0 MB; Claimdesk imports Word files up to 5\.0 MB/);
  });

  it('a .docx with no text (only an image)', async () => {
    const e = await refusal(fixture('no-text.docx'), 'no-text.docx');
    expect(e.message).toBe('“no-text.docx” has no text to import.');
  });

  it('an empty file, and a zip that is not a Word document', async () => {
    expect((await refusal(new Uint8Array(0), 'empty.docx')).message).toBe('“empty.docx” is empty.');
    const zip = new Uint8Array(readFileSync(new URL('../../../data/fixtures/docx/truncated.docx', import.meta.url)).subarray(0, 30));
    expect((await refusal(zip, 'stub.docx')).message).toMatch(/damaged/);
  });
});
