import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, newClaimData, STATUSES, type ClaimData } from '../../shared/schema/claim';
import { claimHighlightRules, claimLookName, SELECTED_HIGHLIGHT } from './claimStyle';

const claim = (verdict: string | null, status: ClaimData['verification']['status']): ClaimData => {
  const d = newClaimData('claim-0001', 'Ana', '2026-11-28T10:00:00.000Z');
  return { ...d, verification: { ...d.verification, verdict, status } };
};

describe('claim highlight looks', () => {
  const custom = ['Correct', 'Partly correct', 'Wrong', 'Cannot say', 'True', 'Satire', 'Old news', 'Opinion', 'Fifth extra', 'Sixth extra'];

  for (const scale of [DEFAULT_RATING_SCALE, custom]) {
    it(`has a rule for every verdict × status a claim can have (scale: ${scale[0]}…)`, () => {
      const rules = claimHighlightRules(scale);
      const names = new Set([...rules.matchAll(/:root::highlight\(([\w-]+)\)/g)].map((m) => m[1]));
      for (const verdict of [...scale, null, 'A verdict no longer on the scale']) {
        for (const status of STATUSES) expect(names.has(claimLookName(claim(verdict, status), scale))).toBe(true);
      }
      expect(names.has(SELECTED_HIGHLIGHT)).toBe(true);
    });
  }

  it('gives different verdicts different colours and statuses different underlines', () => {
    const scale = DEFAULT_RATING_SCALE;
    expect(claimLookName(claim('True', 'done'), scale)).not.toBe(claimLookName(claim('False', 'done'), scale));
    expect(claimLookName(claim('True', 'done'), scale)).not.toBe(claimLookName(claim('True', 'unreviewed'), scale));
    const rules = claimHighlightRules(scale);
    const rule = (name: string) => rules.split('\n').find((r) => r.includes(`(${name})`)) ?? '';
    expect(rule(claimLookName(claim('True', 'unreviewed'), scale))).toContain('dotted');
    expect(rule(claimLookName(claim('True', 'in_progress'), scale))).toContain('dashed');
    expect(rule(claimLookName(claim('True', 'needs_second_review'), scale))).toContain('double');
    expect(rule(claimLookName(claim('True', 'done'), scale))).toContain('solid');
  });

  it('draws only with the theme variables, so dark mode redefines them', () => {
    const rules = claimHighlightRules(DEFAULT_RATING_SCALE);
    expect(rules).not.toMatch(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i);
    expect(rules).toContain('var(--accent)');
  });
});
