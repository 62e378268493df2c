import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFFERENT_ARTICLE_SIMILARITY, textSimilarity, versionMatch, type ExistingArticle } from './similarity';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');
const other = readFileSync(new URL('../../data/pages/aeb-bbc-c7e39ac4/expected.txt', import.meta.url), 'utf8');
const updated = sample.replace('14 troops', '17 troops');
const meta = (url: string, title = 'Ambush near Tartous', publisher = 'Example News') => ({ url, title, publisher });

describe('textSimilarity', () => {
  it('is 1 for the same text, near 1 for a correction, low for another article', () => {
    expect(textSimilarity(sample, sample)).toBe(1);
    expect(textSimilarity(sample, updated)).toBeGreaterThan(0.95);
    expect(textSimilarity(sample, other)).toBeLessThan(DIFFERENT_ARTICLE_SIMILARITY);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity(sample, '')).toBe(0);
  });

  it('is symmetric and ignores case and punctuation between words', () => {
    expect(textSimilarity('Fourteen troops were killed.', 'fourteen TROOPS were killed')).toBe(1);
    expect(textSimilarity(sample, other)).toBe(textSimilarity(other, sample));
  });
});

describe('versionMatch', () => {
  const desk: ExistingArticle[] = [
    { id: 'other', meta: meta('https://example.com/other-story', 'Something else'), text: other },
    { id: 'tartous', meta: meta('https://www.example.com/world/tartous?utm_source=x'), text: sample },
  ];

  it('matches the same web address, however it is written', () => {
    const m = versionMatch({ meta: meta('http://example.com/world/tartous/#top', 'New headline'), text: updated }, desk);
    expect(m).toMatchObject({ id: 'tartous', reason: 'same web address', identical: false });
    expect(m?.similarity).toBeGreaterThan(0.95);
  });

  it('matches the same title and publisher with similar text, and says how much', () => {
    const m = versionMatch({ meta: meta('', ' AMBUSH  near tartous ', 'example news'), text: updated }, desk);
    expect(m?.id).toBe('tartous');
    expect(m?.reason).toMatch(/^same title and publisher, (99|100) % of the text in common$/);
  });

  it('does not match the same title with other text, or another publisher', () => {
    expect(versionMatch({ meta: meta('', 'Ambush near Tartous'), text: other }, desk)).toBeNull();
    expect(versionMatch({ meta: meta('', 'Ambush near Tartous', 'Another Paper'), text: updated }, desk)).toBeNull();
    expect(versionMatch({ meta: meta('https://example.com/new', 'A new story'), text: updated }, desk)).toBeNull();
  });

  it('returns a same-address match with little text in common, for the caller to warn', () => {
    const m = versionMatch({ meta: meta('https://example.com/world/tartous'), text: other }, desk);
    expect(m?.id).toBe('tartous');
    expect(m?.similarity).toBeLessThan(DIFFERENT_ARTICLE_SIMILARITY);
  });

  it('says when the text is identical', () => {
    expect(versionMatch({ meta: meta('https://example.com/world/tartous'), text: sample }, desk)).toMatchObject({ identical: true, similarity: 1 });
  });

  it('prefers the same web address to the same title, then the most text in common', () => {
    const twins: ExistingArticle[] = [
      { id: 'title-only', meta: meta('https://example.com/a'), text: sample },
      { id: 'by-url', meta: meta('https://example.com/b'), text: updated.replace('Tartous', 'Latakia') },
    ];
    expect(versionMatch({ meta: meta('https://example.com/b'), text: sample }, twins)?.id).toBe('by-url');
  });

  it('reads the text only of articles whose address or title matched', () => {
    let read = 0;
    const many: ExistingArticle[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `a${i}`,
      meta: meta(`https://example.com/story-${i}`, `Story ${i}`),
      text: () => {
        read++;
        return i === 7_777 ? sample : other;
      },
    }));
    expect(versionMatch({ meta: meta('https://example.com/story-7777/'), text: updated }, many)?.id).toBe('a7777');
    expect(read).toBe(1);
  });
});
