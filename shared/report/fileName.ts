/**
 * The name an export is saved under: the headline as a short slug a person recognises in a folder.
 *
 * - Latin letters lose their accents ("Éléphant" → "elephant"); other scripts keep their letters and marks
 *   (Arabic, Cyrillic, Chinese, Devanagari: every current file system takes them), so no headline ends up
 *   as an anonymous "article".
 * - Only letters, marks and digits are kept, joined by "-": nothing a file system or a shell treats
 *   specially (`/ \ : * ? " < > |`, control characters, leading dots, trailing spaces) can survive.
 * - Cut at the last whole word within SLUG_MAX_CHARS characters (and SLUG_MAX_BYTES UTF-8 bytes, for
 *   file systems that count bytes), never mid-word; only a first word longer than the limit is cut, at a
 *   character (grapheme) boundary.
 * - Windows' reserved device names (CON, NUL, COM1…) get a suffix, since "con.html" cannot be created there.
 */

/** Long enough for most headlines' first clause, short enough to read in a file dialog. */
export const SLUG_MAX_CHARS = 60;
/** 255 bytes is the common file-name limit; this leaves room for the longest extension and a " (2)". */
export const SLUG_MAX_BYTES = 180;
export const FALLBACK_SLUG = 'article';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

const graphemes = (s: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);
const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/** The headline's words, lower-cased, in a file-name-safe alphabet. */
export function titleWords(title: string): string[] {
  return (
    title
      .normalize('NFKD')
      // Accents off Latin letters only: in other scripts the marks are part of the letters.
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      // An apostrophe inside a word joins it: "Syria’s" is one word, "syrias", not "syria-s".
      .replace(/(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu, '')
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((w) => w !== '')
  );
}

const fits = (s: string) => graphemes(s).length <= SLUG_MAX_CHARS && utf8Bytes(s) <= SLUG_MAX_BYTES;

/** The headline as a slug: whole words up to the limits, or the first word cut when it alone is too long. */
export function titleSlug(title: string): string {
  const all = titleWords(title);
  let slug = '';
  for (const w of all) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (!fits(next)) break;
    slug = next;
  }
  if (slug === '' && all.length > 0) {
    for (const g of graphemes(all[0]!)) {
      if (!fits(slug + g)) break;
      slug += g;
    }
  }
  if (slug === '') return FALLBACK_SLUG;
  return WINDOWS_RESERVED.test(slug) ? `${slug}-${FALLBACK_SLUG}` : slug;
}
