import { describe, expect, it } from 'vitest';
import { queryTerms } from './search';
import { SearchCorpus, searchEntry } from './searchCorpus';

const entry = (title: string, text: string, publisher = '', byline = '') => searchEntry({ title, publisher, byline, text });

function corpus() {
  const c = new SearchCorpus();
  c.set('a', entry('Ceasefire holds in Idlib', 'Monitors said the truce held overnight.', 'Enab Baladi', 'Zeynep Çelik'));
  c.set('b', entry('Curfew in Homs', 'Witnesses said the curfew began at dusk.', 'Reuters'));
  c.set('c', entry('Flooding in Dér ez-Zor', 'The river rose overnight.', 'AFP'));
  return c;
}
const find = (c: SearchCorpus, q: string) => c.find(queryTerms(q)).sort();

describe('SearchCorpus', () => {
  it('finds every word across fields, ignoring case and accents, before and after compacting', () => {
    const c = corpus();
    for (const compacted of [false, true]) {
      if (compacted) c.compact();
      expect(find(c, 'overnight')).toEqual(['a', 'c']);
      expect(find(c, 'celik truce')).toEqual(['a']);
      expect(find(c, 'DER EZ')).toEqual(['c']);
      expect(find(c, 'reuters dusk')).toEqual(['b']);
      expect(find(c, 'aleppo')).toEqual([]);
      expect(find(c, '')).toEqual([]);
    }
  });
  it('never matches a word across two fields or two articles', () => {
    const c = new SearchCorpus();
    c.set('x', entry('Alpha', 'beta', 'Gamma'));
    c.set('y', entry('Delta', 'epsilon'));
    c.compact();
    expect(find(c, 'alphagamma')).toEqual([]);
    expect(find(c, 'betadelta')).toEqual([]);
    expect(find(c, 'alpha epsilon')).toEqual([]);
  });
  it('sees a changed or deleted entry at once, without a rebuild', () => {
    const c = corpus();
    c.compact();
    c.set('b', entry('Curfew in Homs', 'Sandbags held the levee.', 'Reuters'));
    c.delete('c');
    expect(c.pending).toBe(2);
    expect(find(c, 'levee')).toEqual(['b']);
    expect(find(c, 'dusk')).toEqual([]);
    expect(find(c, 'overnight')).toEqual(['a']);
    c.compact();
    expect(c.pending).toBe(0);
    expect(find(c, 'levee')).toEqual(['b']);
    expect(find(c, 'overnight')).toEqual(['a']);
  });
  it('says when a word is only in the text, and gives the snippet from the text as shown', () => {
    const c = corpus();
    c.compact();
    expect(c.onlyInBody('a', queryTerms('truce'))).toBe(true);
    expect(c.onlyInBody('a', queryTerms('idlib'))).toBe(false);
    const sn = c.snippet('c', queryTerms('river'))!;
    expect(sn.segments.map((s) => s.text).join('')).toBe('The river rose overnight.');
    expect(c.snippet('zz', queryTerms('river'))).toBeNull();
  });
});
