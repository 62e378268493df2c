import { longArticleDoc } from './testing';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { ClaimTarget } from '../schema/claim';
import { ClaimTarget as ClaimTargetSchema } from '../schema/claim';
import { articleFromText } from '../doc/fromText';
import { docPlainText } from '../doc/plainText';
import { articleSchema as s } from '../doc/schema';
import { anchorClaimTargets, targetsForRanges, type Range } from './claimRanges';
import { selectorsFor } from './selectors';
import { buildTextIndex } from './textIndex';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');
const sampleDoc = s.nodeFromJSON(articleFromText(sample, 'text').doc);

/** The range of the `nth` occurrence of `words` (found in the plain text) in `doc`. */
function rangeOf(doc: Node, words: string, nth = 0): Range {
  const index = buildTextIndex(doc);
  let start = -1;
  for (let k = 0; k <= nth; k++) start = index.text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`not found: ${words}`);
  return { from: index.offsetToPos(start, 'start'), to: index.offsetToPos(start + words.length, 'end') };
}

function textOf(doc: Node, r: Range | undefined): string {
  if (!r) throw new Error('no range');
  return doc.textBetween(r.from, r.to, '\n\n', '\n');
}

function entries(targets: Map<string, ClaimTarget>): { id: string; target: ClaimTarget }[] {
  return [...targets].map(([id, target]) => ({ id, target }));
}

const A = 'ten additional troops sustained injuries during the clashes';
const claims = new Map<string, Range>([
  ['claimA', rangeOf(sampleDoc, A)],
  ['claimB', rangeOf(sampleDoc, 'additional troops')], // nested in A
  ['claimC', rangeOf(sampleDoc, 'injuries during the clashes on Tuesday in proximity')], // overlaps A's end
  ['claimD', rangeOf(sampleDoc, 'Reports indicate that ten')], // overlaps A's start
]);

describe('targetsForRanges', () => {
  it('takes selectors over the plain text', () => {
    const targets = targetsForRanges(sampleDoc, claims, new Map());
    const a = targets.get('claimA');
    const text = docPlainText(sampleDoc);
    expect(a?.orphaned).toBe(false);
    expect(a?.quote.exact).toBe(A);
    expect(text.slice(a?.position.start, a?.position.end)).toBe(A);
    expect(a?.quote.prefix).toBe(text.slice((a?.position.start ?? 0) - 32, a?.position.start));
    expect(ClaimTargetSchema.safeParse(a).success).toBe(true);
    expect(targets.get('claimB')?.quote.exact).toBe('additional troops');
  });

  it('keeps the previous target of a claim with no range left, marked orphaned; skips one with none', () => {
    const previous = targetsForRanges(sampleDoc, claims, new Map());
    const after = targetsForRanges(sampleDoc, new Map([['claimB', null], ['claimD', claims.get('claimD') ?? null], ['unknown', null]]), previous);
    expect(after.get('claimB')).toEqual({ ...previous.get('claimB'), orphaned: true });
    expect(after.get('claimD')?.orphaned).toBe(false);
    expect(after.has('unknown')).toBe(false);
  });
});

describe('anchorClaimTargets', () => {
  it('round-trips overlapping and nested claims exactly', () => {
    const anchored = anchorClaimTargets(sampleDoc, entries(targetsForRanges(sampleDoc, claims, new Map())));
    expect(anchored.ranges).toEqual(claims);
    expect(anchored.orphaned).toEqual([]);
    expect(anchored.moved).toEqual([]);
    expect(textOf(sampleDoc, anchored.ranges.get('claimC'))).toBe('injuries during the clashes on Tuesday in proximity');
  });

  it('round-trips a claim that spans two paragraphs, and claims over links, emphasis and a hard break', () => {
    const text = docPlainText(sampleDoc);
    const start = text.indexOf('Mediterranean port of Tartous');
    const end = text.indexOf('security forces encountered') + 'security forces'.length;
    const index = buildTextIndex(sampleDoc);
    const spanning = { from: index.offsetToPos(start, 'start'), to: index.offsetToPos(end, 'end') };
    expect(sampleDoc.resolve(spanning.from).parent).not.toBe(sampleDoc.resolve(spanning.to).parent);
    const t = targetsForRanges(sampleDoc, new Map([['spanning', spanning]]), new Map()).get('spanning');
    expect(t?.quote.exact).toBe(text.slice(start, end));
    expect(t?.quote.exact).toContain('\n\nAccording to reports, security forces');

    const link = s.mark('link', { href: 'https://example.org/' });
    const d = s.node('doc', null, [
      s.node('title', null, [s.text('The title')]),
      s.node('paragraph', null, [s.text('Some '), s.text('linked', [link]), s.text(' and '), s.text('stressed', [s.mark('em')]), s.text(' words.')]),
      s.node('paragraph', null, [s.text('Line one'), s.node('hard_break'), s.text('line two')]),
    ]);
    const ranges = new Map([
      ['claim1', rangeOf(d, 'title\n\nSome linked and stressed')],
      ['claim2', rangeOf(d, 'stressed words.\n\nLine one\nline')],
      ['claim3', rangeOf(d, 'ked')],
      ['claim4', rangeOf(d, '\n', 4)], // just the hard_break
      ['spanning', spanning],
    ]);
    ranges.delete('spanning');
    const anchored = anchorClaimTargets(d, entries(targetsForRanges(d, ranges, new Map())));
    expect(anchored.ranges).toEqual(ranges);
    expect(textOf(d, anchored.ranges.get('claim4'))).toBe('\n');
    const back = anchorClaimTargets(sampleDoc, [{ id: 'spanning', target: t! }]);
    expect(back.ranges.get('spanning')).toEqual(spanning);
  });

  it('re-anchors claims on a corrected re-import and reports what moved or was lost', () => {
    const more = new Map([...claims, ['claimE', rangeOf(sampleDoc, 'Saydnaya prison')], ['claimF', rangeOf(sampleDoc, 'overnight curfew')], ['claimG', rangeOf(sampleDoc, 'Assad’s minority Alawite Muslim sect')]]);
    const targets = targetsForRanges(sampleDoc, more, new Map());
    const corrected = sample
      .replace('In a recent development,', 'In a recent and widely reported development,') // shifts everything after it
      .replace('an overnight curfew', 'a night-time restriction')
      .replace(/’/g, "'");
    const fresh = s.nodeFromJSON(articleFromText(corrected, 'text').doc);
    const anchored = anchorClaimTargets(fresh, entries(targets));
    expect(anchored.orphaned).toEqual(['claimF']);
    expect(anchored.moved.sort()).toEqual(['claimA', 'claimB', 'claimC', 'claimD', 'claimE', 'claimG']);
    expect(textOf(fresh, anchored.ranges.get('claimA'))).toBe(A);
    expect(textOf(fresh, anchored.ranges.get('claimE'))).toBe('Saydnaya prison');
    expect(textOf(fresh, anchored.ranges.get('claimG'))).toBe("Assad's minority Alawite Muslim sect");
    expect(anchored.ranges.has('claimF')).toBe(false);
  });

  it('leaves stored-orphaned claims orphaned, and the first of two targets with one id wins', () => {
    const targets = targetsForRanges(sampleDoc, claims, new Map());
    const c = targets.get('claimC')!;
    const list = [...entries(targets).map((e) => (e.id === 'claimC' ? { id: e.id, target: { ...c, orphaned: true } } : e)), { id: 'claimA', target: c }];
    const anchored = anchorClaimTargets(sampleDoc, list);
    expect(anchored.orphaned).toEqual(['claimC']);
    expect(anchored.ranges.has('claimC')).toBe(false);
    expect(anchored.ranges.get('claimA')).toEqual(claims.get('claimA'));
  });

  it('orphans a claim whose quote is found only over the gap between two blocks', () => {
    const d = s.node('doc', null, [s.node('title', null, [s.text('T')]), s.node('paragraph', null, [s.text('One.')]), s.node('paragraph', null, [s.text('Two.')])]);
    const target: ClaimTarget = { quote: { type: 'TextQuoteSelector', exact: '\n\n', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 7, end: 9 }, orphaned: false };
    expect(anchorClaimTargets(d, [{ id: 'gap', target }]).orphaned).toEqual(['gap']);
  });

  it('handles 5,000 claims on a 20,000-word article, and saving gives the same targets back', () => {
    const big = longArticleDoc(sampleDoc);
    const text = docPlainText(big);
    expect(text.split(/\s+/).length).toBeGreaterThan(20_000);
    const targets: { id: string; target: ClaimTarget }[] = [];
    let seed = 1;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    while (targets.length < 5000) {
      const start = rand(text.length - 200);
      const end = start + 1 + rand(150);
      // Claims start and end on a character of a block (as targetsForRanges makes them), may span blocks.
      if (text[start] === '\n' || text[end - 1] === '\n') continue;
      const id = `claim-${String(targets.length).padStart(5, '0')}`;
      targets.push({ id, target: { ...selectorsFor(text, start, end), orphaned: false } });
    }
    const anchored = anchorClaimTargets(big, targets);
    expect(anchored.orphaned).toEqual([]);
    expect(anchored.ranges.size).toBe(5000);
    const index = buildTextIndex(big);
    for (const { id, target } of targets) {
      expect(anchored.ranges.get(id)).toEqual({ from: index.offsetToPos(target.position.start, 'start'), to: index.offsetToPos(target.position.end, 'end') });
    }
    const again = targetsForRanges(big, anchored.ranges, new Map());
    for (const { id, target } of targets) expect(again.get(id)).toEqual(target);
    // Anchoring never touches the doc.
    expect(new Transform(big).doc).toBe(big);
  });
});
