import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DocNodeJson } from '../schema/doc';
import { articleFromText, looksLikeSubheading, type ParsedArticle } from './fromText';
import { checkArticleDoc } from './checkDoc';
import { articleSchema } from './schema';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');

const P1 =
  'Rebel-led authorities in Syria said 14 interior ministry troops were killed in an ambush by supporters of the ousted president.';
const P2 = 'Ten more troops were injured in the clashes near the port of Tartous, according to the ministry.';

function textOf(node: DocNodeJson): string {
  if (node.text !== undefined) return node.text;
  return (node.content ?? []).map(textOf).join('');
}

function body(parsed: ParsedArticle): DocNodeJson[] {
  const content = parsed.doc.content ?? [];
  expect(content[0]?.type).toBe('title');
  return content.slice(1);
}

function expectValid(parsed: ParsedArticle): void {
  const doc = articleSchema.nodeFromJSON(parsed.doc);
  expect(() => doc.check()).not.toThrow();
  expect(checkArticleDoc(parsed.doc).ok).toBe(true);
  doc.descendants((node) => {
    if (node.isText) expect(node.text).not.toBe('');
  });
}

describe('articleFromText: the sample article', () => {
  const parsed = articleFromText(sample, 'text');

  it('takes the headline as title', () => {
    expect(parsed.meta.title).toBe('14 are killed by Assad supporters in a conflict with Syria’s new government');
    expect(textOf(parsed.doc.content?.[0] ?? {type: 'title'})).toBe(parsed.meta.title);
    expectValid(parsed);
  });

  it('removes the duplicated headline with its straight apostrophe', () => {
    const dup = parsed.removed.find((r) => r.text === '14 are killed by Assad supporters in a conflict with Syria\'s new government');
    expect(dup?.reason).toMatch(/duplicated headline/);
  });

  it('removes and lists every furniture line', () => {
    const furniture = sample.slice(sample.indexOf('SHARE NOW')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(furniture).toContain('Your email address will not be published. Required fields are marked *');
    const removedLines = parsed.removed.flatMap((r) => r.text.split('\n'));
    for (const line of furniture) expect(removedLines).toContain(line);
    const all = JSON.stringify(parsed.doc);
    for (const line of ['SHARE NOW', 'RECOMMEND FOR YOU', 'Leave a Reply', 'Share on facebook']) expect(all).not.toContain(line);
  });

  it('keeps every body paragraph as a paragraph', () => {
    // The file has 24 blocks before "SHARE NOW": the headline, its duplicate and 22 body paragraphs.
    const before = sample.slice(0, sample.indexOf('SHARE NOW')).split(/\n\s*\n/).filter((b) => b.trim() !== '');
    expect(before).toHaveLength(24);
    const blocks = body(parsed);
    expect(blocks).toHaveLength(22);
    expect(blocks.map(textOf)).toEqual(before.slice(2).map((b) => b.trim()));
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(textOf(blocks[0] ?? { type: 'paragraph' })).toMatch(/^In a recent development, rebel-led authorities/);
    expect(textOf(blocks[21] ?? { type: 'paragraph' })).toMatch(/^On Tuesday, demonstrations erupted/);
    expect(textOf(blocks[4] ?? { type: 'paragraph' })).toContain('“armed men”');
  });

  it('finds no byline, date or address in it', () => {
    expect(parsed.meta).toMatchObject({ byline: '', publishedAt: '', url: '' });
  });

  it('gives the same result for CRLF line endings', () => {
    expect(articleFromText(sample.replace(/\n/g, '\r\n'), 'text')).toEqual(parsed);
  });
});

describe('articleFromText: plain text', () => {
  it('moves byline, date and address lines into metadata', () => {
    const parsed = articleFromText(
      ['Ambush near Tartous', 'By Jane Doe, Reuters', 'Published December 24, 2024', 'https://example.com/news/tartous', P1, P2].join('\n\n'),
      'text',
    );
    expect(parsed.meta).toEqual(
      meta({ title: 'Ambush near Tartous', byline: 'Jane Doe', publisher: 'Reuters', publishedAt: '2024-12-24', url: 'https://example.com/news/tartous' }),
    );
    expect(parsed.removed).toEqual([
      { text: 'By Jane Doe, Reuters', reason: 'moved to metadata (byline, publisher)' },
      { text: 'Published December 24, 2024', reason: 'moved to metadata (date)' },
      { text: 'https://example.com/news/tartous', reason: 'moved to metadata (web address)' },
    ]);
    expect(body(parsed).map(textOf)).toEqual([P1, P2]);
    expectValid(parsed);
  });

  it('finds metadata lines grouped in one block or under the headline', () => {
    const parsed = articleFromText(`Ambush near Tartous\nBY JOHN SMITH\n\n24 December 2024 10:32 GMT\n${P1}\n\n${P2}`, 'text');
    expect(parsed.meta).toMatchObject({ title: 'Ambush near Tartous', byline: 'JOHN SMITH', publishedAt: '2024-12-24' });
    expect(body(parsed).map(textOf)).toEqual([P1, P2]);
  });

  it('does not look for metadata below the first paragraph', () => {
    const parsed = articleFromText(['Ambush near Tartous', P1, 'December 24, 2024', P2].join('\n\n'), 'text');
    expect(parsed.meta.publishedAt).toBe('');
    expect(body(parsed)).toHaveLength(3);
  });

  it('turns short capitalised lines into subheadings, and not sentences or the last block', () => {
    const parsed = articleFromText(
      ['Ambush near Tartous', P1, 'Calls for justice', P2, 'A curfew in Homs.', P1, '“We are afraid”', P2, 'Reporting by Jane Doe'].join('\n\n'),
      'text',
    );
    expect(body(parsed).map((n) => `${n.type}${n.attrs?.level ?? ''}: ${textOf(n).slice(0, 20)}`)).toEqual([
      'paragraph: Rebel-led authoritie',
      'heading2: Calls for justice',
      'paragraph: Ten more troops were',
      'paragraph: A curfew in Homs.',
      'paragraph: Rebel-led authoritie',
      'paragraph: “We are afraid”',
      'paragraph: Ten more troops were',
      'paragraph: Reporting by Jane Do',
    ]);
    expect(looksLikeSubheading('the aftermath', false)).toBe(false);
    expect(looksLikeSubheading('2024 in review', false)).toBe(true);
    expect(looksLikeSubheading('What happens next?', false)).toBe(false);
    expect(looksLikeSubheading('One two three four five six seven eight nine ten eleven', false)).toBe(false);
    expect(looksLikeSubheading('Background', true)).toBe(false);
  });

  it('joins hard-wrapped lines and builds lists and quotes', () => {
    const parsed = articleFromText(
      [
        'Ambush near Tartous',
        'Rebel-led authorities in Syria said 14 troops\nwere killed in an ambush.',
        'The ministry listed:\n- ten injured\n- three gunmen\n  killed\n• one arrest',
        '1. First point\n2) Second point',
        '> A quoted line\n> that continues',
        P2,
      ].join('\n\n'),
      'text',
    );
    const blocks = body(parsed);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'bullet_list', 'ordered_list', 'blockquote', 'paragraph']);
    expect(textOf(blocks[0] ?? { type: 'x' })).toBe('Rebel-led authorities in Syria said 14 troops were killed in an ambush.');
    expect((blocks[2]?.content ?? []).map(textOf)).toEqual(['ten injured', 'three gunmen killed', 'one arrest']);
    expect((blocks[3]?.content ?? []).map(textOf)).toEqual(['First point', 'Second point']);
    expect(textOf(blocks[4] ?? { type: 'x' })).toBe('A quoted line that continues');
    expectValid(parsed);
  });

  it('keeps a body paragraph that mentions Facebook', () => {
    const line = 'The video was first shared on Facebook, reported state media, before spreading on WhatsApp.';
    const parsed = articleFromText(['Ambush near Tartous', P1, line, 'Facebook', P2].join('\n\n'), 'text');
    expect(body(parsed).map(textOf)).toEqual([P1, line, 'Facebook', P2]);
    expect(parsed.removed).toEqual([]);
  });

  it('throws a readable error when only furniture is left', () => {
    expect(() => articleFromText('SHARE NOW\n\nShare on facebook\nFacebook\n\nLeave a Reply\n\nYour email address will not be published.', 'text')).toThrow(
      /No article text was found/,
    );
    expect(() => articleFromText('   \n\n  ', 'text')).toThrow(Error);
  });

  it('gives a lone headline an empty paragraph, and a lone long paragraph no title', () => {
    const headline = articleFromText('Ambush near Tartous', 'text');
    expect(headline.meta.title).toBe('Ambush near Tartous');
    expect(body(headline)).toEqual([{ type: 'paragraph' }]);
    expectValid(headline);
    const long = `${P1} ${P2} ${P1}`;
    const para = articleFromText(long, 'text');
    expect(para.meta.title).toBe('');
    expect(body(para).map(textOf)).toEqual([long]);
    expectValid(para);
  });
});

/** The metadata of an article with nothing found but what a test names. */
function meta(fields: Partial<ParsedArticle['meta']>): ParsedArticle['meta'] {
  return { title: '', byline: '', publisher: '', publishedAt: '', modifiedAt: '', url: '', ...fields };
}

// Each layout below was glued onto the headline, left its duplicated headline in the body or never filled
// the publisher before header lines became metadata (shared/text/headerLines.ts).
describe('articleFromText: header lines around the headline', () => {
  const bodyText = (parsed: ParsedArticle) => body(parsed).map(textOf);

  it('headline, then the publisher on the next line', () => {
    const parsed = articleFromText(`Ambush near Tartous\nReuters\n\n${P1}\n\n${P2}`, 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', publisher: 'Reuters' }));
    expect(bodyText(parsed)).toEqual([P1, P2]);
    expect(parsed.removed).toEqual([{ text: 'Reuters', reason: 'moved to metadata (publisher)' }]);
    expectValid(parsed);
  });

  it('publisher, then the headline', () => {
    const parsed = articleFromText(`BBC News\n\nAmbush near Tartous\n\n${P1}\n\n${P2}`, 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', publisher: 'BBC News' }));
    expect(bodyText(parsed)).toEqual([P1, P2]);
    expectValid(parsed);
  });

  it('byline, publisher and date on one line', () => {
    const parsed = articleFromText(`Ambush near Tartous\nBy Jane Doe | Reuters | 3 March 2025\n\n${P1}\n\n${P2}`, 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', byline: 'Jane Doe', publisher: 'Reuters', publishedAt: '2025-03-03' }));
    expect(bodyText(parsed)).toEqual([P1, P2]);
    expect(parsed.removed).toEqual([{ text: 'By Jane Doe | Reuters | 3 March 2025', reason: 'moved to metadata (byline, publisher, date)' }]);
  });

  it('"Written by" several authors, and the publisher under it', () => {
    const parsed = articleFromText(`Ambush near Tartous\nWritten by Jane Doe and John Roe\nAl Jazeera\n\n${P1}\n\n${P2}`, 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', byline: 'Jane Doe and John Roe', publisher: 'Al Jazeera' }));
    expect(bodyText(parsed)).toEqual([P1, P2]);
  });

  it('"Updated:" is the modified date, not the published one', () => {
    const parsed = articleFromText(`Ambush near Tartous\nPublished: 3 March 2025\nUpdated: 10:32 GMT, 4 March 2025\n\n${P1}\n\n${P2}`, 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', publishedAt: '2025-03-03', modifiedAt: '2025-03-04' }));
    expect(bodyText(parsed)).toEqual([P1, P2]);
    expect(parsed.removed.map((r) => r.reason)).toEqual(['moved to metadata (date)', 'moved to metadata (updated date)']);
  });

  it('the headline repeated after a header of separate lines', () => {
    const parsed = articleFromText(
      ['Ambush near Tartous', 'The Guardian', 'By Jane Doe', 'Last updated 4 March 2025', 'https://example.com/a', 'Ambush near Tartous', P1, P2].join('\n\n'),
      'text',
    );
    expect(parsed.meta).toEqual(
      meta({ title: 'Ambush near Tartous', byline: 'Jane Doe', publisher: 'The Guardian', modifiedAt: '2025-03-04', url: 'https://example.com/a' }),
    );
    expect(bodyText(parsed)).toEqual([P1, P2]);
    expect(parsed.removed).toContainEqual({ text: 'Ambush near Tartous', reason: 'duplicated headline' });
  });

  it('a Markdown # headline with header lines under it', () => {
    const parsed = articleFromText(`# Ambush near *Tartous*\nSky News | 3 March 2025\n*Words by Jane Doe*\n\nAmbush near Tartous\n\n${P1}\n\n${P2}`, 'markdown');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', byline: 'Jane Doe', publisher: 'Sky News', publishedAt: '2025-03-03' }));
    expect(bodyText(parsed)).toEqual([P1, P2]);
    expectValid(parsed);
  });

  it('a title-only article with its header', () => {
    const parsed = articleFromText('Ambush near Tartous\nReuters\n3 March 2025', 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', publisher: 'Reuters', publishedAt: '2025-03-03' }));
    expect(body(parsed)).toEqual([{ type: 'paragraph' }]);
    expectValid(parsed);
  });

  it('a site name with its domain above the headline, and a dateline with the agency in brackets', () => {
    const parsed = articleFromText(`Enab Baladi (enabbaladi.net)\n\nAmbush near Tartous\n\n(AFP)\n\n${P1}`, 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous', publisher: 'Enab Baladi' }));
    expect(bodyText(parsed)).toEqual([P1]);
    expect(parsed.removed).toContainEqual({ text: '(AFP)', reason: 'header line (publisher already found)' });
  });

  it('leaves a publisher named in the body, and short lines below the first paragraph, as text', () => {
    const parsed = articleFromText(['Ambush near Tartous', P1, 'Reuters', 'BBC News', P2].join('\n\n'), 'text');
    expect(parsed.meta).toEqual(meta({ title: 'Ambush near Tartous' }));
    expect(bodyText(parsed)).toEqual([P1, 'Reuters', 'BBC News', P2]);
  });
});

describe('articleFromText: markdown', () => {
  const md = [
    '# Ambush near *Tartous*',
    '',
    '_By Jane Doe_',
    '',
    '**December 24, 2024**',
    '',
    'Ambush near Tartous',
    '',
    `Rebel-led authorities said **14 troops** were killed, according to [the ministry](https://example.com/ministry "Ministry") and [a tip](javascript:alert(1)).`,
    '',
    '# A body heading',
    '',
    '## Calls for justice',
    '',
    '### Deeper',
    '',
    '- first *point*',
    '- second point',
    '',
    '3. third',
    '4. fourth',
    '',
    '> A quoted line',
    '',
    '<script>alert("x")</script> and <b>bold</b> stay as text',
    '',
    '    indented, not code',
    '',
    'Some `code` and ![a photo](https://example.com/p.jpg) here.',
    '',
    '---',
    '',
    '[Relative link](/news/other) and <https://example.com/auto>',
    '',
    'SHARE NOW',
    '',
    '[Facebook](https://facebook.com/sharer)',
  ].join('\n');
  const parsed = articleFromText(md, 'markdown');
  const blocks = body(parsed);

  it('builds a valid document', () => {
    expectValid(parsed);
  });

  it('takes the title and metadata with markdown stripped', () => {
    expect(parsed.meta).toMatchObject({ title: 'Ambush near Tartous', byline: 'Jane Doe', publishedAt: '2024-12-24' });
    expect(parsed.removed).toEqual(
      expect.arrayContaining([
        { text: 'Ambush near Tartous', reason: 'duplicated headline' },
        { text: '_By Jane Doe_', reason: 'moved to metadata (byline)' },
        { text: '**December 24, 2024**', reason: 'moved to metadata (date)' },
        { text: 'SHARE NOW\n[Facebook](https://facebook.com/sharer)', reason: 'share buttons' },
        { text: 'a photo (https://example.com/p.jpg)', reason: 'image (not imported)' },
      ]),
    );
  });

  it('keeps emphasis and safe links, and drops unsafe links but keeps their text', () => {
    const p = blocks[0];
    expect(p?.type).toBe('paragraph');
    expect(textOf(p ?? { type: 'x' })).toBe('Rebel-led authorities said 14 troops were killed, according to the ministry and a tip.');
    const strong = p?.content?.find((n) => n.text === '14 troops');
    expect(strong?.marks).toEqual([{ type: 'strong' }]);
    const link = p?.content?.find((n) => n.text === 'the ministry');
    expect(link?.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.com/ministry', title: 'Ministry' } }]);
    const tip = p?.content?.find((n) => n.text?.includes('a tip'));
    expect(tip?.marks).toBeUndefined();
  });

  it('maps headings so the body starts at level 2', () => {
    expect(blocks.slice(1, 4).map((b) => [b.type, b.attrs?.level, textOf(b)])).toEqual([
      ['heading', 2, 'A body heading'],
      ['heading', 2, 'Calls for justice'],
      ['heading', 3, 'Deeper'],
    ]);
  });

  it('builds lists and block quotes', () => {
    expect(blocks[4]?.type).toBe('bullet_list');
    expect(blocks[4]?.content?.map(textOf)).toEqual(['first point', 'second point']);
    const em = blocks[4]?.content?.[0]?.content?.[0]?.content?.find((n) => n.text === 'point');
    expect(em?.marks).toEqual([{ type: 'em' }]);
    expect(blocks[5]?.type).toBe('ordered_list');
    expect(blocks[5]?.attrs?.order).toBe(3);
    expect(blocks[6]?.type).toBe('blockquote');
    expect(textOf(blocks[6] ?? { type: 'x' })).toBe('A quoted line');
  });

  it('keeps raw HTML, indented text and code as plain text', () => {
    expect(textOf(blocks[7] ?? { type: 'x' })).toBe('<script>alert("x")</script> and <b>bold</b> stay as text');
    expect(blocks[8]?.type).toBe('paragraph');
    expect(textOf(blocks[8] ?? { type: 'x' })).toBe('indented, not code');
    expect(textOf(blocks[9] ?? { type: 'x' })).toBe('Some `code` and  here.');
  });

  it('keeps horizontal rules and drops relative links but not autolinks', () => {
    expect(blocks[10]?.type).toBe('horizontal_rule');
    const last = blocks[11];
    expect(textOf(last ?? { type: 'x' })).toBe('Relative link and https://example.com/auto');
    expect(last?.content?.[0]?.marks).toBeUndefined();
    expect(last?.content?.[last.content.length - 1]?.marks?.[0]?.type).toBe('link');
    expect(blocks).toHaveLength(12);
  });

  it('reads a setext headline and a linked address line', () => {
    const parsed2 = articleFromText(`Ambush near Tartous\n===\n\n<https://example.com/a>\n\n${P1}`, 'markdown');
    expect(parsed2.meta).toMatchObject({ title: 'Ambush near Tartous', url: 'https://example.com/a' });
    expect(body(parsed2).map(textOf)).toEqual([P1]);
  });

  it('drops empty quotes and image-only paragraphs', () => {
    const parsed2 = articleFromText(`# Title\n\n>\n\n![](https://example.com/x.png)\n\n${P1}`, 'markdown');
    expect(body(parsed2).map((b) => b.type)).toEqual(['paragraph']);
    expect(parsed2.removed).toEqual([{ text: 'https://example.com/x.png', reason: 'image (not imported)' }]);
  });

  it('throws when only furniture is left', () => {
    expect(() => articleFromText('## Related stories\n\n- [One](https://a.example)\n\n*Leave a comment*', 'markdown')).toThrow(
      /No article text was found/,
    );
  });
});
