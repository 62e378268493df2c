/**
 * Words, sentences and paragraphs of an article's plain text, with their offsets (UTF-16 code units,
 * end exclusive), for detection. Hand-written rather than a library's: on a 20,000-word article it takes
 * a few milliseconds, where wink-nlp's sentence splitter alone took about 40 ms (issue #13), and the rules
 * that matter here (quotes, abbreviations, figures such as "100,000" and "3.5") are few.
 */

export type Token = {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased, with curly apostrophes as straight ones, for lexicon look-ups and features. */
  norm: string;
};

export type Sentence = {
  start: number;
  end: number;
  /** Index of its first token and one past its last. */
  first: number;
  last: number;
  paragraph: number;
};

export type Paragraph = { start: number; end: number; firstSentence: number; lastSentence: number };

export type Tokenized = { text: string; tokens: Token[]; sentences: Sentence[]; paragraphs: Paragraph[] };

/**
 * A word (letters, digits, with inner apostrophes, hyphens, and dots or commas between digits), or any
 * other single non-space character. "U.S." and "Mr." keep their dots (see ABBREVIATIONS below); two
 * apostrophes or backquotes (the New York Times' quotation marks, '' and ``) are one token.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:['’\-–&]|(?<=\p{N})[.,:/](?=\p{N})|(?<=\p{L})\.(?=\p{L}\.))[\p{L}\p{M}\p{N}]+)*|''|``|\S/gu;

/** Words written with a dot that does not end a sentence: titles, months, and the like. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'st', 'jr', 'sr', 'rev', 'hon', 'pres',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co',
  'mt', 'ft', 'approx', 'dept', 'univ', 'est', 'fig',
]);

/**
 * A "sentence" longer than this (a table, a text without full stops) is cut into pieces of this many
 * tokens, so no per-sentence step can grow with the square of a long run of text. Real sentences in
 * PolNeAR stay far below it.
 */
export const MAX_SENTENCE_TOKENS = 200;

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", "''", ')', ']', '»']);

/** Whether a token opens a quotation, closes one, or may do either (straight quotes, which toggle). */
export function quoteKind(text: string): 'open' | 'close' | 'toggle' | null {
  if (text === '“' || text === '«' || text === '``') return 'open';
  if (text === '”' || text === '»') return 'close';
  if (text === '"' || text === "''") return 'toggle';
  return null;
}

export function normalizeWord(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let end = m.index + m[0].length;
    const word = m[0];
    // The dot of an abbreviation or an initial ("Mr.", "U.S.", "J.") belongs to the word.
    if (text.charCodeAt(end) === 46 /* . */ && /\p{L}/u.test(word)) {
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
        end += 1;
        TOKEN.lastIndex = end;
      }
    }
    const t = text.slice(m.index, end);
    tokens.push({ start: m.index, end, text: t, norm: normalizeWord(t) });
  }
  return tokens;
}

function startsSentence(t: Token | undefined): boolean {
  if (!t) return true;
  return /^[\p{Lu}\p{N}"“‘'`(\[«]/u.test(t.text);
}

/** Splits into paragraphs at blank lines (and at single line breaks: a hard break is a block too), then into sentences. */
export function analyse(text: string): Tokenized {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  // The next line break at or after the previous token, kept so finding paragraphs stays linear.
  let nl = -1;
  const breakBefore = (j: number): boolean => {
    const prevEnd = tokens[j - 1]!.end;
    if (nl !== Infinity && nl < prevEnd) {
      nl = text.indexOf('\n', prevEnd);
      if (nl === -1) nl = Infinity;
    }
    return nl < tokens[j]!.start;
  };
  const push = (first: number, last: number) => {
    for (let a = first; a < last; a += MAX_SENTENCE_TOKENS) {
      const b = Math.min(last, a + MAX_SENTENCE_TOKENS);
      sentences.push({ start: tokens[a]!.start, end: tokens[b - 1]!.end, first: a, last: b, paragraph: paragraphs.length });
    }
  };
  let i = 0;
  while (i < tokens.length) {
    const pFirst = i;
    let j = i + 1;
    while (j < tokens.length && !breakBefore(j)) j++;
    const firstSentence = sentences.length;
    let s = pFirst;
    for (let k = pFirst; k < j; k++) {
      const t = tokens[k]!;
      if (!SENTENCE_END.has(t.text)) continue;
      let e = k + 1;
      while (e < j && (CLOSERS.has(tokens[e]!.text) || SENTENCE_END.has(tokens[e]!.text)) && tokens[e]!.start === tokens[e - 1]!.end) e++;
      if (e < j && !startsSentence(tokens[e])) continue;
      push(s, e);
      s = e;
      k = e - 1;
    }
    if (s < j) push(s, j);
    paragraphs.push({ start: tokens[pFirst]!.start, end: tokens[j - 1]!.end, firstSentence, lastSentence: sentences.length });
    i = j;
  }
  return { text, tokens, sentences, paragraphs };
}
