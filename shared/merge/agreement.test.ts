import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, newClaimData, type Claim } from '../schema/claim';
import { verdictAgreement } from './agreement';

const target: Claim['target'] = {
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 1 },
  orphaned: false,
};

function claim(id: string, verdict: string | null): Claim {
  const d = newClaimData(id, 'Reviewer', '2026-12-01T10:00:00.000Z');
  return { data: { ...d, verification: { ...d.verification, verdict } }, target };
}

/** Two reviewers' claims from a confusion table: table[i][j] claims rated labels[i] by A and labels[j] by B. */
function fromTable(labels: readonly string[], table: number[][]): { a: Claim[]; b: Claim[] } {
  const a: Claim[] = [];
  const b: Claim[] = [];
  let n = 0;
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        const id = `claim-${String(n++).padStart(4, '0')}`;
        a.push(claim(id, labels[i] ?? null));
        b.push(claim(id, labels[j] ?? null));
      }
    }),
  );
  return { a, b };
}

const YN = ['Yes', 'No'] as const;

describe('verdictAgreement', () => {
  it('matches the textbook 2x2 example (Wikipedia, Cohen’s kappa): po 0.7, pe 0.5, kappa 0.4', () => {
    // 50 proposals: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    const { a, b } = fromTable(YN, [
      [20, 5],
      [10, 15],
    ]);
    const r = verdictAgreement(a, b, YN);
    expect(r.pairs).toBe(50);
    expect(r.agreed).toBe(35);
    expect(r.share).toBeCloseTo(0.7, 3);
    expect(r.kappa).toBeCloseTo(0.4, 3);
  });

  it('matches the two "same agreement, different kappa" tables: 0.1304 and 0.2593', () => {
    const one = fromTable(YN, [
      [45, 15],
      [25, 15],
    ]);
    const two = fromTable(YN, [
      [25, 35],
      [5, 35],
    ]);
    const r1 = verdictAgreement(one.a, one.b, YN);
    const r2 = verdictAgreement(two.a, two.b, YN);
    expect(r1.share).toBeCloseTo(0.6, 3);
    expect(r2.share).toBeCloseTo(0.6, 3);
    expect(r1.kappa).toBeCloseTo(0.1304, 3);
    expect(r2.kappa).toBeCloseTo(0.2593, 3);
  });

  it('three categories, computed by hand', () => {
    // A\B      True Mixed False | A
    // True      25    5     0   | 30
    // Mixed      5   20     5   | 30
    // False      0   10    30   | 40
    // B         30   35    35   | 100
    // po = 75/100 = .75; pe = .30·.30 + .30·.35 + .40·.35 = .335; kappa = (.75 − .335)/(1 − .335) = .62406
    const labels = ['True', 'Mixed', 'False'];
    const { a, b } = fromTable(labels, [
      [25, 5, 0],
      [5, 20, 5],
      [0, 10, 30],
    ]);
    const r = verdictAgreement(a, b, DEFAULT_RATING_SCALE);
    expect(r.pairs).toBe(100);
    expect(r.share).toBeCloseTo(0.75, 3);
    expect(r.kappa).toBeCloseTo(0.624, 3);
  });

  it('counts only claims both reviewers gave a verdict, matched by id', () => {
    const a = [claim('claim-0001', 'True'), claim('claim-0002', 'False'), claim('claim-0003', null), claim('claim-0004', 'True')];
    const b = [claim('claim-0002', 'False'), claim('claim-0001', 'False'), claim('claim-0003', 'True'), claim('claim-0005', 'True')];
    const r = verdictAgreement(a, b, DEFAULT_RATING_SCALE);
    expect([r.pairs, r.agreed, r.share]).toEqual([2, 1, 0.5]);
    // A: True 1, False 1; B: False 2 → pe = (1·0 + 1·2)/2² = .5; po = .5; kappa = (.5 − .5)/(1 − .5) = 0
    expect(r.kappa).toBeCloseTo(0, 6);
  });

  it('is null without pairs, and kappa is null when chance agreement is certain', () => {
    expect(verdictAgreement([], [], DEFAULT_RATING_SCALE)).toEqual({ pairs: 0, agreed: 0, share: null, kappa: null });
    expect(verdictAgreement([claim('claim-0001', 'True')], [claim('claim-0001', null)], DEFAULT_RATING_SCALE).share).toBeNull();
    const same = ['claim-0001', 'claim-0002', 'claim-0003'];
    const r = verdictAgreement(same.map((id) => claim(id, 'True')), same.map((id) => claim(id, 'True')), DEFAULT_RATING_SCALE);
    expect(r).toEqual({ pairs: 3, agreed: 3, share: 1, kappa: null });
  });

  it('is 1 for perfect agreement over several labels and −1 for systematic disagreement', () => {
    const perfect = fromTable(YN, [
      [3, 0],
      [0, 2],
    ]);
    expect(verdictAgreement(perfect.a, perfect.b, YN).kappa).toBe(1);
    const opposite = fromTable(YN, [
      [0, 2],
      [2, 0],
    ]);
    expect(verdictAgreement(opposite.a, opposite.b, YN).kappa).toBe(-1);
  });

  it('counts a verdict off the scale as its own category', () => {
    const { a, b } = fromTable(['Yes', 'Maybe'], [
      [20, 5],
      [10, 15],
    ]);
    const r = verdictAgreement(a, b, ['Yes', 'No']);
    expect(r.pairs).toBe(50);
    expect(r.kappa).toBeCloseTo(0.4, 3);
  });
});
