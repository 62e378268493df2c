import { describe, expect, it } from 'vitest';
import { fold, searchable } from './fold';
import { highlight, queryTerms, snippet } from './search';

describe('fold', () => {
  it('removes case and accents and keeps the length of the NFC text', () => {
    expect(fold('Ça Sérá ÅNGSTRÖM')).toBe('ca sera angstrom');
    const s = 'Ingrid Ørsted, İstanbul, Ἀθῆναι, ﬁne, Straße';
    expect(fold(s).length).toBe(searchable(s).length);
    expect(fold('İstanbul')).toBe('istanbul');
  });
  it('reads a decomposed accent like a composed one', () => {
    expect(fold('Cafe\u0301')).toBe(fold('Café'));
    expect(fold('Cafe\u0301')).toBe('cafe');
  });
  it('makes typographic quotes and dashes plain', () => {
    expect(fold('Syria’s “new” government — today')).toBe(`syria's "new" government - today`);
  });
  it('keeps emoji and other astral characters intact', () => {
    expect(fold('A 🚀 launch')).toBe('a 🚀 launch');
  });
});

describe('queryTerms', () => {
  it('a blank query has no words; repeated words count once', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('Idlib idlib IDLIB')).toEqual(['idlib']);
    expect(queryTerms(' Dér  ez-Zor ')).toEqual(['der', 'ez-zor']);
  });
});

describe('highlight', () => {
  it('marks every matched word in the title, overlapping terms merged', () => {
    expect(highlight('Ceasefire holds in Idlib', queryTerms('cease fire idl'))).toEqual([
      { text: 'Ceasefire', mark: true },
      { text: ' holds in ', mark: false },
      { text: 'Idl', mark: true },
      { text: 'ib', mark: false },
    ]);
  });
  it('marks accented words a plain query found, in their own spelling', () => {
    expect(highlight('Réfugiés à Genève', queryTerms('geneve'))).toEqual([
      { text: 'Réfugiés à ', mark: false },
      { text: 'Genève', mark: true },
    ]);
  });
  it('with no terms, the whole title plain', () => {
    expect(highlight('Title', [])).toEqual([{ text: 'Title', mark: false }]);
  });
});

describe('snippet', () => {
  const body =
    'The ministry said on Monday that the convoy had been attacked near the coast. Witnesses said at least fourteen people were killed in the ambush, and ten additional troops were injured according to state media.';
  const s = (q: string, text = body) => snippet(searchable(text), fold(text), queryTerms(q));
  it('shows the words around the first match, cut at word boundaries', () => {
    const sn = s('ambush')!;
    const text = sn.segments.map((x) => x.text).join('');
    expect(text).toContain('ambush');
    expect(text.startsWith(' ')).toBe(false);
    expect(sn.cutBefore).toBe(true);
    expect(sn.segments.filter((x) => x.mark).map((x) => x.text)).toEqual(['ambush']);
  });
  it('marks every term within the window', () => {
    const sn = s('killed ambush')!;
    expect(sn.segments.filter((x) => x.mark).map((x) => x.text)).toEqual(['killed', 'ambush']);
  });
  it('is null when no term is in the text', () => {
    expect(s('aleppo')).toBeNull();
  });
  it('at the start of a short text, nothing is cut', () => {
    const sn = s('short', 'A short text.')!;
    expect(sn).toEqual({ segments: [{ text: 'A ', mark: false }, { text: 'short', mark: true }, { text: ' text.', mark: false }], cutBefore: false, cutAfter: false });
  });
  it('collapses line breaks between blocks into spaces', () => {
    const sn = s('second', 'First paragraph.\n\nSecond paragraph.')!;
    expect(sn.segments.map((x) => x.text).join('')).toBe('First paragraph. Second paragraph.');
  });
});
