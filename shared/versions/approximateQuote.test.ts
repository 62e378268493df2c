import { describe, expect, it } from 'vitest';
import { selectorsFor } from '../anchor/selectors';
import { approximateQuote } from './approximateQuote';

const quoteOf = (text: string, words: string) => {
  const at = text.indexOf(words);
  return { quote: selectorsFor(text, at, at + words.length).quote, at };
};

describe('approximateQuote', () => {
  const old = 'The interior ministry said that at least 14 people were killed in the ambush near Tartous on Tuesday.';

  it('finds the quote with a few characters changed, whole words, never its exact words', () => {
    const { quote, at } = quoteOf(old, 'at least 14 people were killed');
    const renewed = old.replace('14', '170');
    const m = approximateQuote(renewed, quote, at);
    expect(m && renewed.slice(m.start, m.end)).toBe('at least 170 people were killed');
    expect(approximateQuote(old, quote, at)).toBeNull();
  });

  it('refuses a match with more than a quarter of its characters changed', () => {
    const { quote, at } = quoteOf(old, 'at least 14 people were killed');
    expect(approximateQuote(old.replace('at least 14 people were killed', 'at most 40 persons were hurt'), quote, at)).toBeNull();
  });

  it('needs a short quote’s context to agree, and the place to be its paragraph', () => {
    const { quote } = quoteOf(old, '14 people were killed');
    const elsewhere = 'Something else entirely happened here, and 15 people were killed in a crash.';
    expect(approximateQuote(elsewhere, quote, 0)).toBeNull();
    const edited = old.replace('14', '15');
    const m = approximateQuote(edited, quote, 0);
    expect(m && edited.slice(m.start, m.end)).toBe('15 people were killed');
    expect(approximateQuote(edited, quote, 0, { acceptable: () => true, ownPassage: () => false })).toBeNull();
  });

  it('takes only the places the caller allows', () => {
    const { quote, at } = quoteOf(old, 'at least 14 people were killed');
    expect(approximateQuote(old.replace('14', '17'), quote, at, { acceptable: () => false, ownPassage: () => false })).toBeNull();
  });

  it('looks beyond the window only in the given regions, while the budget lasts', () => {
    const { quote } = quoteOf(old, 'at least 14 people were killed');
    const far = `${'Filler words. '.repeat(200)}${old.replace('14', '17')}`;
    const target = far.indexOf('at least 17');
    const places = { acceptable: () => true, ownPassage: () => true };
    expect(approximateQuote(far, quote, 0, { ...places, regions: [{ start: target - 50, end: far.length }] })?.start).toBe(target);
    expect(approximateQuote(far, quote, 0, { ...places, regions: [{ start: 0, end: 1000 }] })).toBeNull();
    expect(approximateQuote(far, quote, 0, { ...places, budget: { left: 10 } })).toBeNull();
  });
});
