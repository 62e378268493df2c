import { describe, expect, it } from 'vitest';
import { featureName, parseFeatureName, TEMPLATES } from './features';
import { FeatureTable, formatWeight, parseModel, TAGGERS, WEIGHTS_PER_FEATURE } from './model';
import { spansOf, viterbi } from './tagger';

describe('the weights file', () => {
  const transitions = new Array(TAGGERS.length * 12).fill(0);
  const file = (features: string[], weights: number[]) => ({
    version: 1,
    checkWorthy: { features: 'bias\nf:casualty\nw:killed', weights: '-1,2,0.5', scale: 1, threshold: 0.5 },
    attribution: { features: features.join('\n'), weights: weights.join(','), transitions },
  });

  it('reads each feature’s nine weights and finds them again by template and values', () => {
    const m = parseModel(file(['w=said', 'pw=he said', 'pron'], [...Array(27).keys()]));
    const a = m.attribution!;
    const row = (f: string) => {
      const p = parseFeatureName(f)!;
      return a.table.get(p.template, p.a ? a.conv(p.a) : 0, p.b ? a.conv(p.b) : 0);
    };
    expect([row('w=said'), row('pw=he said'), row('pron'), row('w=he')]).toEqual([0, 1, 2, -1]);
    expect(Array.from(a.rows.subarray(9, 18))).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(m.checkWorthy).toMatchObject({ bias: -1, threshold: 0.5 });
    expect(m.checkWorthy!.words.get('killed')).toBe(0.5);
    expect(m.checkWorthy!.named.get('casualty')).toBe(2);
  });

  it('refuses a file whose weights do not match its features, or of another version', () => {
    expect(() => parseModel(file(['w=said'], [1, 2, 3]))).toThrow(/do not match/);
    expect(() => parseModel({ ...file([], []), version: 2 })).toThrow();
    expect(() => parseModel(file(['nosuch=x'], new Array(WEIGHTS_PER_FEATURE).fill(0)))).toThrow(/no known template/);
  });

  it('names features so that their names read back to the same template and values', () => {
    for (let t = 0; t < TEMPLATES.length; t++) {
      for (const [a, b] of [[undefined, undefined], ['said', undefined], ['he', 'said'], ['=', '|']] as const) {
        if (a === undefined && b !== undefined) continue;
        const p = parseFeatureName(featureName(t, a, b));
        expect(p).toEqual({ template: t, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}) });
      }
    }
  });

  it('writes weights to two places, never "-0"', () => {
    expect([formatWeight(1.23456), formatWeight(-0.001), formatWeight(12), formatWeight(0.3333, 3)]).toEqual(['1.23', '0', '12', '0.333']);
  });
});

describe('FeatureTable', () => {
  it('keeps every key apart, however many collide', () => {
    const t = new FeatureTable(5000);
    for (let i = 0; i < 5000; i++) t.set(i % 40, i, (i * 7) % 13, i);
    for (let i = 0; i < 5000; i++) expect(t.get(i % 40, i, (i * 7) % 13)).toBe(i);
    expect(t.get(1, 2, 3)).toBe(-1);
  });
});

describe('viterbi', () => {
  it('never puts I after O or at the start, so every span begins with B', () => {
    // Emissions that prefer I everywhere.
    const n = 5;
    const emit = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) emit[i * 3 + 2] = 10;
    const tags = viterbi(emit, n, new Float32Array(12));
    expect(tags[0]).not.toBe(2);
    expect(spansOf(tags, 100)).toEqual([{ first: 100, last: 105 }]);
  });

  it('reads spans out of B and I tags', () => {
    expect(spansOf(Uint8Array.from([1, 2, 0, 1, 1, 2, 0]), 0)).toEqual([
      { first: 0, last: 2 },
      { first: 3, last: 4 },
      { first: 4, last: 6 },
    ]);
  });
});
