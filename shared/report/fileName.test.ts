import { describe, expect, it } from 'vitest';
import { FALLBACK_SLUG, SLUG_MAX_BYTES, SLUG_MAX_CHARS, titleSlug, titleWords } from './fileName';

const words = (slug: string) => slug.split('-');
const graphemeCount = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length;

describe('titleSlug: real headlines', () => {
  it('cuts at the last whole word within the limit, never mid-word', () => {
    // The sample article; before, "…-with-syria-s" (cut mid-word at 60 characters, the apostrophe a break).
    expect(titleSlug('14 are killed by Assad supporters in a conflict with Syria’s new government')).toBe('14-are-killed-by-assad-supporters-in-a-conflict-with-syrias');
    expect(titleSlug('Sweden Drops Its Investigation Into Rape Allegation Against Julian Assange')).toBe('sweden-drops-its-investigation-into-rape-allegation-against');
    expect(titleSlug('13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020')).toBe('13-inch-macbook-pro-with-scissor-keyboard-expected-in-first');
    expect(titleSlug('The Weird Plumes of Jupiter\'s Moon Europa Are Spewing Water Vapor')).toBe('the-weird-plumes-of-jupiters-moon-europa-are-spewing-water');
    expect(titleSlug('Julian Assange: Sweden drops rape investigation')).toBe('julian-assange-sweden-drops-rape-investigation');
  });

  it('takes accents off Latin letters', () => {
    expect(titleSlug('Un troisième Français mort dans le séisme au Népal')).toBe('un-troisieme-francais-mort-dans-le-seisme-au-nepal');
    expect(titleSlug('1Password für Mac generiert Einmal-Passwörter')).toBe('1password-fur-mac-generiert-einmal-passworter');
  });

  it('keeps the letters of other scripts instead of giving an empty or anonymous name', () => {
    expect(titleSlug('مقتل 14 شخصاً في اشتباكات قرب طرطوس')).toBe('مقتل-14-شخصاً-في-اشتباكات-قرب-طرطوس');
    expect(titleSlug('В Тартусе погибли 14 человек')).toBe('в-тартусе-погибли-14-человек');
    expect(titleSlug('叙利亚塔尔图斯发生冲突，14人死亡')).toBe('叙利亚塔尔图斯发生冲突-14人死亡');
    // Devanagari vowel signs are marks: kept, or the words would be misspelt.
    expect(titleSlug('सीरिया में संघर्ष')).toBe('सीरिया-में-संघर्ष');
    expect(titleSlug('서울에서 회의')).toBe('서울에서-회의');
  });

  it('keeps every name within the limits, at whole words', () => {
    const headlines = [
      '14 are killed by Assad supporters in a conflict with Syria’s new government',
      'Yahoo’s Sale to Verizon Leaves Shareholders With Little Say - The New York Times',
      'В Тартусе погибли 14 человек в ходе столкновений с силами нового правительства Сирии',
      'مقتل 14 شخصاً في اشتباكات بين أنصار الأسد وقوات الحكومة السورية الجديدة قرب طرطوس',
    ];
    for (const h of headlines) {
      const slug = titleSlug(h);
      expect(graphemeCount(slug)).toBeLessThanOrEqual(SLUG_MAX_CHARS);
      expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(SLUG_MAX_BYTES);
      // The headline's first words, whole, and as many as fit.
      const all = titleWords(h);
      const kept = words(slug);
      expect(kept).toEqual(all.slice(0, kept.length));
      const longer = [...kept, all[kept.length]!].join('-');
      expect(graphemeCount(longer) > SLUG_MAX_CHARS || new TextEncoder().encode(longer).length > SLUG_MAX_BYTES).toBe(true);
    }
  });
});

describe('titleSlug: edge cases', () => {
  it('cuts one very long word at a character boundary, not in the middle of a letter', () => {
    expect(titleSlug('a'.repeat(200))).toBe('a'.repeat(SLUG_MAX_CHARS));
    expect(titleSlug('Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft report')).toBe('donaudampfschifffahrtselektrizitatenhauptbetriebswerkbauunte');
    const devanagari = titleSlug('संघर्ष'.repeat(30));
    expect(new TextEncoder().encode(devanagari).length).toBeLessThanOrEqual(SLUG_MAX_BYTES);
    expect('संघर्ष'.repeat(30).startsWith(devanagari)).toBe(true);
    expect(graphemeCount(devanagari)).toBeGreaterThan(0);
  });

  it('never gives an empty name, and nothing a file system treats specially', () => {
    for (const t of ['', '   ', '???', '🔥🔥🔥', '...', '"/\\:*?<>|']) expect(titleSlug(t)).toBe(FALLBACK_SLUG);
    expect(titleSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(titleSlug('C:\\Users\\desk <draft>: "final"?')).toBe('c-users-desk-draft-final');
    expect(titleSlug('line\nbreak\u0000and\ttab')).toBe('line-break-and-tab');
    for (const t of ['Syria’s', 'a/b', 'x:y', '\u202Eevil']) expect(titleSlug(t)).toMatch(/^[\p{L}\p{M}\p{N}-]+$/u);
  });

  it('does not produce a Windows device name', () => {
    expect(titleSlug('CON')).toBe('con-article');
    expect(titleSlug('Nul')).toBe('nul-article');
    expect(titleSlug('COM1')).toBe('com1-article');
    expect(titleSlug('Console wars')).toBe('console-wars');
  });
});
