/** How a proposal reads in the list and on the text: its strength, its source, why it was proposed. */
import type { Proposal } from '../../shared/api';
import { SOURCE_KIND_LABELS } from '../../shared/schema/claim';
import type { DetectStrength } from '../../shared/detect/schema';

export const STRENGTH_LABELS: Record<DetectStrength, string> = { named: 'Named source', vague: 'Vague attribution', none: 'No attribution' };

/** The weak-sourcing words for an attribution kind, as the text's marks and the lists say them. */
export function weakSourcingText(kind: 'vague' | 'none' | string): string | null {
  if (kind === 'vague') return 'Weak sourcing: vague attribution';
  if (kind === 'none') return 'Weak sourcing: no attribution';
  return null;
}

/** The source as the list shows it: the directory's name when it knows it, else the article's words. */
export function sourceLabel(p: Proposal): string | null {
  return p.source?.name ?? p.words.source;
}

export function scorePercent(p: Proposal): string {
  return `${Math.round(p.claim.score * 100)} %`;
}

/** The text's tooltip on a proposal. */
export function proposalTitle(p: Proposal): string {
  const source = sourceLabel(p);
  const kind = p.attribution.sourceKind !== 'none' ? ` (${SOURCE_KIND_LABELS[p.attribution.sourceKind]})` : '';
  const parts = [`Proposed claim, ${scorePercent(p)} check-worthy`, source && p.attribution.strength === 'named' ? `Source: ${source}${kind}` : null, weakSourcingText(p.attribution.strength)];
  return parts.filter(Boolean).join(' · ');
}
