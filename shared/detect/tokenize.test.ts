import { describe, expect, it } from 'vitest';
import { analyse, MAX_SENTENCE_TOKENS, tokenize } from './tokenize';

const words = (text: string) => tokenize(text).map((t) => t.text);
const sentences = (text: string) => {
  const d = analyse(text);
  return d.sentences.map((s) => text.slice(s.start, s.end));
};

describe('tokenize', () => {
  it('keeps figures, abbreviations, initials and inner apostrophes in one token, with UTF-16 offsets', () => {
    expect(words('Mr. Smith said the U.S. lost 100,000 jobs (3.5%) in Syria’s north.')).toEqual([
      'Mr.', 'Smith', 'said', 'the', 'U.S.', 'lost', '100,000', 'jobs', '(', '3.5', '%', ')', 'in', 'Syria’s', 'north', '.',
    ]);
    const text = 'Émile 🙂 said “no”.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).find((t) => t.text === 'said')!.start).toBe(9); // the emoji is two code units
  });

  it('reads two apostrophes as one quotation mark, as the New York Times writes them', () => {
    expect(words("''We will,'' he said.")).toEqual(["''", 'We', 'will', ',', "''", 'he', 'said', '.']);
  });
});

describe('analyse', () => {
  it('splits sentences at full stops, question and exclamation marks, not after titles or inside figures', () => {
    expect(sentences('Dr. Ali said 3.5 million fled. Was it true? “Yes,” he said. “No!” She left.')).toEqual([
      'Dr. Ali said 3.5 million fled.',
      'Was it true?',
      '“Yes,” he said.',
      '“No!”',
      'She left.',
    ]);
  });

  it('splits paragraphs at line breaks and numbers sentences by paragraph', () => {
    const d = analyse('Headline here\n\nFirst one. Second one.\nA hard break.');
    expect(d.paragraphs).toHaveLength(3);
    expect(d.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('cuts a run of text with no full stop into pieces, so nothing grows with its square', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const d = analyse(text);
    expect(d.sentences.length).toBe(Math.ceil(1000 / MAX_SENTENCE_TOKENS));
    expect(Math.max(...d.sentences.map((s) => s.last - s.first))).toBe(MAX_SENTENCE_TOKENS);
  });

  it('has nothing for an empty or blank text', () => {
    expect(analyse('')).toMatchObject({ tokens: [], sentences: [], paragraphs: [] });
    expect(analyse(' \n\n\t ').sentences).toEqual([]);
  });
});
