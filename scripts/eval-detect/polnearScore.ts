import { findAttributions } from '../../shared/detect/attributions';
import type { AttributionModel } from '../../shared/detect/model';
import { analyse } from '../../shared/detect/tokenize';
import type { PolnearDoc } from './datasets';
import { prf, scoreSpans, zero, type Counts, type Prf } from './score';

export const ROLES = ['cue', 'source', 'content'] as const;
export type Role = (typeof ROLES)[number];
export type PolnearScores = Record<Role, { exact: Prf; overlap: Prf; gold: number }>;

/** Exact and overlap scores of every role over the articles, with the tagger (or the rules when null). */
export function scorePolnear(docs: PolnearDoc[], model: AttributionModel | null): PolnearScores {
  const exact: Record<Role, Counts> = { cue: zero(), source: zero(), content: zero() };
  const overlap: Record<Role, Counts> = { cue: zero(), source: zero(), content: zero() };
  for (const d of docs) {
    const proposed = findAttributions(analyse(d.text), model);
    for (const role of ROLES) {
      const p = proposed.map((a) => a[role]).filter((s) => s !== null);
      const g = d.attributions.map((a) => a[role]).filter((s) => s !== null);
      scoreSpans(d.text, p, g, exact[role], overlap[role]);
    }
  }
  const out = {} as PolnearScores;
  for (const role of ROLES) out[role] = { exact: prf(exact[role]), overlap: prf(overlap[role]), gold: exact[role].gold };
  return out;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatScores(s: PolnearScores): string[] {
  const lines = ['role      exact P     R    F1 | overlap P     R    F1 | gold spans'];
  for (const role of ROLES) {
    const { exact: e, overlap: o, gold } = s[role];
    lines.push(`${role.padEnd(9)} ${pct(e.p)} ${pct(e.r)} ${pct(e.f)} |       ${pct(o.p)} ${pct(o.r)} ${pct(o.f)} | ${gold}`);
  }
  return lines;
}
