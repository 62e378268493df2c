/** Verdict and status as small visible marks: colour and shape both say which, and the words say it too. */
import type { CSSProperties } from 'react';
import { STATUS_LABELS, type ClaimStatus } from '../../shared/schema/claim';
import { toneTint, verdictTone } from '../../shared/claims/verdictTone';

/** A shape per status, the same steps as the underline in the text: more filled, further along. */
const STATUS_GLYPH: Record<ClaimStatus, string> = { unreviewed: '○', in_progress: '◔', needs_second_review: '◑', done: '●' };

/** The chip's colours, from the verdict's tone (theme variables only). */
export function verdictChipStyle(verdict: string | null, scale: readonly string[]): CSSProperties {
  const tone = verdictTone(verdict, scale);
  return { borderColor: tone.strong, background: toneTint(tone, 16) };
}

export function VerdictChip({ verdict, scale, compact }: { verdict: string | null; scale: readonly string[]; compact?: boolean }) {
  return (
    <span className={`chip verdict-chip${compact ? ' compact' : ''}${verdict === null ? ' no-verdict' : ''}`} style={verdictChipStyle(verdict, scale)}>
      {verdict ?? 'No verdict'}
    </span>
  );
}

/** The status's shape and name; `compact` (a list row) shows the shape, the name only to screen readers and on hover. */
export function StatusMark({ status, compact }: { status: ClaimStatus; compact?: boolean }) {
  return (
    <span className={`status-mark status-${status}`} title={compact ? STATUS_LABELS[status] : undefined}>
      <span aria-hidden="true">{STATUS_GLYPH[status]}</span> <span className={compact ? 'visually-hidden' : undefined}>{STATUS_LABELS[status]}</span>
    </span>
  );
}
