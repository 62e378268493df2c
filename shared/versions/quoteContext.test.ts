import { describe, expect, it } from 'vitest';
import { contextAgrees, contextScores, passageAround, samePassage, sameWordEdges, wholeOccurrences } from './quoteContext';

describe('contextScores', () => {
  const text = 'Officials said 14 people died in Homs on Tuesday.';
  const at = text.indexOf('14 people');
  const end = at + '14 people'.length;

  it('scores each side 1 when it matches, less as it differs', () => {
    expect(contextScores(text, at, end, { prefix: 'Officials said ', suffix: ' died in' })).toEqual({ prefix: 1, suffix: 1 });
    const s = contextScores(text, at, end, { prefix: 'Officials claimed ', suffix: ' were hurt' });
    expect(s.prefix).toBeGreaterThan(0.5);
    expect(s.prefix).toBeLessThan(1);
    expect(s.suffix).toBeLessThan(0.5);
  });

  it('agrees on an empty side only at the edge of the text', () => {
    expect(contextScores(text, 0, 9, { prefix: '', suffix: 'xx' }).prefix).toBe(1);
    expect(contextScores(text, at, end, { prefix: '', suffix: '' })).toEqual({ prefix: 0, suffix: 0 });
  });

  it('agrees when one side agrees', () => {
    expect(contextAgrees({ prefix: 0.2, suffix: 0.9 })).toBe(true);
    expect(contextAgrees({ prefix: 0.2, suffix: 0.3 })).toBe(false);
  });
});

describe('samePassage', () => {
  const p1 = 'A curfew was imposed overnight in the coastal city and its surrounding villages.';
  const p2 = 'State media reported that the attackers fled towards the mountains.';

  it('gives the paragraph a range is in', () => {
    const text = `${p1}\n\n${p2}`;
    expect(passageAround(text, text.indexOf('attackers'), text.indexOf('attackers') + 9)).toBe(p2);
    expect(passageAround(text, 0, 3)).toBe(p1);
  });

  it('is true for the same paragraph moved and edited, false for another', () => {
    const oldText = `${p1}\n\n${p2}`;
    const newText = `${p2}\n\n${p1.replace('overnight', 'late on Tuesday')}`;
    const at = oldText.indexOf('coastal city');
    expect(samePassage(oldText, at, at + 12, newText, newText.indexOf('coastal city'), newText.indexOf('coastal city') + 12)).toBe(true);
    expect(samePassage(oldText, at, at + 12, newText, 0, 5)).toBe(false);
  });
});

describe('wholeOccurrences and sameWordEdges', () => {
  it('counts whole words only', () => {
    expect(wholeOccurrences('According to the Syrian Observatory, to them', 'to')).toBe(2);
    expect(wholeOccurrences('Observatory', 'to')).toBe(0);
    expect(wholeOccurrences('a, b', ', b')).toBe(1);
  });

  it('refuses the start of a longer word as the claim’s word', () => {
    const old = 'supporters in a conflict';
    const now = 'supporters interior a conflict';
    expect(sameWordEdges(old, 0, 13, now, 0, 13)).toBe(false);
    expect(sameWordEdges(old, 0, 10, now, 0, 10)).toBe(true);
  });
});
