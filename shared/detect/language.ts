/**
 * Whether a text reads as English, from how often the commonest English function words occur. English
 * news prose runs at 35-45% of its words (PolNeAR, the sample article); French, German, Spanish or Arabic
 * stay under 5% (a few shared words: "a", "on", "in"). Below MIN_WORDS words there is too little to tell.
 */
import { ENGLISH_FUNCTION_WORDS } from './lexicon';
import type { Token } from './tokenize';

export const MIN_WORDS = 20;
/** Well below English (35%+) and well above what other languages share with it by chance. */
export const ENGLISH_MIN_SHARE = 0.15;

export function languageOf(tokens: readonly Token[]): 'en' | 'other' | 'unknown' {
  let words = 0;
  let function_ = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t.text)) continue;
    words++;
    if (ENGLISH_FUNCTION_WORDS.has(t.norm)) function_++;
  }
  if (words < MIN_WORDS) return 'unknown';
  return function_ / words >= ENGLISH_MIN_SHARE ? 'en' : 'other';
}
