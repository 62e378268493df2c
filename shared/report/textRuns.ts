/**
 * The article text as the reports show it: each block split into runs at every claim and style boundary,
 * and consecutive list items and quote paragraphs grouped. The HTML and Markdown renderers turn the runs
 * into their markup; neither decides where a claim starts or ends.
 */
import { safeHref } from './escape';
import type { ReportBlock, ReportClaim, ReportModel } from './model';

/** A run of a block's text with one set of covering claims and one set of inline styles. */
export type TextRun = {
  text: string;
  /** Claims covering this run, in model order (outer first). */
  claims: ReportClaim[];
  em: boolean;
  strong: boolean;
  /** A safe link target, or null. */
  href: string | null;
  /** Claims whose first covered character is this run's first (in their first block). */
  starts: ReportClaim[];
  /** Claims whose last covered character is this run's last (in their last block). */
  ends: ReportClaim[];
};

type Hit = { claim: ReportClaim; a: number; b: number; first: boolean; last: boolean };

/** Splits every text block at each claim boundary and each style boundary. Claims may overlap, nest and cross blocks. */
export function segmentBlocks(model: Pick<ReportModel, 'blocks' | 'claims'>): Map<number, TextRun[]> {
  const ranges = model.claims.flatMap((claim) => (claim.start !== null && claim.end !== null && claim.end > claim.start ? [{ claim, start: claim.start, end: claim.end, first: -1, last: -1 }] : []));
  const hitsOf = new Map<number, { r: (typeof ranges)[number]; a: number; b: number }[]>();
  model.blocks.forEach((block, bi) => {
    if (block.kind === 'rule') return;
    const end = block.start + block.text.length;
    const hits = [];
    for (const r of ranges) {
      const a = Math.max(r.start, block.start) - block.start;
      const b = Math.min(r.end, end) - block.start;
      if (a >= b) continue;
      hits.push({ r, a, b });
      if (r.first < 0) r.first = bi;
      r.last = bi;
    }
    hitsOf.set(bi, hits);
  });

  const out = new Map<number, TextRun[]>();
  model.blocks.forEach((block, bi) => {
    if (block.kind === 'rule') return;
    const { text } = block;
    // Never cut between the two halves of a surrogate pair (an emoji, a rare CJK character).
    const snap = (p: number) => (p > 0 && p < text.length && /[\uD800-\uDBFF]/.test(text[p - 1]!) && /[\uDC00-\uDFFF]/.test(text[p]!) ? p - 1 : p);
    const hits: Hit[] = (hitsOf.get(bi) ?? [])
      .map((h) => ({ claim: h.r.claim, a: snap(h.a), b: snap(h.b), first: h.r.first === bi, last: h.r.last === bi }))
      .filter((h) => h.a < h.b);
    const styles = block.styles.map((s) => ({ ...s, from: snap(s.from), to: snap(s.to) })).filter((s) => s.from < s.to);
    const cuts = new Set<number>([0, text.length]);
    for (const h of hits) cuts.add(h.a).add(h.b);
    for (const s of styles) cuts.add(s.from).add(s.to);
    const points = [...cuts].sort((x, y) => x - y);
    const runs: TextRun[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const x = points[i]!;
      const y = points[i + 1]!;
      const covering = hits.filter((h) => h.a <= x && h.b >= y);
      const within = styles.filter((s) => s.from <= x && s.to >= y);
      runs.push({
        text: text.slice(x, y),
        claims: covering.map((h) => h.claim),
        em: within.some((s) => s.kind === 'em'),
        strong: within.some((s) => s.kind === 'strong'),
        // The model keeps only safe links; the check here is the last line before a link target is written.
        href: within.filter((s) => s.kind === 'link').map((s) => safeHref(s.href)).filter((h) => h !== null).at(-1) ?? null,
        starts: covering.filter((h) => h.a === x && h.first).map((h) => h.claim),
        ends: covering.filter((h) => h.b === y && h.last).map((h) => h.claim),
      });
    }
    out.set(bi, runs);
  });
  return out;
}

/** Consecutive list items and quote paragraphs grouped, as the HTML and Markdown outputs need them. */
export type BlockGroup = { kind: 'bullet'; items: number[] } | { kind: 'ordered'; items: number[] } | { kind: 'quote'; items: number[] } | { kind: 'single'; index: number };

export function groupBlocks(blocks: readonly ReportBlock[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  blocks.forEach((b, i) => {
    const last = groups.at(-1);
    if (b.kind === 'bullet' || b.kind === 'ordered' || b.kind === 'quote') {
      if (last && last.kind === b.kind && 'items' in last) last.items.push(i);
      else groups.push({ kind: b.kind, items: [i] });
    } else groups.push({ kind: 'single', index: i });
  });
  return groups;
}
