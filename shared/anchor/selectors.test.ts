import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { articleFromText } from '../doc/fromText';
import { docPlainText } from '../doc/plainText';
import { articleSchema } from '../doc/schema';
import { CONTEXT_LENGTH, makeResolver, normalizeForMatch, resolveTarget, selectorsFor } from './selectors';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');
const text = docPlainText(articleSchema.nodeFromJSON(articleFromText(sample, 'text').doc));

function at(t: string, words: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= nth; k++) {
    start = t.indexOf(words, start + 1);
    if (start < 0) throw new Error(`not found: ${words}`);
  }
  return { start, end: start + words.length };
}

describe('selectorsFor', () => {
  it('takes the exact words with up to 32 characters of context', () => {
    const { start, end } = at(text, 'ten additional troops sustained injuries');
    const sel = selectorsFor(text, start, end);
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'ten additional troops sustained injuries',
      prefix: text.slice(start - CONTEXT_LENGTH, start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    });
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(sel.quote.prefix).toHaveLength(32);
  });

  it('shortens the context at the ends of the text', () => {
    const sel = selectorsFor('abc def', 0, 3);
    expect(sel.quote.prefix).toBe('');
    expect(sel.quote.suffix).toBe(' def');
    expect(selectorsFor('abc def', 4, 7).quote.suffix).toBe('');
  });

  it('never cuts a surrogate pair in the context', () => {
    const t = `${'😀'.repeat(20)}claim${'😀'.repeat(20)}`;
    const start = t.indexOf('claim');
    const sel = selectorsFor(t, start, start + 5);
    expect(sel.quote.prefix.length).toBeLessThanOrEqual(32);
    expect(sel.quote.prefix.length % 2).toBe(0);
    expect(sel.quote.suffix.length % 2).toBe(0);
    expect(resolveTarget(t, sel)).toEqual({ start, end: start + 5, how: 'position' });
  });
});

describe('resolveTarget', () => {
  it('uses the position when it still holds the words', () => {
    const { start, end } = at(text, 'Saydnaya prison');
    expect(resolveTarget(text, selectorsFor(text, start, end))).toEqual({ start, end, how: 'position' });
  });

  it('finds the words by quote when text was inserted before them', () => {
    const { start, end } = at(text, 'Saydnaya prison');
    const sel = selectorsFor(text, start, end);
    const inserted = 'An editor added this sentence. ';
    const para = text.indexOf('In a recent development');
    const changed = text.slice(0, para) + inserted + text.slice(para);
    expect(resolveTarget(changed, sel)).toEqual({ start: start + inserted.length, end: end + inserted.length, how: 'quote' });
  });

  it('tells several occurrences apart by prefix and suffix', () => {
    // "According to the Syrian Observatory for Human Rights" opens two paragraphs.
    const words = 'According to the Syrian Observatory for Human Rights';
    const second = at(text, words, 1);
    expect(at(text, words, 0).start).toBeLessThan(second.start);
    const sel = selectorsFor(text, second.start, second.end);
    // Text inserted at the very start shifts both; the old position now lands nowhere useful.
    const shifted = `Correction appended. ${text}`;
    expect(resolveTarget(shifted, sel)).toEqual({ start: second.start + 21, end: second.end + 21, how: 'quote' });
    // Even when the old position is nearer the first occurrence, context picks the right one.
    const moved = { ...sel, position: { ...sel.position, start: 0, end: words.length } };
    expect(resolveTarget(text, moved)).toEqual({ start: second.start, end: second.end, how: 'quote' });
  });

  it('breaks ties by distance to the old position', () => {
    const t = 'x the cat y the cat z the cat w';
    const sel = { quote: { type: 'TextQuoteSelector' as const, exact: 'the cat', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 13, end: 20 } };
    expect(resolveTarget(t, sel)).toEqual({ start: 12, end: 19, how: 'quote' });
    expect(resolveTarget(t, { ...sel, position: { ...sel.position, start: 25, end: 32 } })).toEqual({ start: 22, end: 29, how: 'quote' });
  });

  it('matches curly and straight apostrophes, dashes and spacing after normalising', () => {
    const { start, end } = at(text, 'Assad’s minority Alawite Muslim sect');
    const sel = selectorsFor(text, start, end);
    const straight = text.replace(/’/g, "'");
    expect(straight).not.toBe(text);
    expect(straight.length).toBe(text.length);
    expect(resolveTarget(straight, sel)).toEqual({ start, end, how: 'normalized' });

    // Whitespace runs and dashes: offsets map back to the real text.
    const t = 'Before.  The   ministry — said\u00a0so.';
    const q = { type: 'TextQuoteSelector' as const, exact: 'The ministry - said so', prefix: 'Before. ', suffix: '.' };
    const r = resolveTarget(t, { quote: q, position: { type: 'TextPositionSelector', start: 3, end: 25 } });
    expect(r).toEqual({ start: t.indexOf('The'), end: t.indexOf('so') + 2, how: 'normalized' });
  });

  it('returns null when the words are gone', () => {
    const { start, end } = at(text, 'overnight curfew');
    const sel = selectorsFor(text, start, end);
    expect(resolveTarget(text.replace('overnight curfew', 'night-time restriction'), sel)).toBeNull();
  });

  it('normalises to a map of source ranges', () => {
    const n = normalizeForMatch('a \u00ad “b”  — c');
    expect(n.text).toBe('a "b" - c');
    expect(n.starts).toEqual([0, 1, 4, 5, 6, 7, 9, 10, 11]);
    expect(n.ends).toEqual([1, 4, 5, 6, 7, 9, 10, 11, 12]);
  });

  it('a resolver reuses its normalised text', () => {
    const resolve = makeResolver(text.replace(/’/g, "'"));
    for (let k = 0; k < 200; k++) {
      const { start, end } = at(text, 'Assad’s minority Alawite Muslim sect');
      expect(resolve(selectorsFor(text, start, end))?.how).toBe('normalized');
    }
  });
});
