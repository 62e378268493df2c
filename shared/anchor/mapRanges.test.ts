import { describe, expect, it } from 'vitest';
import { Transform } from 'prosemirror-transform';
import { articleSchema as s } from '../doc/schema';
import { mapRange, mapRanges, narrowToWords, rangesCut } from './mapRanges';

// Positions: title "T" is 0..3; paragraph "Alpha beta gamma." content starts at 4.
const doc = s.node('doc', null, [s.node('title', null, [s.text('T')]), s.node('paragraph', null, [s.text('Alpha beta gamma.')]), s.node('paragraph', null, [s.text('Second')])]);
const beta = { from: 10, to: 14 };

describe('mapRange', () => {
  it('keeps text typed at either end outside, and typed inside within', () => {
    expect(doc.textBetween(beta.from, beta.to)).toBe('beta');
    const at = (pos: number) => {
      const tr = new Transform(doc).insert(pos, s.text('X'));
      const r = mapRange(beta, tr.mapping, tr.doc);
      return r ? tr.doc.textBetween(r.from, r.to) : null;
    };
    expect(at(10)).toBe('beta');
    expect(at(14)).toBe('beta');
    expect(at(12)).toBe('beXta');
  });

  it('shrinks with a deletion that cuts an end, and is gone when all its words are', () => {
    const cut = new Transform(doc).delete(8, 12);
    expect(cut.doc.textBetween(...(Object.values(mapRange(beta, cut.mapping, cut.doc)!) as [number, number]))).toBe('ta');
    const all = new Transform(doc).delete(9, 15);
    expect(mapRange(beta, all.mapping, all.doc)).toBeNull();
  });

  it('drops a range left with only a block boundary and no words in it', () => {
    const across = { from: 18, to: 26 }; // "ma." + boundary + "Sec"
    expect(doc.textBetween(across.from, across.to, '|')).toBe('ma.|Sec');
    const tr = new Transform(doc).delete(18, 21).delete(20, 23);
    expect(tr.doc.textBetween(0, tr.doc.content.size, '|')).toBe('T|Alpha beta gam|ond');
    expect(mapRange(across, tr.mapping, tr.doc)).toBeNull();
    expect(narrowToWords(tr.doc, 18, 20)).toBeNull();
    expect(narrowToWords(tr.doc, 17, 20)).toEqual({ from: 17, to: 18 });
  });

  it('narrows a claim across a block boundary that loses its words on one side to the words left', () => {
    const across = { from: 18, to: 26 }; // "ma." + boundary + "Sec"
    const afterGone = new Transform(doc).delete(23, 26);
    expect(mapRange(across, afterGone.mapping, afterGone.doc)).toEqual({ from: 18, to: 21 });
    const beforeGone = new Transform(doc).delete(18, 21);
    const r = mapRange(across, beforeGone.mapping, beforeGone.doc);
    expect(r && beforeGone.doc.textBetween(r.from, r.to)).toBe('Sec');
  });

  it('returns the same object when nothing moved, and maps many at once', () => {
    const tr = new Transform(doc).insert(20, s.text('X'));
    expect(mapRange(beta, tr.mapping, tr.doc)).toBe(beta);
    const all = mapRanges(new Map([['a', beta], ['b', { from: 18, to: 21 }]]), tr.mapping, tr.doc);
    expect(all.get('b')).toEqual({ from: 18, to: 22 });
  });
});

describe('rangesCut', () => {
  const ranges = new Map([['beta', beta]]);
  it('names the claims a deletion would cut at an end or remove, not those it only shortens inside', () => {
    expect(rangesCut(ranges, 8, 11)).toEqual(['beta']); // its start
    expect(rangesCut(ranges, 13, 16)).toEqual(['beta']); // its end
    expect(rangesCut(ranges, 10, 14)).toEqual(['beta']); // all of it
    expect(rangesCut(ranges, 11, 13)).toEqual([]); // inside
    expect(rangesCut(ranges, 4, 10)).toEqual([]); // before it, up to its start
    expect(rangesCut(ranges, 14, 16)).toEqual([]); // after it
  });
});
