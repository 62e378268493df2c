import { describe, expect, it } from 'vitest';
import { lowerWords, wordTokens } from './wordTokens';

describe('wordTokens', () => {
  it('keeps figures, hyphenated names and contractions as one word', () => {
    expect(wordTokens('1,400 fled al-Sham; don’t.')).toEqual(['1,400', ' ', 'fled', ' ', 'al-Sham', ';', ' ', 'don’t', '.']);
  });

  it('gives the text back exactly, surrogate pairs whole', () => {
    const text = 'A  line\n\nwith 😀 emoji,\ttabs — and “quotes”.';
    const tokens = wordTokens(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('😀');
  });
});

describe('lowerWords', () => {
  it('gives the words alone, lower case', () => {
    expect(lowerWords('The SOHR said: 14 died.')).toEqual(['the', 'sohr', 'said', '14', 'died']);
  });
});
