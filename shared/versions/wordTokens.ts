/**
 * The tokens two versions are compared in: words (letters and digits, with the apostrophes, hyphens,
 * points and commas inside them, so "1,400", "al-Sham" and "don't" are one word), runs of whitespace, and
 * every other character alone. Joined they give the text back exactly.
 */
const TOKEN = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*|\s+|[^]/gu;

export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The words of a text alone, lower case (for similarity): the word tokens without spacing and punctuation. */
export function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu) ?? [];
}
