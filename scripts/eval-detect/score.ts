/**
 * Span scores for attribution roles. Exact: a proposed span counts when a gold span of the same role in
 * the same article has the same start and end (after trimming spaces). Overlap: proposed and gold spans
 * are paired one to one, greedily in text order, when they share at least one character. Each role's
 * spans are counted once per article (two attributions with one source are one source span).
 */
import type { Span } from './datasets';

export type Counts = { tp: number; predicted: number; gold: number };
export type Prf = { p: number; r: number; f: number };

export const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });

export function prf(c: Counts): Prf {
  const p = c.predicted === 0 ? 0 : c.tp / c.predicted;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function unique(text: string, spans: Span[]): Span[] {
  const seen = new Map<string, Span>();
  for (const s of spans) {
    const t = trim(text, s);
    if (t.end > t.start) seen.set(`${t.start}:${t.end}`, t);
  }
  return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

export function scoreSpans(text: string, predicted: Span[], gold: Span[], exact: Counts, overlap: Counts): void {
  const p = unique(text, predicted);
  const g = unique(text, gold);
  const goldKeys = new Set(g.map((s) => `${s.start}:${s.end}`));
  exact.predicted += p.length;
  exact.gold += g.length;
  exact.tp += p.filter((s) => goldKeys.has(`${s.start}:${s.end}`)).length;
  overlap.predicted += p.length;
  overlap.gold += g.length;
  const used = new Array<boolean>(g.length).fill(false);
  for (const s of p) {
    const k = g.findIndex((x, i) => !used[i] && x.start < s.end && s.start < x.end);
    if (k >= 0) {
      used[k] = true;
      overlap.tp++;
    }
  }
}

/** F1 of a binary decision. */
export function binaryF1(pairs: { predicted: boolean; gold: boolean }[]): Prf {
  const c = zero();
  for (const x of pairs) {
    if (x.predicted) c.predicted++;
    if (x.gold) c.gold++;
    if (x.predicted && x.gold) c.tp++;
  }
  return prf(c);
}
