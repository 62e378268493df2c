/**
 * What a claim-list row shows besides its quote, so two rows are never the same line: the paragraph the
 * claim is in ("¶ 4"), and, when another row's quote reads the same once clipped, the words before it.
 */
import { clipQuote } from './clipQuote';

export type RowPlace = { id: string; quote: string; paragraph: number | null; before: string };
export type RowContext = { clipped: string; paragraph: string | null; before: string | null };

/** The quote's length in a row of the compact list: one to two lines at the list's default width. */
export const ROW_QUOTE_CHARS = 90;

export function rowContexts(rows: readonly RowPlace[], max = ROW_QUOTE_CHARS): Map<string, RowContext> {
  const clipped = rows.map((r) => clipQuote(r.quote, max));
  const count = new Map<string, number>();
  for (const c of clipped) count.set(c, (count.get(c) ?? 0) + 1);
  const out = new Map<string, RowContext>();
  rows.forEach((r, i) => {
    const c = clipped[i]!;
    const same = (count.get(c) ?? 0) > 1;
    out.set(r.id, { clipped: c, paragraph: r.paragraph === null ? null : `¶ ${r.paragraph}`, before: same && r.before !== '' ? `…${r.before}` : null });
  });
  return out;
}
