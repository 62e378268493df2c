/**
 * What kind of words a change between versions touched, for the diff view and the reports to call out:
 * a figure ("14" -> "17", "ten" -> "dozens"), a date ("Tuesday", "yesterday", "2024", "2024-12-01",
 * "March"), a name (a capitalised word inside a sentence, an acronym: "Homs", "SOHR") or attribution
 * ("said" -> "claimed", "according to", "reportedly", "sources"). The words come from detection's lexicon
 * (shared/detect/lexicon.ts), so "attribution" means here what it means to the claim detector.
 *
 * A kind is called out when the words of that kind differ between the two sides: "on Tuesday near the
 * port" -> "on Tuesday near the harbour" keeps its date, and calls out nothing of these kinds.
 */
import { z } from 'zod';
import { CUE_PHRASES, CUE_WORDS, ENGLISH_FUNCTION_WORDS, MONTHS, NUMBER_WORDS, VAGUE_SOURCES, WEEKDAYS } from '../detect/lexicon';
import type { TextChange } from './diff';

export const CALLOUTS = ['number', 'date', 'name', 'attribution'] as const;
export const Callout = z.enum(CALLOUTS);
export type Callout = z.infer<typeof Callout>;
export const CALLOUT_LABELS: Record<Callout, string> = { number: 'Figures', date: 'Dates', name: 'Names', attribution: 'Attribution' };

/** Day words the lexicon's WEEKDAYS leaves out (it serves detection, whose trained weights read it as it is). */
const MORE_DAY_WORDS = new Set(['tomorrow', 'weekend', 'midnight']);
const YEAR = /^(1[89]|20)\d\d$/;
const ISO_DATE = /^\d{4}-\d\d(-\d\d)?$/;
const ORDINAL_DAY = /^([12]?\d|3[01])(st|nd|rd|th)$/;
const HAS_DIGIT = /\d/;
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}s?$/u;
const SENTENCE_END = /[.!?]["'”’)]*\s*$/;

type Word = { text: string; lower: string; sentenceStart: boolean };

/** Words with their case, and whether each begins a sentence (or the side: we do not see what came before). */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’.,\-/:][\p{L}\p{N}]+)*%?/gu)) {
    const between = text.slice(last, m.index);
    const sentenceStart = out.length === 0 || SENTENCE_END.test(between) || /\n/.test(between);
    out.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), sentenceStart });
    last = m.index + m[0].length;
  }
  return out;
}

function isDate(w: Word, next: Word | undefined, prev: Word | undefined): boolean {
  if (MONTHS.has(w.lower) || WEEKDAYS.has(w.lower) || MORE_DAY_WORDS.has(w.lower)) return true;
  if (YEAR.test(w.lower) || ISO_DATE.test(w.lower)) return true;
  // "1st December", "December 1st", "1 December", "December 1"
  const nearMonth = (next && MONTHS.has(next.lower)) || (prev && MONTHS.has(prev.lower));
  return Boolean(nearMonth && (ORDINAL_DAY.test(w.lower) || /^([12]?\d|3[01])$/.test(w.lower)));
}

function isNumber(w: Word): boolean {
  return HAS_DIGIT.test(w.lower) || NUMBER_WORDS.has(w.lower);
}

function isAttribution(w: Word): boolean {
  return CUE_WORDS.has(w.lower) || VAGUE_SOURCES.has(w.lower);
}

/**
 * A capital inside a sentence, or an acronym. At a sentence's start a capital says nothing ("Attackers
 * fled"), so there it takes a second capitalised word after it ("Human Rights Watch", "Bashar al-Assad")
 * for the first to count; a lone name opening a sentence is missed rather than every opening word called a name.
 */
function isName(w: Word, next: Word | undefined): boolean {
  if (ACRONYM.test(w.text)) return true;
  if (!CAPITALISED.test(w.text)) return false;
  if (!w.sentenceStart) return true;
  return !ENGLISH_FUNCTION_WORDS.has(w.lower) && next !== undefined && !next.sentenceStart && CAPITALISED.test(next.text);
}

/** The words of each kind on one side, as sorted lists of lower-case words (and attribution phrases). */
function kindsOf(text: string): Record<Callout, string[]> {
  const words = wordsOf(text);
  const out: Record<Callout, string[]> = { number: [], date: [], name: [], attribution: [] };
  words.forEach((w, i) => {
    const date = isDate(w, words[i + 1], words[i - 1]);
    if (date) out.date.push(w.lower);
    else if (isNumber(w)) out.number.push(w.lower);
    if (isAttribution(w)) out.attribution.push(w.lower);
    else if (!date && !isNumber(w) && isName(w, words[i + 1])) out.name.push(w.lower);
  });
  const lower = words.map((w) => w.lower);
  for (const phrase of CUE_PHRASES) {
    for (let i = 0; i + phrase.length <= lower.length; i++) {
      if (phrase.every((p, k) => lower[i + k] === p)) out.attribution.push(phrase.join(' '));
    }
  }
  for (const kind of CALLOUTS) out[kind].sort();
  return out;
}

/** The kinds of words a change touched, in CALLOUTS order. */
export function calloutsOf(change: Pick<TextChange, 'removed' | 'added'>): Callout[] {
  const before = kindsOf(change.removed);
  const after = kindsOf(change.added);
  return CALLOUTS.filter((kind) => before[kind].join('\n') !== after[kind].join('\n'));
}
