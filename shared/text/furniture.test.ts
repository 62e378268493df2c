import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RemovedText } from '../schema/article';
import { stripFurniture } from './furniture';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');
const blocksOf = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
const removedLines = (removed: RemovedText[]): string[] => removed.flatMap((r) => r.text.split('\n'));
const reasonOf = (removed: RemovedText[], line: string): string | undefined =>
  removed.find((r) => r.text.split('\n').includes(line))?.reason;

const PARAGRAPH =
  'Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday in proximity to the Mediterranean port of Tartous.';

describe('stripFurniture', () => {
  it('removes the sample article’s trailing furniture and lists every line', () => {
    const blocks = blocksOf(sample);
    const { kept, removed } = stripFurniture(blocks);
    const furniture = sample.slice(sample.indexOf('SHARE NOW')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(furniture[0]).toBe('SHARE NOW');
    expect(furniture[furniture.length - 1]).toBe('Your email address will not be published. Required fields are marked *');
    expect(removedLines(removed).sort()).toEqual([...furniture].sort());
    expect(kept).toHaveLength(blocks.length - 5);
    expect(kept[kept.length - 1]).toMatch(/^On Tuesday, demonstrations erupted/);
    expect(reasonOf(removed, 'SHARE NOW')).toBe('share buttons');
    expect(reasonOf(removed, 'Share on whatsapp')).toBe('share buttons');
    expect(reasonOf(removed, 'LinkedIn')).toBe('share buttons');
    expect(reasonOf(removed, 'RECOMMEND FOR YOU')).toBe('related-links box');
    expect(reasonOf(removed, 'Leave a Reply')).toBe('comment form');
    // Runs with the same reason are merged into one entry.
    expect(removed.map((r) => r.reason)).toEqual(['share buttons', 'related-links box', 'comment form']);
  });

  it('keeps body paragraphs that mention platforms or reporting', () => {
    const body = [
      'Videos of the attack were shared on Facebook and WhatsApp before being taken down.',
      'State media reported that a curfew was imposed.',
      'Facebook',
    ];
    const { kept, removed } = stripFurniture(body);
    expect(kept).toEqual(body); // a lone platform name with no share marker nearby is kept
    expect(removed).toEqual([]);
  });

  it('removes short blocks after a tail marker, and a long paragraph ends the tail', () => {
    const { kept, removed } = stripFurniture([
      PARAGRAPH,
      'RECOMMEND FOR YOU',
      'Assad’s fall: what next for the Alawites',
      'Ten killed in Homs clashes\nChristmas tree burning sparks protests',
      'Editor’s note: ' + PARAGRAPH,
      'Short line after the tail',
    ]);
    expect(kept).toEqual([PARAGRAPH, 'Editor’s note: ' + PARAGRAPH, 'Short line after the tail']);
    expect(removed).toEqual([
      { text: 'RECOMMEND FOR YOU', reason: 'related-links box' },
      {
        text: 'Assad’s fall: what next for the Alawites\nTen killed in Homs clashes\nChristmas tree burning sparks protests',
        reason: 'links after “RECOMMEND FOR YOU”',
      },
    ]);
  });

  it('keeps a hard-wrapped paragraph in the tail', () => {
    const wrapped = 'The interior ministry said the footage was not recent\nand came from a rebel offensive in Aleppo in\nlate November, officials told reporters.';
    const { kept } = stripFurniture(['Related articles', wrapped]);
    expect(kept).toEqual([wrapped]);
  });

  it('keeps a short real sentence in the tail', () => {
    const { kept } = stripFurniture(['You may also like', 'The ministry did not respond to a request for comment.']);
    expect(kept).toEqual(['The ministry did not respond to a request for comment.']);
  });

  it('removes platform names only next to a strong marker', () => {
    const { kept, removed } = stripFurniture([PARAGRAPH, 'Share via\nFacebook\nX\nEmail\nPrint', PARAGRAPH]);
    expect(kept).toEqual([PARAGRAPH, PARAGRAPH]);
    expect(removed).toEqual([{ text: 'Share via\nFacebook\nX\nEmail\nPrint', reason: 'share buttons' }]);
  });

  it('counts platform names after a share marker as share buttons', () => {
    const { kept, removed } = stripFurniture([PARAGRAPH, 'SHARE NOW', 'Facebook\nWhatsApp', '[Twitter](https://twitter.com/intent)']);
    expect(kept).toEqual([PARAGRAPH]);
    expect(removed).toEqual([{ text: 'SHARE NOW\nFacebook\nWhatsApp\n[Twitter](https://twitter.com/intent)', reason: 'share buttons' }]);
  });

  it('recognises cookie banners, ad labels and newsletter prompts anywhere', () => {
    const { kept, removed } = stripFurniture([
      'We use cookies to improve your experience. By continuing you agree to our cookie policy.\nAccept all cookies\nCookie settings',
      'Advertisement',
      PARAGRAPH,
      '— Sponsored —',
      'Subscribe to our newsletter for the latest news from Syria',
      'Sign up for our daily newsletter',
      PARAGRAPH,
    ]);
    expect(kept).toEqual([PARAGRAPH, PARAGRAPH]);
    expect(reasonOf(removed, 'Accept all cookies')).toBe('cookie banner');
    expect(reasonOf(removed, 'Cookie settings')).toBe('cookie banner');
    expect(reasonOf(removed, 'Advertisement')).toBe('advertisement label');
    expect(reasonOf(removed, '— Sponsored —')).toBe('advertisement label');
    expect(reasonOf(removed, 'Sign up for our daily newsletter')).toBe('newsletter prompt');
  });

  it('removes furniture lines from inside a block and keeps the rest of it', () => {
    const { kept, removed } = stripFurniture([`Advertisement\n${PARAGRAPH}`]);
    expect(kept).toEqual([PARAGRAPH]);
    expect(removed).toEqual([{ text: 'Advertisement', reason: 'advertisement label' }]);
  });

  it('does not merge removals that have article text between them', () => {
    const { removed } = stripFurniture(['Advertisement', PARAGRAPH, 'Advertisement']);
    expect(removed).toHaveLength(2);
  });

  it('looks through Markdown decoration', () => {
    const { kept, removed } = stripFurniture([
      PARAGRAPH,
      '**Share this article**\n- [Facebook](https://facebook.com/share)\n- [Twitter](https://twitter.com/intent)',
      '## Related stories',
      '- [Ten killed in Homs](https://example.com/homs)',
      '*Leave a comment*',
    ]);
    expect(kept).toEqual([PARAGRAPH]);
    expect(reasonOf(removed, '- [Facebook](https://facebook.com/share)')).toBe('share buttons');
    expect(reasonOf(removed, '- [Ten killed in Homs](https://example.com/homs)')).toBe('links after “Related stories”');
    expect(reasonOf(removed, '*Leave a comment*')).toBe('comment form');
  });

  it('leaves an article without furniture alone', () => {
    expect(stripFurniture(['Title', PARAGRAPH])).toEqual({ kept: ['Title', PARAGRAPH], removed: [] });
  });
});
