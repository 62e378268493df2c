/**
 * A proposal accepted by a reviewer, as the claim data it becomes: the attribution filled in from what
 * detection read (the directory's name and kind when the source is known there), and the proposal's
 * origin kept with who accepted it. Never a verdict: that is always a person's.
 */
import type { Proposal } from '../api';
import { ProposalOrigin, type AttributionKind, type ClaimData } from '../schema/claim';
import { sourceNameOf } from '../sources/matchSource';
import type { DetectStrength } from './schema';

/** Detection's strength as the claim's attribution kind. */
export const KIND_OF_STRENGTH: Record<DetectStrength, AttributionKind> = { named: 'named', vague: 'vague', none: 'none' };

const MAX_REASONS = ProposalOrigin.shape.reasons.element.maxLength ?? 200;

/** The reasons kept with the claim: the claim's, then its attribution's, each once, within the schema's limits. */
function reasonsOf(p: Proposal): string[] {
  return [...new Set([...p.claim.reasons, ...p.attribution.reasons])].slice(0, 30).map((r) => r.slice(0, MAX_REASONS));
}

export function acceptProposal(base: ClaimData, p: Proposal, by: { reviewer: string; at: string }): ClaimData {
  const { strength } = p.attribution;
  const named = strength === 'named' && p.words.source !== null;
  const sourceName = p.source?.name ?? (named ? sourceNameOf(p.words.source!) : '');
  const sourceKind = p.source && p.source.kind !== 'none' ? p.source.kind : p.attribution.sourceKind;
  return {
    ...base,
    attribution: { ...base.attribution, sourceName: sourceName.slice(0, 200), sourceKind, kind: KIND_OF_STRENGTH[strength], cue: p.words.cue.replace(/\s+/g, ' ').trim().slice(0, 200) },
    proposal: { score: p.claim.score, reasons: reasonsOf(p), strength, acceptedBy: by.reviewer, acceptedAt: by.at },
  };
}
